namespace ReasonTrack.Reasoning.Modes;

/// <summary>When the frame loop folds a reasoner's answers into the state (see <see cref="IFrameReasoner.Timing"/>).</summary>
public enum AnswerTiming
{
    /// <summary>
    /// After the visual tracker and the reasoners have seen the frame the answer arrived on (sync: the frame that asked):
    /// a corrected box replaces the tracker's result on that frame.
    /// </summary>
    SameFrame,

    /// <summary>
    /// Before the visual tracker runs on the next frame: the answer is in force for that frame's tracking and every
    /// later one. ReasoningTrack's refiner (released <c>Evaluation/dutrack.py</c> ~185-294: the refined description
    /// is used in the forward pass of the frame after the check frame).
    /// </summary>
    NextFrame,
}
