namespace ReasonTrack.Reasoning.Modes;

/// <summary>What a reasoner did with an answer; logged as the call's status when it was not applied.</summary>
public enum AnswerUse
{
    /// <summary>Folded into the state (logged with the frame it was applied at).</summary>
    Applied,

    /// <summary>Too late to be useful: the frame it was about is too far back, or the tracker recovered meanwhile.</summary>
    Stale,

    /// <summary>Refused by a guard against error accumulation (e.g. an implausible size change).</summary>
    Rejected,
}
