using ReasonTrack.Media;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>
/// Finds the target on the first frame when no box was given (<c>--text</c> or <c>--instruction</c> without
/// <c>--init</c>). Always synchronous: there is nothing to track before it answers.
/// </summary>
public interface ITargetGrounder
{
    /// <summary>The mode named in the log: <c>text-init-ours</c> (text grounding) or <c>instruction-ours</c>.</summary>
    string Mode { get; }

    /// <summary>Asks the model; the answer's <see cref="ReasoningAnswer.Box"/> is the target in frame pixels, or null.</summary>
    Task<ReasoningAnswer> GroundAsync(ImageFrame frame, ReasoningState state, CancellationToken cancellation);
}
