using ReasonTrack.Geometry;
using ReasonTrack.Reasoning.Parsing;

namespace ReasonTrack.Training.Rewards;

/// <summary>
/// ReasoningTrack's judge reward: was the decision to update the description right? The target is localized in
/// frame 2 with the new description (IoU <c>iou</c>) and with the original one (<c>iou2</c>); judge = 1 when
/// (d = no and <c>iou2 ≥ iou</c>) or (d = yes and <c>iou2 &lt; iou</c>). The comparison is <see cref="Compare"/>, a
/// pure function; the localizing is an <see cref="ITargetLocalizer"/>.
/// <para>
/// As released (<c>ReasoningTrack/Reinforcement Learning/examples/reward_function/track.py</c>
/// <c>iou_reward_batch</c> ~154-234, called by <c>compute_score_batch</c> ~284-316, which <c>examples/config.yaml</c>
/// selects): the judge reads the <b>raw</b> reply (the whitespace normalisation only feeds format and strict), with
/// <see cref="ReadReply"/>; every reply is judged, whatever its format; a failed localization gives
/// <c>iou = iou2 = 0</c> (so d = no scores 1); the original description is <c>problem[88:]</c> (the caller's).
/// </para>
/// <para>
/// <b>Adaptation:</b> the released judge localizes by running a text-conditioned tracker (DUTrack) twice from frame 1;
/// ours asks a VLM to ground the description in frame 2 (<see cref="VlmGroundingLocalizer"/>), because our trackers
/// do not read text. The rule is the same; the IoUs come from a different localizer. The released tracker fails (its
/// <c>TrackingResult[0]</c> is false) for the whole batch at once; ours fails per reply, when either localization
/// finds no box.
/// </para>
/// </summary>
public static class ReasoningTrackJudge
{
    /// <summary>The answer the released judge uses when the reply has no <c>&lt;answer&gt;</c> (track.py ~181).</summary>
    public const string MissingAnswer = "tracking the object";

    /// <summary>
    /// The released judge's reading of a raw reply (track.py ~164-183): d = the first <c>&lt;d&gt;(.*?)&lt;/d&gt;</c>
    /// anywhere (dot matches newline), stripped (Python <c>str.strip()</c>), case-sensitive; anything but exactly
    /// <c>yes</c> or <c>no</c>, and no tag at all, is <c>no</c>. The answer = the first
    /// <c>&lt;answer&gt;(.*?)&lt;/answer&gt;</c>, stripped, or <see cref="MissingAnswer"/>.
    /// </summary>
    public static (string Decision, string Answer) ReadReply(string? rawReply)
    {
        string reply = rawReply ?? "";
        // The released first-match rule is the parsers' exact tag reading (TagReader).
        var d = TagReader.Exact("d").Match(reply);
        string decision = d.Success ? PythonText.Strip(d.Groups[1].Value) : "no";
        if (decision is not ("yes" or "no")) decision = "no";
        var a = TagReader.Exact("answer").Match(reply);
        return (decision, a.Success ? PythonText.Strip(a.Groups[1].Value) : MissingAnswer);
    }

    /// <summary>
    /// 1 when (d = <c>no</c> and <c>iouOriginal ≥ iouNew</c>) or (d = <c>yes</c> and <c>iouOriginal &lt; iouNew</c>),
    /// else 0. <paramref name="decision"/> is compared exactly (case-sensitive, as released: <see cref="ReadReply"/>
    /// already made it yes or no); anything else gives 0, and so does a NaN IoU (no comparison holds).
    /// </summary>
    public static int Compare(string? decision, double iouNew, double iouOriginal) => decision switch
    {
        "no" when iouOriginal >= iouNew => 1,
        "yes" when iouOriginal < iouNew => 1,
        _ => 0,
    };

    /// <summary>
    /// Reads the raw reply (<see cref="ReadReply"/>), localizes with its answer, then with the original description
    /// (in that order, one after the other, so a scripted or rate-limited server sees a fixed sequence), and
    /// compares. Every reply is judged. When either localization finds no box, both IoUs are 0 (released: a tracking
    /// failure sets <c>iou = iou2 = 0</c>).
    /// </summary>
    /// <param name="rawReply">The model's reply as generated (not normalised).</param>
    /// <param name="originalDescription">The description the model was asked to refine (released: <c>problem[88:]</c>).</param>
    /// <param name="frame1">Frame 1 path (for localizers that track from it), or null.</param>
    /// <param name="box1">The frame-1 box, or null.</param>
    /// <param name="frame2">Frame 2 path.</param>
    /// <param name="groundTruth">The target in frame 2, xywh pixels.</param>
    public static async Task<ReasoningTrackJudgement> JudgeAsync(ITargetLocalizer localizer, string? rawReply, string originalDescription,
        string? frame1, Box? box1, string frame2, Box groundTruth, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(originalDescription);
        var (decision, answer) = ReadReply(rawReply);

        var withNew = await localizer.LocateAsync(new TargetLocalizationRequest(frame1, box1, frame2, answer), cancellationToken).ConfigureAwait(false);
        var withOriginal = await localizer.LocateAsync(new TargetLocalizationRequest(frame1, box1, frame2, originalDescription), cancellationToken).ConfigureAwait(false);
        bool failed = withNew.Box is null || withOriginal.Box is null;
        double iou = failed ? 0 : ReasoningTrackJudgement.IouOf(withNew, groundTruth);
        double iou2 = failed ? 0 : ReasoningTrackJudgement.IouOf(withOriginal, groundTruth);
        return new ReasoningTrackJudgement(Compare(decision, iou, iou2), iou, iou2, withNew, withOriginal) { Decision = decision, Answer = answer };
    }
}
