using ReasonTrack.Geometry;

namespace ReasonTrack.Training.Rewards;

/// <summary>
/// ReasoningTrack's judge reward: was the decision to update the description right? The target is localized in
/// frame 2 with the new description (IoU <c>iou</c>) and with the original one (<c>iou2</c>); judge = 1 when
/// (d = no and <c>iou2 ≥ iou</c>) or (d = yes and <c>iou2 &lt; iou</c>). The comparison is <see cref="Compare"/>, a
/// pure function; the localizing is an <see cref="ITargetLocalizer"/>.
/// <para>
/// <b>Adaptation:</b> the released judge localizes by running a text-conditioned tracker twice from frame 1; ours
/// asks a VLM to ground the description in frame 2 (<see cref="VlmGroundingLocalizer"/>), because our trackers do not
/// read text. The rule is the same; the IoUs come from a different localizer.
/// </para>
/// </summary>
public static class ReasoningTrackJudge
{
    /// <summary>
    /// 1 when (d = <c>no</c> and <c>iouOriginal ≥ iouNew</c>) or (d = <c>yes</c> and <c>iouOriginal &lt; iouNew</c>),
    /// else 0. <paramref name="decision"/> is compared trimmed and lower-cased; anything but yes/no gives 0, and so
    /// does a NaN IoU (no comparison holds).
    /// </summary>
    public static int Compare(string? decision, double iouNew, double iouOriginal) => decision?.Trim().ToLowerInvariant() switch
    {
        "no" when iouOriginal >= iouNew => 1,
        "yes" when iouOriginal < iouNew => 1,
        _ => 0,
    };

    /// <summary>
    /// Localizes with the answer's description, then with the original one (in that order, one after the other, so a
    /// scripted or rate-limited server sees a fixed sequence), and compares. A reply without a yes/no decision and an
    /// answer is not judged (judge 0, no requests): there is nothing to compare.
    /// </summary>
    /// <param name="text">The reply's text score (its strict decision and answer).</param>
    /// <param name="originalDescription">The description the model was asked to refine.</param>
    /// <param name="frame1">Frame 1 path (for localizers that track from it), or null.</param>
    /// <param name="box1">The frame-1 box, or null.</param>
    /// <param name="frame2">Frame 2 path.</param>
    /// <param name="groundTruth">The target in frame 2, xywh pixels.</param>
    public static async Task<ReasoningTrackJudgement> JudgeAsync(ITargetLocalizer localizer, ReasoningTrackTextScore text, string originalDescription,
        string? frame1, Box? box1, string frame2, Box groundTruth, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(originalDescription);
        if (!text.HasDecision || text.Answer is null) return ReasoningTrackJudgement.NotJudged;

        var withNew = await localizer.LocateAsync(new TargetLocalizationRequest(frame1, box1, frame2, text.Answer), cancellationToken).ConfigureAwait(false);
        var withOriginal = await localizer.LocateAsync(new TargetLocalizationRequest(frame1, box1, frame2, originalDescription), cancellationToken).ConfigureAwait(false);
        double iou = ReasoningTrackJudgement.IouOf(withNew, groundTruth);
        double iou2 = ReasoningTrackJudgement.IouOf(withOriginal, groundTruth);
        return new ReasoningTrackJudgement(Compare(text.Decision, iou, iou2), iou, iou2, withNew, withOriginal);
    }
}
