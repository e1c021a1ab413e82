namespace ReasonTrack.Evaluation.Protocols;

/// <summary>The rules on which the LaSOT, TNLLT, TNL2K and OTB Matlab toolkits differ.</summary>
public sealed record MatlabToolkitOptions
{
    public required string Key { get; init; }
    public required string Description { get; init; }

    /// <summary>Which rows are replaced by the previous row.</summary>
    public NanRepairRule Repair { get; init; } = NanRepairRule.AnyNaN;

    /// <summary>Remove frames flagged absent before counting (the denominator stays the full frame count).</summary>
    public bool RemoveAbsentFrames { get; init; } = true;

    /// <summary>
    /// The success grid: Octave's <c>0:0.05:1</c> (k*0.05, what the golden outputs were computed with) or Matlab's
    /// colon (1 ulp different at 5 thresholds). They decide differently only for an IoU exactly on a grid value.
    /// </summary>
    public bool MatlabColonGrid { get; init; }

    /// <summary>Precision headline: P@20 (<see cref="Ranking.Threshold"/>) or the area (<see cref="Ranking.Area"/>).</summary>
    public Ranking PrecisionRanking { get; init; } = Ranking.Threshold;

    /// <summary>Normalized-precision headline: NP@0.20 or the area (TNL2K's shipped script).</summary>
    public Ranking NormalizedPrecisionRanking { get; init; } = Ranking.Threshold;

    public EmptyResultPolicy EmptyResults { get; init; } = EmptyResultPolicy.ToolkitBreak;

    /// <summary>Attributes with fewer sequences get no figure (<c>if length(idx_seq_set) &lt; 2, continue</c>).</summary>
    public int MinSequencesPerAttribute { get; init; } = 2;
}
