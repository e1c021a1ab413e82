using System.Globalization;
using ReasonTrack.Onnx;

namespace ReasonTrack.Trackers.NanoTrack;

/// <summary>
/// Creates <see cref="NanoTrackTracker"/>s of one release: <c>nanotrack-v2</c> (alias <c>nanotrack</c>),
/// <c>nanotrack-v3</c>, <c>nanotrack-v1</c>. Settings override the release's published hyper-parameters; models come
/// from <see cref="TrackerContext.ModelDirectory"/> or <c>$REASONTRACK_MODELS/nanotrack/vN</c>; ONNX Runtime is the
/// official package the library is built with (<see cref="OnnxSessionFactory"/>).
/// </summary>
public sealed class NanoTrackFactory : ITrackerFactory
{
    public NanoTrackFactory(NanoTrackVersion version)
    {
        Version = version;
        var d = NanoTrackOptions.ForVersion(version);
        var lt = new NanoTrackLongTermOptions();
        Name = "nanotrack-v" + (int)version;
        Aliases = version == NanoTrackVersion.V2 ? ["nanotrack"] : [];
        Settings =
        [
            new("threads", "1", "ONNX Runtime intra-op threads per network (1 is fastest on 2 cores; 0 = one per core)"),
            new("device", "cpu", "where the networks run: cpu, cuda or cuda:N (CUDA needs the GPU build, OnnxRuntimeFlavor=gpu, and the CUDA 13 libraries; never replaced by the CPU)"),
            new("window-influence", F(d.WindowInfluence), "weight of the cosine window against the penalised score"),
            new("penalty-k", F(d.PenaltyK), "strength of the scale/aspect-ratio change penalty"),
            new("lr", F(d.LearningRate), "size update rate (times penalty x score)"),
            new("found-threshold", F(d.FoundThreshold), "classification score below which the target is reported as not found (released behaviour)"),
            new("long-term", "released", "released = NanoTrack as published; ours = calibrated lost signal (Score = presence probability) and global re-detection"),
            new("presence-threshold", F(lt.FoundThreshold), "long-term=ours: Found = presence probability >= this"),
            new("lost-frames", lt.LostFrames.ToString(CultureInfo.InvariantCulture), "long-term=ours: frames not found in a row before re-detection starts"),
            new("reacquire-threshold", F(lt.ReacquireThreshold), "long-term=ours: presence probability a re-detected window needs to re-acquire"),
            new("reacquire-margin", F(lt.ReacquireMargin), "long-term=ours: how much a re-detected window's presence must beat the local box's before the tracker jumps to it"),
            new("local-gate", F(lt.LocalGate), "long-term=ours: jump to a re-detected window only while the local box's recent presence (exponential mean) is at most this; 1 = no gate"),
            new("redetect-windows", lt.RedetectWindows.ToString(CultureInfo.InvariantCulture), "long-term=ours: grid windows searched per frame while lost (each one backbone + head run)"),
        ];
    }

    /// <summary>The factories of every release, v2 first (the default).</summary>
    public static IReadOnlyList<NanoTrackFactory> All { get; } =
        [new(NanoTrackVersion.V2), new(NanoTrackVersion.V3), new(NanoTrackVersion.V1)];

    public NanoTrackVersion Version { get; }

    /// <summary>Whether <c>long-term</c> defaults to ours; false: the released behaviour is the default.</summary>
    public const bool DefaultLongTerm = false;

    public string Name { get; }

    public IReadOnlyList<string> Aliases { get; }

    public string Description => $"NanoTrack {NanoTrackModelFiles.VersionFolder(Version)} (Siamese MobileNetV3 tracker, ONNX Runtime, CPU or CUDA; " +
                                 $"models in the model directory or $REASONTRACK_MODELS/nanotrack/{NanoTrackModelFiles.VersionFolder(Version)})";

    public IReadOnlyList<TrackerSetting> Settings { get; }

