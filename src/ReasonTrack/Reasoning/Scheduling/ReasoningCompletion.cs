namespace ReasonTrack.Reasoning.Scheduling;

/// <summary>
/// A finished reasoning call: what it was asked about, what it returned or why it failed, how long it took, and who
/// asked (<see cref="Source"/>, e.g. the reasoner's mode, known even when the call failed).
/// </summary>
public sealed record ReasoningCompletion<T>(int Frame, string Trigger, T? Result, Exception? Error, TimeSpan Latency, string? Source = null)
{
    public bool Succeeded => Error is null;
}
