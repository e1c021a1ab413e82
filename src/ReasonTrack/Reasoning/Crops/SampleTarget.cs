using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Reasoning.Crops;

/// <summary>
/// The <c>sample_target</c> crop shared by OSTrack, DUTrack and R1-Track: a square of side
/// <c>crop = ceil(sqrt(w*h) * factor)</c> centred on the box centre with top-left <c>x1 = round(x + 0.5*w - crop*0.5)</c>,
/// zero padding outside the image, resized to <c>out x out</c> with OpenCV's <c>cv.resize</c> default (INTER_LINEAR) byte
/// for byte (<see cref="ImageOps.ResizeLinearOpenCv(ImageFrame, int, int)"/>), as R1-Track's
/// <c>infer_script/crop_image.py</c> (lines 5-53) and <c>generation_data/sampling_data.py</c> (line 42) do;
/// <c>resize_factor = out / crop</c>. Before issue 11 the crop went through <see cref="ImageOps.Resize(ImageFrame, int, int)"/>
/// (our bilinear with 22-bit rounding), which differs from OpenCV by 1 on 5-12% of the bytes of real crops; that is
/// not kept as an option, nobody needs crops the released models never saw.
/// <para>
/// Rounding: Python 3's <c>round</c> (and numpy's) rounds halves to even, so <c>round(2.5) == 2</c>; C#'s
/// <see cref="Math.Round(double)"/> does the same, and <see cref="MidpointRounding.ToEven"/> is spelt out below so
/// nobody "fixes" it to away-from-zero. A box with a half-integer centre offset hits this on every frame.
/// </para>
/// <para>
/// Released quirk kept on purpose: the right and bottom pads are computed as <c>max(x2 - W + 1, 0)</c>, so when the
/// crop reaches the image's last column (row) that column is black too, although it lies inside the image.
/// Reproduced so crops match the released ones pixel for pixel before resizing.
/// </para>
/// </summary>
public static class SampleTarget
{
    /// <summary>The crop window for <paramref name="target"/> (no pixels touched).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The box is not finite, or the crop would be under 1 pixel (sample_target raises too).</exception>
    public static CropMapping Window(Box target, double factor, int outSize) => Window(target, factor, outSize, 0, 0);

    /// <summary>
    /// The crop window with its centre moved by <c>(shiftX, shiftY)</c> image pixels from the box centre: the
    /// R1-Track training sampler's jittered crop (<c>x1 = round(x + 0.5*w + dx - crop*0.5)</c>). The shift is usually
    /// drawn as a fraction of the crop side, so callers get the side first from <see cref="Side"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The box or the shift is not finite, or the crop would be under 1 pixel.</exception>
    public static CropMapping Window(Box target, double factor, int outSize, double shiftX, double shiftY)
    {
        if (!double.IsFinite(shiftX) || !double.IsFinite(shiftY)) throw new ArgumentOutOfRangeException(nameof(shiftX), $"shift must be finite, got ({shiftX}, {shiftY})");
        int crop = Side(target, factor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outSize);
        // Same operation order as the Python so the float to round is the same float (a zero shift adds exactly 0).
        int x1 = (int)Math.Round(target.X + 0.5 * target.W + shiftX - crop * 0.5, MidpointRounding.ToEven);
        int y1 = (int)Math.Round(target.Y + 0.5 * target.H + shiftY - crop * 0.5, MidpointRounding.ToEven);
        return new CropMapping(x1, y1, crop, outSize);
    }

    /// <summary>The crop side <c>ceil(sqrt(w*h) * factor)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The box is not finite, or the crop would be under 1 pixel (sample_target raises too).</exception>
    public static int Side(Box target, double factor)
    {
        if (!target.IsFinite) throw new ArgumentOutOfRangeException(nameof(target), $"box must be finite, got {target}");
        double side = Math.Ceiling(Math.Sqrt(target.W * target.H) * factor);
        if (!(side >= 1) || side > int.MaxValue / 4)
            throw new ArgumentOutOfRangeException(nameof(target), $"crop side {side} from box {target} and factor {factor} is not a usable size");
        return (int)side;
    }

    /// <summary>The crop image (same pixel format as <paramref name="frame"/>) with its mapping and the target in it.</summary>
    public static TargetCrop Crop(ImageFrame frame, Box target, double factor, int outSize) => Crop(frame, target, Window(target, factor, outSize));

    /// <summary>The crop of a window from <see cref="Window(Box, double, int, double, double)"/> (e.g. a shifted one), with the target in it.</summary>
    public static TargetCrop Crop(ImageFrame frame, Box target, CropMapping map)
    {
        ArgumentNullException.ThrowIfNull(frame);
        int outSize = map.OutSize;
        using var padded = CropPadded(frame, map);
        var image = padded.Width == outSize ? ImageOps.Crop(padded, 0, 0, outSize, outSize) : ImageOps.ResizeLinearOpenCv(padded, outSize, outSize);
        return new TargetCrop(image, map, map.ToCrop(target));
    }

    /// <summary>The <c>crop x crop</c> region before resizing, padded with zeros exactly like sample_target.</summary>
    internal static ImageFrame CropPadded(ImageFrame frame, CropMapping map)
    {
        int crop = map.Side;
        var dst = ImageOps.Crop(frame, map.X1, map.Y1, crop, crop, PadMode.Zero);
        // Columns [c0, c1) and rows [r0, r1) come from the image; everything else is zero (including the last
        // image column/row when the crop reaches it: the released "+ 1" in the far pads).
        int c0 = Math.Max(0, -map.X1), c1 = crop - Math.Max(map.X1 + crop - frame.Width + 1, 0);
        int r0 = Math.Max(0, -map.Y1), r1 = crop - Math.Max(map.Y1 + crop - frame.Height + 1, 0);
        int ch = dst.Channels;
        for (int r = 0; r < crop; r++)
        {
            var row = dst.Row(r);
            if (r < r0 || r >= r1 || c1 <= c0) row.Clear();
            else if (c1 < crop) row[(Math.Max(c1, 0) * ch)..].Clear();
        }
        return dst;
    }
}
