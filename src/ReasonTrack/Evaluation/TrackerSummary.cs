namespace ReasonTrack.Evaluation;

/// <summary>A tracker's aggregate over one set of sequences (all, or one attribute's).</summary>
public sealed class TrackerSummary
{
    public required MetricSummary Success { get; init; }
    public required MetricSummary Precision { get; init; }
    public required MetricSummary NormalizedPrecision { get; init; }

    /// <summary>GOT-10k average overlap (frames pooled over sequences). Null for other protocols.</summary>
    public double? AverageOverlap { get; init; }

    /// <summary>GOT-10k success rate at IoU &gt; 0.5 (pooled).</summary>
    public double? SuccessRate50 { get; init; }

    /// <summary>GOT-10k success rate at IoU &gt; 0.75 (pooled).</summary>
    public double? SuccessRate75 { get; init; }

    /// <summary>Mean of 1/t over frame times, when the results carry times (GOT-10k's speed).</summary>
    public double? FramesPerSecond { get; init; }

    public MetricSummary Get(CurveKind kind) => kind switch
    {
        CurveKind.Success => Success,
        CurveKind.Precision => Precision,
        _ => NormalizedPrecision,
    };
}
