using Microsoft.Extensions.AI;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Parsing;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Trackers;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>
/// ReasoningTrack's description refiner as a reasoner: triggers are checked on every frame (released motion rule,
/// optional interval and confidence drop); a trigger found on frame k asks with the frame of the previous update,
/// frame k itself and the text to refine (the frame files' own bytes labelled jpeg by default, see <paramref name="encoding"/>; no sampling fields). The reply is parsed with the released defaults (<paramref name="parsing"/>: released
/// by default, d must be exactly <c>yes</c>) and the description strategy decides what is in force.
/// <para>
/// Timing, as the released tracker (<c>Evaluation/dutrack.py</c> ~178-311): its 0-based <c>frame_id</c> is checked
/// after tracking when <c>frame_id % 10 == 0</c>; on a positive check, the call is made when frame k+1 is being
/// tracked, before its forward pass, with image 2 = <c>{frame_id:05d}.png</c> while <c>frame_id</c> = k+1 — on
/// TNLLT's 1-based files that is frame k, the check frame — and image 1 = the frame of the previous update;
/// <c>his_state</c> becomes the box of frame k and the new text is used in frame k+1's forward pass. Here the
/// request is created on frame k (its image, its box as the new <c>his</c>) and its answer applied
/// <see cref="AnswerTiming.NextFrame"/>: in sync mode frame k+1 is tracked with the new description, exactly as
/// released. Image 1 of the first call is frame 1 (the released <c>previous_img_id</c> starts at 1; the loop that
/// advances it is not in the release: taken as the check frame of each update, the frame whose box becomes
/// <c>his</c>). In realtime mode the call runs in the background from frame k and its answer is in force from the
/// first frame whose tracking starts after it arrived (k+1 at the earliest); the descriptions file shows from where.
/// </para>
/// <para>
/// The confidence trigger compares with the tracker's score on frame 2, the first frame it actually tracks (frame 1
/// is the initialization, which has no score of its own). In realtime mode a newer request of this refiner replaces
/// one still waiting: the frame pair sent is then (last sent frame, newest frame), so no change is skipped, only an
/// intermediate comparison. An answer is applied to the text that was sent with it, not the text in force when it
/// arrives (the same for every strategy but cascaded).
/// </para>
/// </summary>
public sealed class DescriptionRefiner(IChatClient client, DescriptionStrategy strategy, UpdateTriggerOptions? triggers = null, ImageEncoding? encoding = null,
    ReplyParsing parsing = ReplyParsing.Released) : IFrameReasoner
{
    private readonly UpdateTriggerOptions _triggers = triggers ?? UpdateTriggerOptions.Released;
    // Released (Evaluation/i2d.py image_to_base64): the frame file's own bytes labelled image/jpeg; PNG without a file.
    private readonly ImageEncoding _encoding = encoding ?? ImageEncoding.ReleasedReasoningTrack;
    private DescriptionState? _description;
    private ImageFrame? _hisFrame;
    private Box _hisBox;
    private double? _firstScore;

    public string Mode => "reasoningtrack";

    /// <summary>The answer is in force from the frame after the one asked about (see the type's remarks).</summary>
    public AnswerTiming Timing => AnswerTiming.NextFrame;

    public ReasoningRequest? Consider(int frame, ImageFrame image, TrackResult tracked, ReasoningState state)
    {
        if (frame == 0 || _description is null)
        {
            _description = new DescriptionState(strategy, state.InitialDescription ?? throw new ReasonTrackException("the reasoningtrack refiner needs a target description"));
            _hisFrame = image.Clone();
            _hisBox = tracked.Box;
            _firstScore = null;
            state.LastUpdateFrame = frame;
            return null;
        }
        _firstScore ??= tracked.Score;
        var reason = UpdateTrigger.Evaluate(frame, state.LastUpdateFrame, _hisBox, tracked.Box, image.Size, tracked.Score, _firstScore, _triggers);
        if (reason == UpdateTriggerReason.None) return null;
        string trigger = reason.ToString().ToLowerInvariant().Replace(", ", "+", StringComparison.Ordinal);
        // Image 2 and the new his are the check frame itself; the answer counts from the next frame (Timing).
        var previous = _hisFrame!;
        var current = image.Clone();
        string text = _description.TextToRefine;
        _hisFrame = current;
        _hisBox = tracked.Box;
        state.LastUpdateFrame = frame;
        return new ReasoningRequest(trigger, ct => AskAsync(previous, current, text, ct));
    }

    private async Task<ReasoningAnswer> AskAsync(ImageFrame previous, ImageFrame current, string text, CancellationToken ct)
    {
        // The released client sends no temperature and no max_tokens: the prompt's sampling is "server defaults".
        var exchange = await PromptSender.SendAsync(client, ReasoningTrackPrompts.Build(previous, current, text), _encoding, ct).ConfigureAwait(false);
        var reply = ReasoningTrackReply.Parse(exchange.Text, parsing);
        return new ReasoningAnswer
        {
            Status = reply.Report.Outcome == ParseOutcome.Fallback ? "fallback" : "ok",
            Decision = $"d={reply.D}",
            Description = reply.Decision(text),
            RawReply = exchange.Text,
            PromptHash = exchange.PromptHash,
            Images = exchange.ImageSizes,
            ImageEncodings = exchange.ImageEncodings,
            ImageThumbnails = exchange.ImageThumbnails,
            ParseNote = exchange.Note(reply.Report.Outcome == ParseOutcome.Ok ? null : reply.Report.ToString()),
            Detail = (reply, text),
        };
    }

    public AnswerUse Apply(ReasoningAnswer answer, int askedFrame, int currentFrame, ReasoningState state)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(state);
        if (_description is null || answer.Detail is not (ReasoningTrackReply reply, string sent)) return AnswerUse.Stale;
        _description = _description.Apply(reply, sent);
        state.Description = _description.InForce;
        return AnswerUse.Applied;
    }
}
