namespace ReasonTrack.Evaluation.Protocols;

/// <summary>
/// <c>tnllt-matlab</c>: ReasoningTrack's TNLLT toolkit (derived from LaSOT's). The arithmetic is LaSOT's; the one
/// difference is that TNLLT's absence files say 1 = <b>visible</b>, which the dataset loader turns into
/// <see cref="Datasets.Sequence.Absent"/>. Its <c>flag</c> 1/2/3 runs give P@20, NP@0.20 and success AUC.
/// </summary>
public sealed class TnlltMatlabProtocol() : MatlabToolkitProtocol(new MatlabToolkitOptions
{
    Key = "tnllt-matlab",
    Description = "TNLLT Matlab toolkit (ReasoningTrack): LaSOT's rules, with absence labels of polarity 1 = visible; " +
                  "flag 1 = P@20, flag 2 = NP@0.20, flag 3 = success AUC.",
});
