namespace ReasonTrack.Evaluation.Protocols;

/// <summary>
/// <c>lasot-matlab</c>: the official LaSOT evaluation toolkit (HengLan/LaSOT_Evaluation_Toolkit,
/// <c>run_tracker_performance_evaluation.m</c>). Reports success AUC, P@20 and NP@0.20 (<c>ranking_type</c>
/// 'AUC' for success, 'threshold' for the precision plots, as the toolkit's README tells users to run it).
/// </summary>
public sealed class LasotMatlabProtocol() : MatlabToolkitProtocol(new MatlabToolkitOptions
{
    Key = "lasot-matlab",
    Description = "LaSOT Matlab toolkit: results truncated to the ground truth; NaN/non-positive rows replaced by the previous row; " +
                  "frame 1 set to the ground truth; absent frames removed but counted in the denominator; ground-truth rows with any value <= 0 " +
                  "count as misses for success and hits for precision; zero-curve sequences dropped; AUC = mean of 21 success values (IoU > t).",
});
