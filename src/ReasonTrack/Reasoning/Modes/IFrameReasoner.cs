using ReasonTrack.Media;
using ReasonTrack.Trackers;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>
/// One reasoning behaviour attached to the frame loop (a description refiner, a re-localizer, a rethinker).
/// <see cref="Consider"/> runs on the frame loop for every frame and must be cheap: it decides whether to ask the
/// model and, if so, captures what the request needs (a copy of the pixels). <see cref="Apply"/> folds an answer into
/// the shared state when it arrives.
/// </summary>
public interface IFrameReasoner
{
    /// <summary><c>reasoningtrack</c>, <c>r1track</c>, <c>vptracker</c>, <c>instruction</c>.</summary>
    string Mode { get; }

    /// <summary>
    /// When the loop applies this reasoner's answers: <see cref="AnswerTiming.SameFrame"/> (the default) or
    /// <see cref="AnswerTiming.NextFrame"/>, before the visual tracker runs on the next frame.
    /// </summary>
    AnswerTiming Timing => AnswerTiming.SameFrame;

    ReasoningRequest? Consider(int frame, ImageFrame image, TrackResult tracked, ReasoningState state);

    /// <summary>Applies an answer about <paramref name="askedFrame"/> at <paramref name="currentFrame"/>, or says why not.</summary>
    AnswerUse Apply(ReasoningAnswer answer, int askedFrame, int currentFrame, ReasoningState state);
}
