namespace ReasonTrack.Datasets.Referring;

/// <summary>
/// A loaded referring video object segmentation benchmark: videos with expressions naming their targets. What
/// <see cref="IReferringDatasetLoader.LoadReferring"/> returns; <see cref="ToDataset"/> is its view as a plain
/// <see cref="Dataset"/> (one sequence per video, frames only, no boxes) for the dataset registry.
/// </summary>
public sealed class ReferringDataset(string key, string displayName, string root, IReadOnlyList<ReferringVideo> videos)
{
    /// <summary>Registry key (<c>refer-davis17</c>, <c>refer-youtube-vos</c>, <c>mevis</c>).</summary>
    public string Key { get; } = key;

    public string DisplayName { get; } = displayName;

    public string Root { get; } = root;

    public IReadOnlyList<ReferringVideo> Videos { get; } = videos;

    /// <summary>
    /// How the benchmark is scored: <c>davis2017</c> (Refer-DAVIS17: the DAVIS 2017 toolkit on one label map per frame
    /// merging every object's mask) or <c>per-expression</c> (Refer-YouTube-VOS, MeViS: J and F averaged over every
    /// frame of each expression, then over expressions, as MeViS's <c>tools/eval_mevis.py</c> and the Refer-YouTube-VOS server).
    /// </summary>
    public string Protocol { get; init; } = "davis2017";

    /// <summary>Refer-DAVIS17: the DAVIS 2017 folder (holding <c>JPEGImages</c>, <c>Annotations</c>) that the davis2017 evaluation reads; null elsewhere.</summary>
    public string? DavisRoot { get; init; }

    /// <summary>The split loaded (<c>val</c>, <c>train</c>, <c>valid</c>, <c>valid_u</c>, ...).</summary>
    public string? Split { get; init; }

    /// <summary>Which expressions were taken (Refer-DAVIS17: the annotator file), for figures and records.</summary>
    public string? ExpressionSet { get; init; }

    /// <summary>Notes the loader wants the user to see (names repaired, videos skipped).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public ReferringVideo? Find(string name) => Videos.FirstOrDefault(v => v.Name == name);

    /// <summary>
    /// The benchmark as a plain <see cref="Dataset"/>: one sequence per video with its frames and, having no boxes,
    /// one NaN ground-truth row per frame (box protocols cannot score it: masks are scored with <see cref="Protocol"/>).
    /// </summary>
    public Dataset ToDataset()
    {
        var sequences = Videos.Select(v =>
        {
            var gt = new Geometry.Box[v.FrameNames.Count];
            Array.Fill(gt, new Geometry.Box(double.NaN, double.NaN, double.NaN, double.NaN));
            return new Sequence(v.Name, gt, () => v.Frames) { GroundTruthPath = v.AnnotationFolder ?? v.GroundTruth?.Location };
        }).ToList();
        return new Dataset(Key, DisplayName, Root, sequences)
        {
            DefaultProtocol = Protocol,
            Notes = [.. Notes, $"{DisplayName} is scored on masks ({Protocol}): its sequences carry no boxes"],
        };
    }
}
