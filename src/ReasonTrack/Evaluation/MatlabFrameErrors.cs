namespace ReasonTrack.Evaluation;

/// <summary>
/// Per-frame errors exactly as the Matlab toolkits' <c>calc_seq_err_robust.m</c> returns them: absent frames already
/// removed, -1 where the ground truth is invalid (any value &lt;= 0 or NaN).
/// </summary>
public sealed record MatlabFrameErrors(double[] Overlap, double[] Center, double[] NormalizedCenter, int GroundTruthRows, int RepairedRows, bool Truncated)
{
    /// <summary>
    /// Bad result rows (NaN or size &lt;= 0, from frame 2) left as they are because their ground-truth row has a NaN
    /// (the toolkits' <c>&amp; (~isnan(r_anno))</c>); the next bad row then copies this unrepaired row.
    /// </summary>
    public int KeptBadRows { get; init; }
}
