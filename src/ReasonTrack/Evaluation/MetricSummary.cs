namespace ReasonTrack.Evaluation;

/// <summary>One curve kind aggregated over a set of sequences.</summary>
public sealed class MetricSummary
{
    public required CurveKind Kind { get; init; }

    /// <summary>Mean curve over the sequences kept (per threshold).</summary>
    public required double[] MeanCurve { get; init; }

    /// <summary>Area under the curve as the toolkits define it: the mean of the curve's values.</summary>
    public required double Auc { get; init; }

    /// <summary>The curve at the grid's headline threshold (P@20 px, NP@0.20, SR@0.5).</summary>
    public required double AtHeadline { get; init; }

    /// <summary>
    /// The number a paper reports for this curve under this protocol: AUC for success; P@20 and NP@0.20 for the
    /// precision curves, except where a toolkit ranks by area (TNL2K's NP).
    /// </summary>
    public required double Score { get; init; }

    /// <summary>Sequences averaged.</summary>
    public required int SequencesUsed { get; init; }

    /// <summary>Sequences dropped before averaging (the toolkits drop curves that sum to zero).</summary>
    public IReadOnlyList<string> Dropped { get; init; } = [];
}
