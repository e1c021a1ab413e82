using System.Globalization;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>
/// When a sequence tracked with reasoning counts as failed because the model did not answer. The default: a sequence
/// that made model calls fails when none of them was answered, or when more than <see cref="MaxErrorShare"/> (half) of
/// them ended in an error. Its boxes are kept for inspection, but it is reported as failed (non-zero exit) and a
/// resumed run tracks it again. <see cref="Allow"/> restores the older behaviour (errors logged, the sequence done).
/// </summary>
public sealed record VlmFailurePolicy
{
    public static VlmFailurePolicy Default { get; } = new();

    /// <summary>Share of failed calls above which the sequence fails (0.5: more than half).</summary>
    public double MaxErrorShare { get; init; } = 0.5;

    /// <summary>Never fail a sequence for model errors (they stay in the reasoning log).</summary>
    public bool Allow { get; init; }

    /// <summary>Why the sequence failed under this policy, or null when it did not.</summary>
    public string? Judge(ReasoningCallCounts calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        if (Allow || calls.Calls == 0) return null;
        if (calls.Answered == 0) return $"the model never answered ({calls.Errors} call(s), all failed; see the reasoning log)";
        if (calls.ErrorShare > MaxErrorShare)
            return string.Create(CultureInfo.InvariantCulture, $"{calls.Errors} of {calls.Calls} model calls failed ({calls.ErrorShare:P0}, more than the {MaxErrorShare:P0} allowed; see the reasoning log)");
        return null;
    }
}
