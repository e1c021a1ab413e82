namespace ReasonTrack.Evaluation;

/// <summary>
/// Per-frame errors exactly as the Matlab toolkits' <c>calc_seq_err_robust.m</c> returns them: absent frames already
/// removed, -1 where the ground truth is invalid (any value &lt;= 0 or NaN).
/// </summary>
public sealed record MatlabFrameErrors(double[] Overlap, double[] Center, double[] NormalizedCenter, int GroundTruthRows, int RepairedRows, bool Truncated);
