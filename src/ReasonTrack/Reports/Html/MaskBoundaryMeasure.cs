using ReasonTrack.Evaluation.Masks;
using ReasonTrack.Geometry.Masks;

namespace ReasonTrack.Reports.Html;

/// <summary>
/// F, the DAVIS boundary measure of one object in one frame (<see cref="DavisMetrics.BoundaryF"/>: the F-measure of the
/// boundary pixels, <c>_seg2bmap</c> boundaries matched within a disk of <see cref="DavisMetrics.BoundPix"/> pixels of
/// the frame's size, 0.008 of its diagonal; the toolkit's cases for empty boundaries).
/// </summary>
public sealed class MaskBoundaryMeasure : IMaskFrameMetric
{
    public string Key => "F";

    public string Label => "F (boundary measure)";

    public string Note => "DAVIS 2017 F per frame (davis2017 toolkit rule: boundary tolerance ceil(0.008 x diagonal) pixels), the plain mean over the ground truth's objects of frame 1; every frame shown";

    public double Score(Mask result, Mask groundTruth)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(groundTruth);
        return DavisMetrics.BoundaryF(result, groundTruth, DavisMetrics.BoundPix(groundTruth.Width, groundTruth.Height));
    }
}
