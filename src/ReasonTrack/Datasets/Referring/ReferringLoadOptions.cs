namespace ReasonTrack.Datasets.Referring;

/// <summary>What to load from a referring benchmark. Loaders ignore options that do not apply to theirs.</summary>
public sealed record ReferringLoadOptions
{
    /// <summary>Only these videos, in this order. Null = every video of the split.</summary>
    public IReadOnlyList<string>? Videos { get; init; }

    /// <summary>
    /// The split (Refer-DAVIS17: <c>val</c> (default) or <c>train</c>, from <c>ImageSets/2017</c>; Refer-YouTube-VOS:
    /// <c>train</c> or <c>valid</c> (default: <c>train</c>, the only split with public masks); MeViS: <c>train</c>,
    /// <c>valid_u</c> (default: the split with public masks for offline evaluation) or <c>valid</c>).
    /// </summary>
    public string? Split { get; init; }

    /// <summary>Refer-DAVIS17: which annotator's file (<see cref="ReferDavisExpressions"/>; default the first annotator, first-frame expressions).</summary>
    public ReferDavisExpressions DavisExpressions { get; init; } = ReferDavisExpressions.Annotator1;

    /// <summary>
    /// Refer-DAVIS17: an expressions file to read instead of <c>davis_text_annotations/&lt;file&gt;</c> (same format);
    /// its encoding is that of <see cref="DavisExpressions"/>'s annotator.
    /// </summary>
    public string? ExpressionsFile { get; init; }

    /// <summary>
    /// Refer-DAVIS17: repair the three video names of the text files that differ from the DAVIS folders
    /// (<c>clasic-car</c> -&gt; <c>classic-car</c>, <c>dog-scale</c> -&gt; <c>dogs-scale</c>, <c>motor-bike</c> -&gt;
    /// <c>motorbike</c>), as ReferFormer's <c>tools/data/convert_davis_to_ytvos.py</c> does. On by default.
    /// </summary>
    public bool RepairVideoNames { get; init; } = true;

    /// <summary>
    /// Refer-YouTube-VOS <c>valid</c>: leave out the videos also listed in <c>meta_expressions/test</c> (the
    /// competition's validation file holds both its 202 validation and 305 test videos; ReferFormer's
    /// <c>inference_ytvos.py</c> removes the test ones). On by default; without a test file nothing is removed.
    /// </summary>
    public bool ExcludeTestVideos { get; init; } = true;

    /// <summary>List frame files (false: frame paths are built from the expression file's frame names without touching the folders).</summary>
    public bool ListFrames { get; init; } = true;
}
