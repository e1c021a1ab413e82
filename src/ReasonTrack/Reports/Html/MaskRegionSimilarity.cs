using ReasonTrack.Geometry.Masks;

namespace ReasonTrack.Reports.Html;

/// <summary>
/// J, the DAVIS region similarity of one object in one frame: the masks' intersection over union, 1 when both are
/// empty (<see cref="Mask.IoU"/>, the DAVIS 2017 toolkit's <c>db_eval_iou</c> rule). Void pixels are not seen here: the
/// report reads masks without void (255) pixels, whereas the toolkit counts a result's pixels on void as false
/// positives, so a frame whose annotation has void may differ from <c>eval --protocol davis2017</c> (display only).
/// </summary>
public sealed class MaskRegionSimilarity : IMaskFrameMetric
{
    public string Key => "J";

    public string Label => "J (region similarity, mask IoU)";

    public string Note => "DAVIS J per frame, the mean over the ground truth's objects of frame 1; void pixels ignored (display; eval --protocol davis2017 gives the official figures)";

    public double Score(Mask result, Mask groundTruth)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(groundTruth);
        return result.IoU(groundTruth);
    }
}
