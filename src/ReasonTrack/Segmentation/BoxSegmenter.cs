using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Segmentation;

/// <summary>
/// The box itself as the mask (ours, the baseline of issue 16): a pixel belongs to the target when its centre
/// <c>(x + 0.5, y + 0.5)</c> lies in <c>[X, X + W) x [Y, Y + H)</c> (the rule of <c>Mask.FromBox</c>), clipped to the
/// image. A box that is not finite or has no positive size gives an empty mask.
/// </summary>
public sealed class BoxSegmenter : ISegmenter
{
    public string Name => "box";

    public void Segment(ImageFrame frame, Box box, Span<byte> mask)
    {
        ArgumentNullException.ThrowIfNull(frame);
        SegmenterChecks.MaskSize(frame, mask);
        mask.Clear();
        var r = PixelRect.Of(box, frame.Width, frame.Height);
        for (int y = r.Y0; y < r.Y1; y++) mask.Slice(y * frame.Width + r.X0, r.X1 - r.X0).Fill(1);
    }

    public void Dispose() { }
}
