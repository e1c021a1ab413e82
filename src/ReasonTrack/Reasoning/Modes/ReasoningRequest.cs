namespace ReasonTrack.Reasoning.Modes;

/// <summary>
/// A call a reasoner wants made: the trigger that caused it and the work, which runs off the frame loop in realtime
/// mode. The work must not touch pooled frames: a reasoner copies what it needs when it creates the request.
/// </summary>
public sealed record ReasoningRequest(string Trigger, Func<CancellationToken, Task<ReasoningAnswer>> Work);
