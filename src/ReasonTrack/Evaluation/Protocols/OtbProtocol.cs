namespace ReasonTrack.Evaluation.Protocols;

/// <summary>
/// <c>otb</c>: the OTB toolkit of Wu et al. (<c>calcSeqErrRobust.m</c>, <c>perfPlot.m</c>): the LaSOT arithmetic
/// without absence handling, and the OTB repair rule (a row is replaced only when all four values are NaN or its
/// size is not positive). Success AUC over 21 thresholds, P@20; the zero-curve filter.
/// </summary>
public sealed class OtbProtocol() : MatlabToolkitProtocol(new MatlabToolkitOptions
{
    Key = "otb",
    Description = "OTB toolkit (Wu et al.): no absence handling; rows replaced by the previous one only when all values are NaN " +
                  "or the size is not positive; frame 1 set to the ground truth; success AUC = mean of 21 values (IoU > t); P@20; " +
                  "normalized precision computed with the same rules for reference (OTB itself does not report it).",
    Repair = NanRepairRule.AllNaN,
    RemoveAbsentFrames = false,
    EmptyResults = EmptyResultPolicy.Error,
});
