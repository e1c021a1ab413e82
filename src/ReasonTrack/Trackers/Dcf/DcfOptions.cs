using System.Globalization;

namespace ReasonTrack.Trackers.Dcf;

/// <summary>
/// Typed options of the <c>dcf</c> tracker. Every property has a string setting (<see cref="Parse"/>) of the
/// kebab-case name (an underscore is accepted for a dash) listed in <see cref="Settings"/>. The thresholds and the
/// filter's rates come from <c>dcf-v1</c> (calibrated on all 10 shared sequences); the colour-histogram values are
/// Staple's released ones and the 33 scales DSST's, checked on the tuning half only (bench/peers/splits/README.md).
/// </summary>
public sealed record DcfOptions
{
    /// <summary>Translation model learning rate (running average weight of the newest frame).</summary>
    public double LearningRate { get; init; } = 0.02;

    /// <summary>Scale model learning rate.</summary>
    public double ScaleLearningRate { get; init; } = 0.025;

    /// <summary>Context added around the target: each side of the search window grows by padding x sqrt(w h).</summary>
    public double Padding { get; init; } = 1.5;

    /// <summary>HOG cell size in template pixels.</summary>
    public int CellSize { get; init; } = 4;

    /// <summary>The search window is resampled to about this many pixels squared (up or down).</summary>
    public int TemplateSize { get; init; } = 150;

    /// <summary>Ridge-regression regularisation (lambda) of both filters.</summary>
    public double Lambda { get; init; } = 1e-3;

    /// <summary>Gaussian label width relative to sqrt(target area).</summary>
    public double OutputSigmaFactor { get; init; } = 1.0 / 16;

    /// <summary>
    /// Number of scales of the 1-D scale filter (0 or 1 turns scale estimation off). 33 as released DSST and OpenCV's
    /// CSRT (dcf-v1: 17).
    /// </summary>
    public int Scales { get; init; } = 33;

    /// <summary>Ratio between neighbouring scales.</summary>
    public double ScaleStep { get; init; } = 1.02;

    /// <summary>Pixel area of the target patch the scale filter resamples each scale to.</summary>
    public int ScaleModelArea { get; init; } = 512;

    /// <summary>Found = confidence (PSR over its running average, about 1 when tracking well) at or above this.</summary>
    public double FoundThreshold { get; init; } = 0.4;

    /// <summary>The models learn from a frame only when its confidence is at or above this.</summary>
    public double UpdateThreshold { get; init; } = 0.45;

    /// <summary>Consecutive frames below <see cref="FoundThreshold"/> that switch the tracker to re-detection.</summary>
    public int LostFrames { get; init; } = 3;

    /// <summary>In re-detection, a window must reach this confidence to re-acquire the target.</summary>
    public double ReacquireThreshold { get; init; } = 0.5;

    /// <summary>Extra search windows evaluated per frame in re-detection (besides the one at the last position).</summary>
    public int RedetectWindows { get; init; } = 4;

    /// <summary>In re-detection the search grid grows by one ring of windows every this many frames.</summary>
    public int RedetectGrowFrames { get; init; } = 2;

    /// <summary>Use opponent-colour channels on RGB frames.</summary>
    public bool Color { get; init; } = true;

    /// <summary>
    /// Weight of the colour-histogram response in the merged response (Staple's merge_factor, 0.3 released):
    /// <c>(1 - w) correlation + w colour</c>. 0 = correlation filter only (<c>dcf-v1</c>).
    /// </summary>
    public double HistogramMerge { get; init; } = 0.3;

    /// <summary>Learning rate of the colour histograms (Staple's lr_pwp, 0.04 released).</summary>
    public double HistogramLearningRate { get; init; } = 0.04;

    /// <summary>Histogram levels per channel: levels^3 RGB bins on colour frames, levels grey bins on grey ones (Staple: 32).</summary>
    public int HistogramLevels { get; init; } = 32;

    /// <summary>The foreground histogram's box is the target shrunk by this x its mean side (Staple's inner_padding, 0.2).</summary>
    public double HistogramInnerPadding { get; init; } = 0.2;

    /// <summary>
    /// The previous default (<c>dcf-v1</c>, kept for comparison): the same correlation filter, scale filter and
    /// re-detection without the colour-histogram response.
    /// </summary>
    public static DcfOptions V1 { get; } = new() { HistogramMerge = 0, Scales = 17 };

    /// <summary>The settings the factory lists: name, default, meaning.</summary>
    public static IReadOnlyList<TrackerSetting> Settings { get; } =
    [
        new("learning-rate", "0.02", "translation model learning rate, in (0, 1]"),
        new("scale-learning-rate", "0.025", "scale model learning rate, in (0, 1]"),
        new("padding", "1.5", "context around the target: each side grows by padding*sqrt(w*h)"),
        new("cell-size", "4", "HOG cell size in template pixels (2..8)"),
        new("template-size", "150", "search window resampled to about this many pixels squared (32..512)"),
        new("lambda", "0.001", "ridge regularisation"),
        new("output-sigma", "0.0625", "Gaussian label width relative to sqrt(target area)"),
        new("scales", "33", "scales of the 1-D scale filter; 0 or 1 = no scale estimation"),
        new("scale-step", "1.02", "ratio between neighbouring scales (> 1)"),
        new("scale-model-area", "512", "pixel area of each scale sample"),
        new("found-threshold", "0.4", "Found = confidence (PSR / its running average) >= this"),
        new("update-threshold", "0.45", "learn from a frame only when its confidence >= this"),
        new("lost-frames", "3", "consecutive frames below found_threshold before re-detection starts"),
        new("reacquire-threshold", "0.5", "confidence needed to re-acquire in re-detection (0.35 let look-alike distractors in; 0.5-0.7 measured equal on the shared sequences)"),
        new("redetect-windows", "4", "extra search windows per frame in re-detection"),
        new("redetect-grow-frames", "2", "re-detection grid grows one ring every this many frames"),
        new("color", "true", "opponent-colour channels on RGB frames (true/false)"),
        new("histogram-merge", "0.3", "weight of the colour-histogram response (Staple's merge factor); 0 = off, as dcf-v1"),
        new("histogram-learning-rate", "0.04", "colour histogram learning rate, in (0, 1]"),
        new("histogram-levels", "32", "histogram levels per channel (levels^3 RGB bins; grey frames: levels bins), 4..64"),
        new("histogram-inner-padding", "0.2", "foreground histogram box = target shrunk by this x mean side"),
    ];

