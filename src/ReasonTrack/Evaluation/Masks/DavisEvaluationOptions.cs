namespace ReasonTrack.Evaluation.Masks;

/// <summary>
/// The rules of the DAVIS 2017 semi-supervised evaluation that change numbers, as named options. The defaults are the
/// official toolkit's (davis2017-evaluation, commit ac7c43f); the alternatives are ours and say so.
/// </summary>
public sealed record DavisEvaluationOptions
{
    /// <summary>The toolkit's behaviour.</summary>
    public static DavisEvaluationOptions Toolkit { get; } = new();

    /// <summary>
    /// True (toolkit, evaluation.py:90 passes no void masks): void (255) ground-truth pixels count as background, so
    /// a prediction on them is a false positive for J and makes boundary for F. False (ours): void pixels are left
    /// out of both masks, for J and F alike.
    /// </summary>
    public bool VoidAsBackground { get; init; } = true;

    /// <summary>True (toolkit, evaluation.py:84-86): the first and last annotated frames are not scored (nor read).</summary>
    public bool DropFirstAndLastFrame { get; init; } = true;

    /// <summary>
    /// True (toolkit, davis.py:93-97): the objects are 1..(highest id of annotation frame 0); higher ids appearing
    /// later are ignored. False (ours): the highest id over all annotation frames.
    /// </summary>
    public bool ObjectCountFromFirstFrame { get; init; } = true;

    /// <summary>True (toolkit, utils.py:152): the Decay bin edges are cast to uint8 and wrap above 255 frames.</summary>
    public bool DecayUint8Wrap { get; init; } = true;

    /// <summary>A result id above the object count (255 included): an error by default (the toolkit stops silently).</summary>
    public DavisExtraObjectPolicy ExtraObjects { get; init; } = DavisExtraObjectPolicy.Error;

    /// <summary>Boundary tolerance as a fraction of the diagonal (or pixels when ≥ 1); the toolkit's 0.008.</summary>
    public double BoundThreshold { get; init; } = DavisMetrics.DefaultBoundThreshold;

    /// <summary>Threads for frames (null = all cores).</summary>
    public int? Parallelism { get; init; }

    /// <summary>Keep the per-frame counts (<see cref="DavisObjectResult.Counts"/>) in the report.</summary>
    public bool KeepCounts { get; init; } = true;

    /// <summary>The options that differ from the toolkit's, as "name=value" (empty for the toolkit's rules).</summary>
    public IReadOnlyList<string> Deviations()
    {
        var d = new List<string>();
        if (!VoidAsBackground) d.Add("void=exclude (ours)");
        if (!DropFirstAndLastFrame) d.Add("first-last-frames=score (ours)");
        if (!ObjectCountFromFirstFrame) d.Add("objects=all-frames (ours)");
        if (!DecayUint8Wrap) d.Add("decay-uint8-wrap=off (ours)");
        if (ExtraObjects != DavisExtraObjectPolicy.Error) d.Add("extra-ids=ignore (ours)");
        if (BoundThreshold != DavisMetrics.DefaultBoundThreshold) d.Add($"bound-threshold={BoundThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return d;
    }
}
