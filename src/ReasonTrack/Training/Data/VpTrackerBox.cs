using ReasonTrack.Geometry;

namespace ReasonTrack.Training.Data;

/// <summary>
/// A ground-truth box as VPTracker's released data builder writes it (<c>dataset/track_dataset.py</c>,
/// <c>bbox_xywh_to_x1y1x2y2</c> ~21-30 and the loaders ~95-100, ~155-162): x, y, w, h are each cast to int32
/// (truncation toward zero: TNLLT's floats go through <c>np.int32</c>, TNL2K's are read as ints), then
/// <c>x1 = max(x, 0)</c>, <c>y1 = max(y, 0)</c>, <c>x2 = x + w</c>, <c>y2 = y + h</c> from the unclamped x, y and
/// never clipped to the image; the target is visible when <c>w &gt; 0 and h &gt; 0</c> (<c>get_visible_by_bbox</c>,
/// ~35-36: the box alone, no absence file). This box goes into the row's <c>search_bbox</c>/<c>template_bbox</c> and
/// the answer.
/// <para>
/// Our assumptions, where the released code has no defined result: a non-finite coordinate (a NaN row) counts as 0
/// (numpy's cast of NaN is undefined; the released TNL2K reader would drop the video); values beyond the int32
/// range saturate.
/// </para>
/// </summary>
public readonly record struct VpTrackerBox(int X1, int Y1, int X2, int Y2, bool Visible)
{
    public static VpTrackerBox FromGroundTruth(Box box)
    {
        int x = Int32(box.X), y = Int32(box.Y), w = Int32(box.W), h = Int32(box.H);
        return new VpTrackerBox(Math.Max(x, 0), Math.Max(y, 0), Wrap((long)x + w), Wrap((long)y + h), w > 0 && h > 0);
    }

    /// <summary>The four corners as the row writes them, <c>[x1, y1, x2, y2]</c>.</summary>
    public int[] Corners => [X1, Y1, X2, Y2];

    /// <summary>The box as x, y, w, h from the written corners (what the fork's <c>sample_target</c> crops around).</summary>
    public Box ToBox() => new(X1, Y1, X2 - X1, Y2 - Y1);

    private static int Int32(double v) => double.IsFinite(v) ? (int)Math.Clamp(Math.Truncate(v), int.MinValue, int.MaxValue) : 0;

    // int32 tensors add with wrap-around, as torch does.
    private static int Wrap(long v) => unchecked((int)v);
}
