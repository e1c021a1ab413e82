namespace ReasonTrack.Evaluation.Protocols;

/// <summary>
/// <c>tnl2k-matlab</c>: the TNL2K toolkit (<c>Evaluate_TNL2K_dataset.m</c>, LaSOT-derived). As shipped it runs with
/// <c>norm_dst = true</c> and <c>ranking_type = 'AUC'</c>, so its normalized precision is the <b>area</b> under the
/// 0..0.5 curve, not NP@0.20 (the usual cause of TNL2K NP figures that differ by several points between papers).
/// Precision is reported as P@20.
/// </summary>
public sealed class Tnl2kMatlabProtocol() : MatlabToolkitProtocol(new MatlabToolkitOptions
{
    Key = "tnl2k-matlab",
    Description = "TNL2K Matlab toolkit: LaSOT's rules; normalized precision reported as the area under the 0..0.5 curve " +
                  "(the shipped script's norm_dst = true, ranking_type = 'AUC'); precision as P@20.",
    NormalizedPrecisionRanking = Ranking.Area,
});
