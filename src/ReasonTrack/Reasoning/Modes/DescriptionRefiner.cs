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
/// (JPEG, no sampling fields). The reply is parsed with the released defaults and the description strategy decides
/// what is in force.
/// </summary>
public sealed class DescriptionRefiner(IChatClient client, DescriptionStrategy strategy, UpdateTriggerOptions? triggers = null, int jpegQuality = 90) : IFrameReasoner
{
    private readonly UpdateTriggerOptions _triggers = triggers ?? UpdateTriggerOptions.Released;
    private DescriptionState? _description;
    private ImageFrame? _hisFrame;
    private Box _hisBox;
    private double _firstScore = 1;
    private string? _due;

    public string Mode => "reasoningtrack";

    public ReasoningRequest? Consider(int frame, ImageFrame image, TrackResult tracked, ReasoningState state)
    {
        if (frame == 0 || _description is null)
        {
            _description = new DescriptionState(strategy, state.InitialDescription ?? throw new ArgumentException("the reasoningtrack refiner needs a description (--text)"));
            _hisFrame = Copy(image);
            _hisBox = tracked.Box;
            _firstScore = tracked.Score;
            state.LastUpdateFrame = frame;
            return null;
        }
        if (_due is { } trigger)
        {
            _due = null;
            var previous = _hisFrame!;
            var current = Copy(image);
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
        var prompt = ReasoningTrackPrompts.Build(previous, current, text);
        var messages = prompt.ToChatMessages(jpegQuality);
        var sizes = prompt.User.Where(p => p.Image is not null).Select(p => $"{p.Image!.Width}x{p.Image.Height}").ToList();
        // The released client sends no temperature and no max_tokens: no options at all.
        var response = await client.GetResponseAsync(messages, options: null, ct).ConfigureAwait(false);
        var reply = ReasoningTrackReply.Parse(response.Text);
        return new ReasoningAnswer
        {
            Status = reply.Report.Outcome == ParseOutcome.Fallback ? "fallback" : "ok",
            Decision = $"d={reply.D}",
            Description = reply.Decision(text),
            RawReply = response.Text,
            PromptHash = ReasoningLog.Hash((prompt.System ?? "") + "\n" + text),
            Images = sizes,
            ParseNote = reply.Report.Outcome == ParseOutcome.Ok ? null : reply.Report.ToString(),
        };
    }

    public bool Apply(ReasoningAnswer answer, int askedFrame, int currentFrame, ReasoningState state)
    {
        if (_description is null || answer.RawReply is null) return false;
        _description = _description.Apply(ReasoningTrackReply.Parse(answer.RawReply));
        state.Description = _description.InForce;
        return true;
    }

    private static ImageFrame Copy(ImageFrame f)
    {
        var c = new ImageFrame(f.Width, f.Height, f.Format) { Index = f.Index };
        f.Pixels.CopyTo(c.Pixels);
        return c;
    }
}
