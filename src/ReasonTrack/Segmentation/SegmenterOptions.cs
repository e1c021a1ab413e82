using System.Globalization;

namespace ReasonTrack.Segmentation;

/// <summary>
/// Which segmenter turns the tracker's boxes into masks (ours; issue 16). <see cref="Kind"/> picks it; the matching
/// options record holds its settings. The default is <see cref="SegmenterKind.None"/>: masks only from a tracker that
/// sends them. Text form (<see cref="Parse"/>, <see cref="ToString"/>): <c>none</c>, <c>box</c>, <c>colour</c>
/// (or <c>color</c>), <c>onnx:&lt;encoder.onnx&gt;,&lt;decoder.onnx&gt;</c>.
/// </summary>
public sealed record SegmenterOptions
{
    public SegmenterKind Kind { get; init; } = SegmenterKind.None;

    /// <summary>Settings when <see cref="Kind"/> is <see cref="SegmenterKind.Colour"/>.</summary>
    public ColourSegmenterOptions Colour { get; init; } = new();

    /// <summary>Settings when <see cref="Kind"/> is <see cref="SegmenterKind.Onnx"/> (required then).</summary>
    public OnnxSegmenterOptions? Onnx { get; init; }

    /// <summary>
    /// Whether frames where the tracker reports the target lost (<c>Found = false</c>) get an empty mask rather than a
    /// mask of its best-guess box (ours: true; an absent object's empty mask scores J = 1 against an empty ground truth).
    /// </summary>
    public bool EmptyWhenLost { get; init; } = true;

    public static SegmenterOptions None { get; } = new();

    /// <summary>The segmenter for one sequence; null for <see cref="SegmenterKind.None"/>.</summary>
    public ISegmenter? Create() => Kind switch
    {
        SegmenterKind.None => null,
        SegmenterKind.Box => new BoxSegmenter(),
        SegmenterKind.Colour => new ColourSegmenter(Colour),
        SegmenterKind.Onnx => new OnnxBoxSegmenter(Onnx ?? throw new InvalidSettingException(nameof(Onnx), "SegmenterOptions.Kind = Onnx needs SegmenterOptions.Onnx (the encoder and decoder files)")),
        _ => throw new InvalidSettingException(nameof(Kind), $"unknown segmenter kind {Kind}"),
    };

    /// <summary>Reads the text form (see the type's remarks); relative model paths are resolved against <paramref name="baseDirectory"/> (null: the current directory).</summary>
    public static SegmenterOptions Parse(string text, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        string lower = t.ToLowerInvariant();
        switch (lower)
        {
            case "none": return new SegmenterOptions();
            case "box": return new SegmenterOptions { Kind = SegmenterKind.Box };
            case "colour" or "color": return new SegmenterOptions { Kind = SegmenterKind.Colour };
        }
        if (lower.StartsWith("onnx:", StringComparison.Ordinal))
        {
            var parts = t[5..].Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts.Any(p => p.Length == 0))
                throw new InvalidSettingException("segmenter", $"segmenter '{text}': onnx needs two files, onnx:<encoder.onnx>,<decoder.onnx>");
            string Full(string p) => Path.GetFullPath(p, baseDirectory ?? Directory.GetCurrentDirectory());
            return new SegmenterOptions { Kind = SegmenterKind.Onnx, Onnx = new OnnxSegmenterOptions { EncoderPath = Full(parts[0]), DecoderPath = Full(parts[1]) } };
        }
        throw new InvalidSettingException("segmenter", $"segmenter '{text}' is not one of none, box, colour, onnx:<encoder.onnx>,<decoder.onnx>");
    }

    /// <summary>The text form (recorded in a run's configuration: model paths included, settings of the colour model when not the defaults).</summary>
    public override string ToString() => Kind switch
    {
        SegmenterKind.None => "none",
        SegmenterKind.Box => "box",
        SegmenterKind.Colour => Colour == new ColourSegmenterOptions() ? "colour" : "colour" + string.Create(CultureInfo.InvariantCulture,
            $"(bins={Colour.BinsPerChannel},margin={Colour.BackgroundMargin},threshold={Colour.Threshold},rate={Colour.ModelUpdateRate},largest={Colour.LargestComponent},holes={Colour.FillHoles},minfill={Colour.MinFill})"),
        SegmenterKind.Onnx => $"onnx:{Onnx?.EncoderPath},{Onnx?.DecoderPath}",
        _ => Kind.ToString(),
    };
}
