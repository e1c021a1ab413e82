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
/// optional interval and confidence drop); a trigger found on frame k sends the request on frame k+1, as the
/// released tracker does, with the frame of the previous update, the current frame and the text to refine
/// (the frame files' own bytes labelled jpeg by default, see <paramref name="encoding"/>; no sampling fields). The reply is parsed with the released defaults (<paramref name="parsing"/>: released
/// by default, d must be exactly <c>yes</c>) and the description strategy decides what is in force.
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
    private string? _due;

    public string Mode => "reasoningtrack";

    public ReasoningRequest? Consider(int frame, ImageFrame image, TrackResult tracked, ReasoningState state)
    {
        if (frame == 0 || _description is null)
        {
            _description = new DescriptionState(strategy, state.InitialDescription ?? throw new ReasonTrackException("the reasoningtrack refiner needs a description (--text)"));
            _hisFrame = image.Clone();
            _hisBox = tracked.Box;
            _firstScore = null;
            state.LastUpdateFrame = frame;
            return null;
        }
        _firstScore ??= tracked.Score;
        if (_due is { } trigger)
        {
            _due = null;
            var previous = _hisFrame!;
            var current = image.Clone();
            string text = _description.TextToRefine;
            _hisFrame = current;
            _hisBox = tracked.Box;
            state.LastUpdateFrame = frame;
            return new ReasoningRequest(trigger, ct => AskAsync(previous, current, text, ct));
        }
        var reason = UpdateTrigger.Evaluate(frame, state.LastUpdateFrame, _hisBox, tracked.Box, image.Size, tracked.Score, _firstScore, _triggers);
        if (reason != UpdateTriggerReason.None) _due = reason.ToString().ToLowerInvariant().Replace(", ", "+", StringComparison.Ordinal);
        return null;
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
