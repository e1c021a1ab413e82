using Microsoft.Extensions.AI;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Trackers;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>
/// TrackGPT-like instruction tracking, OURS throughout: TrackGPT's public repository holds only a README, a licence
/// and pictures (no prompts, no rethinking code), so the prompt (<see cref="InstructionPrompts"/>), the rethinking
/// rule's wiring (<see cref="RethinkRule"/>, from the paper's text: 0.5 x the initial score) and the box tracking (the
/// paper's outputs are masks) are our own design. Logged as mode <see cref="ModeName"/>. The target is named by an
/// implicit instruction. On the first frame the model reasons about which object is meant and grounds it
/// (<see cref="GroundAsync"/>); the visual tracker follows it; when the tracker's score falls below <c>factor x</c> its score on the first
/// tracked frame, the model re-reasons on the current frame ("rethinking") and the tracker restarts on its box.
/// <para>
/// The reference score is the tracker's score on frame 2 (the first frame it actually tracks): frame 1 is the
/// initialization, which has no score of its own. An answer about a frame more than
/// <see cref="InstructionOptions.MaxAnswerAge"/> frames back is stale.
/// </para>
/// </summary>
public sealed class InstructionReasoner(IChatClient client, InstructionOptions options) : IFrameReasoner, ITargetGrounder
{
    private double? _firstScore;
    private int _lastAsked = int.MinValue / 2;

    /// <summary>The reasoning log's mode (grounding and rethinking); "-ours" marks a design of ours, not a released one.</summary>
    public const string ModeName = "instruction-ours";

    public string Mode => ModeName;

    public Task<ReasoningAnswer> GroundAsync(ImageFrame frame, ReasoningState state, CancellationToken cancellation) =>
        FrameGrounding.AskAsync(client, frame, f => InstructionPrompts.Build(f, options.Instruction), options.Convention, options.ImageEncoding, cancellation);

    public ReasoningRequest? Consider(int frame, ImageFrame image, TrackResult tracked, ReasoningState state)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (frame == 0) return null;
        if (_firstScore is null)
        {
            _firstScore = tracked.Score;
            return null;
        }
        if (!RethinkRule.ShouldRethink(tracked.Score, _firstScore.Value, options.RethinkFactor)) return null;
        if (frame - _lastAsked < options.MinFramesBetweenRethinks) return null;
        _lastAsked = frame;
        var copy = image.Clone();
        return new ReasoningRequest("rethink", async ct =>
        {
            using (copy) return await GroundAsync(copy, state, ct).ConfigureAwait(false);
        });
    }

    public AnswerUse Apply(ReasoningAnswer answer, int askedFrame, int currentFrame, ReasoningState state)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(state);
        if (answer.Box is not { } box) return AnswerUse.Applied; // nothing usable: the tracker goes on
        if (currentFrame - askedFrame > options.MaxAnswerAge) return AnswerUse.Stale;
        state.Correction = new TrackResult(box, _firstScore ?? 1, true);
        return AnswerUse.Applied;
    }
}
