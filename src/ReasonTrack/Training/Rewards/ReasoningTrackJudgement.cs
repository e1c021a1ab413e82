using ReasonTrack.Geometry;

namespace ReasonTrack.Training.Rewards;

/// <summary>
/// The judge's outcome for one reply: both localizations, their IoUs with the frame-2 ground truth and the verdict.
/// Null boxes and IoUs mean the judge did not localize (<see cref="NotJudged"/>; since issue 11 every reply is judged).
/// </summary>
/// <param name="Judge">1 when the decision was right by the IoU comparison, else 0.</param>
/// <param name="Iou">IoU of the box found with the new description (A) with the ground truth.</param>
/// <param name="IouOriginal">IoU of the box found with the original description (B) with the ground truth.</param>
/// <param name="New">The localization with the new description.</param>
/// <param name="Original">The localization with the original description.</param>
public sealed record ReasoningTrackJudgement(int Judge, double? Iou, double? IouOriginal, TargetLocation? New, TargetLocation? Original)
{
    /// <summary>The decision the judge read from the raw reply (<c>yes</c> or <c>no</c>, <see cref="ReasoningTrackJudge.ReadReply"/>).</summary>
    public string? Decision { get; init; }

    /// <summary>The new description the judge localized with (the reply's answer, or <c>tracking the object</c>).</summary>
    public string? Answer { get; init; }

    /// <summary>Not judged: no localization was run.</summary>
    public static ReasoningTrackJudgement NotJudged { get; } = new(0, null, null, null, null);

    /// <summary>The shaped IoU of <see cref="Iou"/> (0 when not judged); weighted 0 in the overall reward as shipped.</summary>
    public double ShapedIou => Iou is { } v ? ReasoningTrackReward.ShapeIou(v) : 0;

    /// <summary>The IoU of a localization with the ground truth; a missing box counts as 0.</summary>
    internal static double IouOf(TargetLocation location, Box groundTruth) =>
        location.Box is { } b && Overlap.Iou(b, groundTruth) is var iou && double.IsFinite(iou) ? iou : 0;
}
