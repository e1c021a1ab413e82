namespace ReasonTrack.Datasets.Referring;

/// <summary>
/// One video of a referring benchmark: its frames (file stems in order, and their image paths), its expressions, and
/// its ground truth when the split has any.
/// </summary>
public sealed class ReferringVideo
{
    private readonly Lazy<IReadOnlyList<string>> _frames;

    public ReferringVideo(string name, IReadOnlyList<string> frameNames, Func<IReadOnlyList<string>> frames, IReadOnlyList<ReferringExpression> expressions)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(frameNames);
        ArgumentNullException.ThrowIfNull(frames);
        Name = name;
        FrameNames = frameNames;
        Expressions = expressions;
        _frames = new Lazy<IReadOnlyList<string>>(frames);
    }

    public string Name { get; }

    /// <summary>The frames' file stems in order (<c>00000</c>, <c>00005</c>, ...): result PNGs are named after them.</summary>
    public IReadOnlyList<string> FrameNames { get; }

    /// <summary>The frame image paths, parallel to <see cref="FrameNames"/>.</summary>
    public IReadOnlyList<string> Frames => _frames.Value;

    /// <summary>The expressions, in the benchmark's order (Refer-DAVIS17: ascending object id).</summary>
    public IReadOnlyList<ReferringExpression> Expressions { get; }

    /// <summary>The ground-truth masks (null when the split has none, e.g. the Refer-YouTube-VOS and MeViS valid splits).</summary>
    public IReferringGroundTruth? GroundTruth { get; init; }

    /// <summary>The folder of label PNGs a DAVIS evaluation reads (Refer-DAVIS17's <c>Annotations/480p/&lt;video&gt;</c>); null elsewhere.</summary>
    public string? AnnotationFolder { get; init; }

    public override string ToString() => $"{Name} ({FrameNames.Count} frames, {Expressions.Count} expressions)";
}