    /// <summary>The settings list with defaults taken from <paramref name="defaults"/> (for a preset such as <see cref="V1"/>).</summary>
    public static IReadOnlyList<TrackerSetting> SettingsWith(DcfOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        var reference = new DcfOptions();
        return [.. Settings.Select(s => s.Name switch
        {
            "histogram-merge" when defaults.HistogramMerge != reference.HistogramMerge =>
                s with { Default = defaults.HistogramMerge.ToString(CultureInfo.InvariantCulture) },
            "scales" when defaults.Scales != reference.Scales => s with { Default = defaults.Scales.ToString(CultureInfo.InvariantCulture) },
            _ => s,
        })];
    }

    /// <summary>Options from string settings; unknown names and bad values throw with the setting named.</summary>
    /// <exception cref="InvalidSettingException">Unknown setting, unparsable or out-of-range value.</exception>
    public static DcfOptions Parse(IReadOnlyDictionary<string, string> settings) => Parse(settings, new DcfOptions());

    /// <summary>Options from string settings applied over <paramref name="defaults"/> (e.g. <see cref="V1"/>).</summary>
    /// <exception cref="InvalidSettingException">Unknown setting, unparsable or out-of-range value.</exception>
    public static DcfOptions Parse(IReadOnlyDictionary<string, string> settings, DcfOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(defaults);
        var o = defaults;
        foreach (var (key, value) in settings)
        {
            o = key.Trim().ToLowerInvariant().Replace('_', '-') switch
            {
                "learning-rate" => o with { LearningRate = Real(key, value, 1e-6, 1) },
                "scale-learning-rate" => o with { ScaleLearningRate = Real(key, value, 1e-6, 1) },
                "padding" => o with { Padding = Real(key, value, 0.2, 6) },
                "cell-size" => o with { CellSize = Int(key, value, 2, 8) },
                "template-size" => o with { TemplateSize = Int(key, value, 32, 512) },
                "lambda" => o with { Lambda = Real(key, value, 1e-9, 10) },
                "output-sigma" => o with { OutputSigmaFactor = Real(key, value, 0.005, 1) },
                "scales" => o with { Scales = Int(key, value, 0, 65) },
                "scale-step" => o with { ScaleStep = Real(key, value, 1.0001, 1.5) },
                "scale-model-area" => o with { ScaleModelArea = Int(key, value, 64, 8192) },
                "found-threshold" => o with { FoundThreshold = Real(key, value, 0, 1000) },
                "update-threshold" => o with { UpdateThreshold = Real(key, value, 0, 1000) },
                "lost-frames" => o with { LostFrames = Int(key, value, 1, 10000) },
                "reacquire-threshold" => o with { ReacquireThreshold = Real(key, value, 0, 1000) },
                "redetect-windows" => o with { RedetectWindows = Int(key, value, 0, 1000) },
                "redetect-grow-frames" => o with { RedetectGrowFrames = Int(key, value, 1, 10000) },
                "color" => o with { Color = Bool(key, value) },
                "histogram-merge" => o with { HistogramMerge = Real(key, value, 0, 1) },
                "histogram-learning-rate" => o with { HistogramLearningRate = Real(key, value, 1e-6, 1) },
                "histogram-levels" => o with { HistogramLevels = Int(key, value, 4, 64) },
                "histogram-inner-padding" => o with { HistogramInnerPadding = Real(key, value, 0, 0.9) },
                _ => throw new InvalidSettingException("tracker settings",
                    $"unknown setting '{key}' for tracker dcf; known settings: {string.Join(", ", Settings.Select(s => s.Name))}"),
            };
        }
        return o;
    }

    private static double Real(string key, string value, double min, double max)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new InvalidSettingException("tracker settings", $"setting '{key}' of tracker dcf: '{value}' is not a number");
        if (v < min || v > max)
            throw new InvalidSettingException("tracker settings", $"setting '{key}' of tracker dcf: {value} is outside [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
        return v;
    }

    private static int Int(string key, string value, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v))
            throw new InvalidSettingException("tracker settings", $"setting '{key}' of tracker dcf: '{value}' is not an integer");
        if (v < min || v > max)
            throw new InvalidSettingException("tracker settings", $"setting '{key}' of tracker dcf: {value} is outside [{min}, {max}]");
        return v;
    }

    private static bool Bool(string key, string value) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => throw new InvalidSettingException("tracker settings", $"setting '{key}' of tracker dcf: '{value}' is not true/false"),
    };
}
