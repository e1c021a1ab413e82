using ReasonTrack.Evaluation.Masks;
using ReasonTrack.Geometry.Masks;

namespace ReasonTrack.Reports.Html;

/// <summary>
/// J, the DAVIS region similarity of one object in one frame (<see cref="DavisMetrics.RegionSimilarity"/>: the
/// masks' intersection over union, 1 when both are empty, as the DAVIS 2017 toolkit's <c>db_eval_iou</c>). The report
/// reads the ground truth's void (255) pixels as background, so a result's pixels on void count against it, as in
/// the toolkit's semi-supervised evaluation.
/// </summary>
public sealed class MaskRegionSimilarity : IMaskFrameMetric
{
    public string Key => "J";

    public string Label => "J (region similarity, mask IoU)";

    public string Note => "DAVIS 2017 J per frame (davis2017 toolkit rule), the plain mean over the ground truth's objects of frame 1; every frame shown (the toolkit's J-Mean drops the first and the last)";

    public double Score(Mask result, Mask groundTruth)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(groundTruth);
        return DavisMetrics.RegionSimilarity(result, groundTruth);
    }
}
