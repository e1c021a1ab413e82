using ReasonTrack.Geometry;

namespace ReasonTrack.Reports.Html;

/// <summary>
/// Per-frame IoU of each tracker's box with the ground truth (<see cref="Overlap.Iou"/>, continuous boxes; ours for
/// display: the protocols' own per-frame arithmetic may differ in the last bits, e.g. the Matlab toolkits' +1 pixel
/// form); NaN on frames where the target is absent and beyond the result's last row.
/// </summary>
public sealed class IouSeriesProvider : IFrameSeriesProvider
{
    public const string Key = "iou";

    public IEnumerable<FrameSeries> Series(SequencePageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var t in context.Trackers)
            yield return new FrameSeries(Key, "IoU with the ground truth", t.Tracker, context.Iou(t))
            {
                Min = 0,
                Max = 1,
                Note = "continuous-box IoU (ours, for display); absent frames have none",
            };
    }

    /// <summary>IoU per frame of <paramref name="boxes"/> against the context's ground truth.</summary>
    public static double[] Compute(SequencePageContext context, Box[] boxes)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(boxes);
        var gt = context.Sequence.GroundTruth;
        var iou = new double[gt.Length];
        for (int i = 0; i < gt.Length; i++)
            iou[i] = i < boxes.Length && !context.IsAbsent(i) ? Overlap.Iou(boxes[i], gt[i]) : double.NaN;
        return iou;
    }
}
