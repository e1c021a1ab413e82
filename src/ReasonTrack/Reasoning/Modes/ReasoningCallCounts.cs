namespace ReasonTrack.Reasoning.Modes;

/// <summary>
/// How the model calls of one sequence ended: <see cref="Answered"/> (a reply arrived, whatever it said: ok, fallback,
/// rejected or stale) and <see cref="Errors"/> (no usable reply: HTTP error, refused or dropped connection, timeout,
/// unreadable body). Superseded requests were never sent and calls cancelled at the end of a sequence never had the
/// chance to answer: neither is counted.
/// </summary>
public sealed record ReasoningCallCounts(int Answered, int Errors)
{
    public static ReasoningCallCounts None { get; } = new(0, 0);

    /// <summary>Calls that were sent and ended (answered or failed).</summary>
    public int Calls => Answered + Errors;

    /// <summary>Errors as a share of <see cref="Calls"/> (0 when there were none).</summary>
    public double ErrorShare => Calls == 0 ? 0 : (double)Errors / Calls;

    public override string ToString() => $"{Answered} of {Calls} model call(s) answered, {Errors} failed";
}
