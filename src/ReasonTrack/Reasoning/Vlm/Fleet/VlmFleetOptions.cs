namespace ReasonTrack.Reasoning.Vlm.Fleet;

/// <summary>Settings of a <see cref="VlmFleet"/> (ours: the released systems talk to one server).</summary>
public sealed record VlmFleetOptions
{
    /// <summary>
    /// How long an endpoint whose request failed (unreachable, 5xx or 429 after its own retries, timeout, dropped
    /// connection) is left out before it is tried again. Ours: 30 s, long enough for a restarting vLLM to come back
    /// without sending it a request a second.
    /// </summary>
    public TimeSpan CoolDown { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock of cool-downs and latency figures; tests pass a fake one.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Receives one line per health event (an endpoint left out, a request re-sent, an endpoint re-admitted).</summary>
    public Action<string>? Log { get; init; }
}
