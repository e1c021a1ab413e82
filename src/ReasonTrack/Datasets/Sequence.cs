using ReasonTrack.Geometry;

namespace ReasonTrack.Datasets;

/// <summary>
/// One annotated video of a benchmark. Frames are exposed as paths, never pixels, and may be empty when only the
/// annotations are at hand (evaluation needs none). Every per-frame array is indexed from the first annotated frame.
/// </summary>
public sealed class Sequence
{
    private readonly Lazy<IReadOnlyList<string>> _frames;

    public Sequence(string name, Box[] groundTruth, Func<IReadOnlyList<string>>? frames = null)
    {
        Name = name;
        GroundTruth = groundTruth;
        _frames = new Lazy<IReadOnlyList<string>>(frames ?? (() => Array.Empty<string>()));
    }

    /// <summary>The sequence's name as the benchmark spells it (result files are matched against it).</summary>
    public string Name { get; }

    /// <summary>Ground-truth boxes, one per annotated frame. May contain NaN rows (target absent, VOT-LT, UAV123).</summary>
    public Box[] GroundTruth { get; }

    /// <summary>Number of annotated frames.</summary>
    public int Length => GroundTruth.Length;

    /// <summary>Frame image paths, listed on first use. Empty when the dataset was loaded from annotations only.</summary>
    public IReadOnlyList<string> Frames => _frames.Value;

    /// <summary>
    /// Per-frame absence flags, <c>true</c> = target absent (whatever polarity the benchmark's file uses), exactly as
    /// many as the file held: a protocol decides what a length that differs from <see cref="Length"/> means.
    /// Null when the benchmark has no absence labels.
    /// </summary>
    public bool[]? Absent { get; init; }

    /// <summary>GOT-10k's per-frame cover level 0..8 (0 = fully occluded or out of view). Null elsewhere.</summary>
    public int[]? Cover { get; init; }

    /// <summary>Names of the attributes this sequence has (e.g. "Full Occlusion"), in the benchmark's order.</summary>
    public IReadOnlyList<string> Attributes { get; init; } = [];

    /// <summary>
    /// The raw attribute vector as the benchmark's file holds it (one value per attribute of
    /// <see cref="Dataset.AttributeNames"/>); Matlab toolkits select sequences by <c>value &gt; 0</c>.
    /// </summary>
    public double[]? AttributeVector { get; init; }

    /// <summary>The natural-language description of the target (first line of the language file, trimmed), if any.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// The whole language file as Python's <c>open(path).read()</c> returns it: UTF-8, newlines translated to
    /// <c>\n</c> (text mode), nothing stripped. Null when the loader has no language file (the TNLLT and TNL2K
    /// loaders fill it: VPTracker's evaluation reads both benchmarks' files whole). See <see cref="LanguageReading"/> for which mode reads which.
    /// </summary>
    public string? LanguageText { get; init; }

    /// <summary>
    /// The description under <paramref name="reading"/>: <see cref="LanguageText"/> for
    /// <see cref="LanguageReading.WholeFile"/> (falling back to <see cref="Language"/> when the loader kept no whole
    /// text), else <see cref="Language"/>.
    /// </summary>
    public string? LanguageAs(LanguageReading reading) =>
        reading == LanguageReading.WholeFile ? LanguageText ?? Language : Language;

    /// <summary>The object class (LaSOT's folder, GOT-10k's <c>object_class</c>), if known.</summary>
    public string? ClassName { get; init; }

    /// <summary>Frame size, when the annotations state it (GOT-10k <c>meta_info.ini</c>) or a loader read it.</summary>
    public ImageSize? Resolution { get; init; }

    /// <summary>
    /// Free-form per-sequence facts the benchmark states (GOT-10k <c>meta_info.ini</c>: <c>motion_class</c>,
    /// <c>major_class</c>, <c>url</c>, ...). Empty when there are none.
    /// </summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>VOT-style polygon ground truth, when the file held polygons; <see cref="GroundTruth"/> is then derived.</summary>
    public Polygon?[]? Polygons { get; init; }

    /// <summary>Per-frame tags (VOT: occlusion, camera_motion, ...), tag name to one flag per frame.</summary>
    public IReadOnlyDictionary<string, bool[]> FrameTags { get; init; } = new Dictionary<string, bool[]>();

    /// <summary>
    /// 1-based index of the frame file that the first ground-truth row belongs to (OTB's David starts at 300).
    /// </summary>
    public int FirstFrameNumber { get; init; } = 1;

    /// <summary>The file the ground truth was read from, for messages.</summary>
    public string? GroundTruthPath { get; init; }

    /// <summary>Visibility per frame: not absent, and (where known) not fully covered. True when nothing says otherwise.</summary>
    public bool IsVisible(int frame)
    {
        if (Absent is { } a && frame < a.Length && a[frame]) return false;
        if (Cover is { } c && frame < c.Length && c[frame] == 0) return false;
        return true;
    }

    public override string ToString() => $"{Name} ({Length} frames)";
}
