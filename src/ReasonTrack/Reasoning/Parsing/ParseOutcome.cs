namespace ReasonTrack.Reasoning.Parsing;

/// <summary>How a model reply was read, in one word, for logs and counters.</summary>
public enum ParseOutcome
{
    /// <summary>The reply had the expected form and its value was used as is.</summary>
    Ok,

    /// <summary>The reply's value was used, but only after tolerating something (see the issues).</summary>
    Repaired,

    /// <summary>The reply gave nothing usable: a default or the previous value stands in (see the issues).</summary>
    Fallback,
}