    /// <summary>Parses <paramref name="settings"/> into options (see <see cref="Settings"/>).</summary>
    /// <exception cref="InvalidSettingException">Unknown setting or bad value; the message names it.</exception>
    public NanoTrackOptions ParseOptions(IReadOnlyDictionary<string, string> settings, TrackerContext context)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(context);
        var o = NanoTrackOptions.ForVersion(Version);
        var lt = new NanoTrackLongTermOptions();
        bool? ours = null;
        string? longTermSetting = null;
        foreach (var (key, value) in settings)
        {
            switch (key)
            {
                case "long-term":
                    ours = value.Trim().ToLowerInvariant() switch
                    {
                        "ours" => true,
                        "released" => false,
                        _ => throw new InvalidSettingException("tracker settings", $"{Name}: setting 'long-term' must be 'released' or 'ours', got '{value}'"),
                    };
                    continue;
                case "presence-threshold":
                    lt = lt with { FoundThreshold = ParseDouble(key, value, 0, 1) };
                    longTermSetting = key;
                    continue;
                case "lost-frames":
                    lt = lt with { LostFrames = ParseInt(key, value, min: 1) };
                    longTermSetting = key;
                    continue;
                case "reacquire-threshold":
                    lt = lt with { ReacquireThreshold = ParseDouble(key, value, 0, 1) };
                    longTermSetting = key;
                    continue;
                case "reacquire-margin":
                    lt = lt with { ReacquireMargin = ParseDouble(key, value, 0, 1) };
                    longTermSetting = key;
                    continue;
                case "local-gate":
                    lt = lt with { LocalGate = ParseDouble(key, value, 0, 1) };
                    longTermSetting = key;
                    continue;
                case "redetect-windows":
                    lt = lt with { RedetectWindows = ParseInt(key, value, min: 0) };
                    longTermSetting = key;
                    continue;
            }
            o = key switch
            {
                "threads" => o with { Threads = ParseInt(key, value, min: 0) },
                "device" => o with { Device = ParseDevice(Name, key, value) },
                "window-influence" => o with { WindowInfluence = ParseDouble(key, value, 0, 1) },
                "penalty-k" => o with { PenaltyK = ParseDouble(key, value, 0, double.MaxValue) },
                "lr" => o with { LearningRate = ParseDouble(key, value, 0, 1) },
                "found-threshold" => o with { FoundThreshold = ParseDouble(key, value, 0, 1) },
                _ => throw new InvalidSettingException("tracker settings", $"{Name}: unknown setting '{key}' (known: {string.Join(", ", Settings.Select(s => s.Name))})"),
            };
        }
        if (ours ?? DefaultLongTerm) o = o with { LongTerm = lt };
        else if (longTermSetting is not null)
            throw new InvalidSettingException("tracker settings", $"{Name}: setting '{longTermSetting}' applies only with long-term=ours");
        // threads = 0 means "one per core" to ORT, which the tracker does not take: resolve it here, within what the
        // context allows for one sequence.
        if (o.Threads == 0) o = o with { Threads = Math.Max(1, Math.Min(Environment.ProcessorCount, context.Threads)) };
        return o;
    }

    public ITracker Create(IReadOnlyDictionary<string, string> settings, TrackerContext context) =>
        new NanoTrackTracker(ParseOptions(settings, context), context.ModelDirectory);

    /// <summary>The <c>device</c> setting of an ONNX tracker: <c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>.</summary>
    /// <exception cref="InvalidSettingException">Any other value; the message names the tracker and the setting.</exception>
    internal static OnnxDevice ParseDevice(string tracker, string key, string value) =>
        OnnxDevice.TryParse(value, out var device)
            ? device
            : throw new InvalidSettingException("tracker settings", $"{tracker}: setting '{key}' must be {OnnxDevice.Spellings}, got '{value}'");

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private int ParseInt(string key, string value, int min)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) || v < min)
            throw new InvalidSettingException("tracker settings", $"{Name}: setting '{key}' must be an integer >= {min}, got '{value}'");
        return v;
    }

    private double ParseDouble(string key, string value, double min, double max)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v) || v < min || v > max)
            throw new InvalidSettingException("tracker settings", $"{Name}: setting '{key}' must be a number in [{min}, {(max == double.MaxValue ? "inf" : F(max))}], got '{value}'");
        return v;
    }
}
