namespace ReasonTrack.Reasoning.Scheduling;

/// <summary>A finished reasoning call: what it was asked about, what it returned or why it failed, how long it took.</summary>
public sealed record ReasoningCompletion<T>(int Frame, string Trigger, T? Result, Exception? Error, TimeSpan Latency)
{
    public bool Succeeded => Error is null;
}
