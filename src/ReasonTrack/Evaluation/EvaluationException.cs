namespace ReasonTrack.Evaluation;

/// <summary>An evaluation that cannot produce honest numbers; the message says why and what to fix.</summary>
public sealed class EvaluationException(string message) : ReasonTrackException(message);
