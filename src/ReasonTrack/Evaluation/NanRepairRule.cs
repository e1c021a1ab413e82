namespace ReasonTrack.Evaluation;

/// <summary>
/// Which result rows the Matlab toolkits replace by the previous row (from frame 2, only where the ground-truth row
/// has no NaN). The two official variants differ on partly-NaN rows.
/// </summary>
public enum NanRepairRule
{
    /// <summary>
    /// LaSOT, TNL2K and TNLLT (<c>sum(isnan(r)) | r(3)&lt;=0 | r(4)&lt;=0</c>): any NaN value, or a non-positive
    /// width or height.
    /// </summary>
    AnyNaN,

    /// <summary>
    /// The OTB toolkit (<c>isnan(r) | r(3)&lt;=0 | r(4)&lt;=0</c> used as an <c>if</c> condition on a vector, which
    /// Matlab takes as "all elements true"): all four values NaN, or a non-positive width or height. A row with
    /// only some NaN values is kept as it is.
    /// </summary>
    AllNaN,
}
