namespace ReasonTrack.Reasoning.Prompts;

/// <summary>One of the conditions that make the description refiner ask (see <see cref="UpdateTriggerOptions"/>).</summary>
public enum RefinerTrigger
{
    /// <summary>The released rule: every 10 frames, area ratio or top-left motion beyond the thresholds.</summary>
    Motion,

    /// <summary>A fixed interval of frames.</summary>
    Interval,

    /// <summary>The tracker's score drops below a factor of its first score.</summary>
    Confidence,
}
