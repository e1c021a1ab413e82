using ReasonTrack.Geometry;

namespace ReasonTrack.Media;

/// <summary>
/// Pixel rules for drawing on frames in place: box outlines, filled rectangles, the VPTracker visual prompt (PIL's
/// rectangle, shared with the training data). Labels and text are <see cref="FrameAnnotator"/>'s. Everything is
/// clipped to the image, so boxes partly or wholly outside (a tracker's prediction near the border, NaN boxes) are
/// safe to draw. Box edges are rounded to whole pixels: a box <c>(x, y, w, h)</c> covers columns
/// <c>round(x) .. round(x+w)-1</c>, and outlines are drawn inside that span so the outer edge is the box's edge.
/// </summary>
public static class Drawing
{
    /// <summary>Outline of <paramref name="box"/>, <paramref name="width"/> pixels thick, inside the box's edge.</summary>
    public static void DrawRectangle(ImageFrame frame, Box box, Rgb color, int width = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (!box.IsFinite || box.W <= 0 || box.H <= 0) return;
        long x0 = Round(box.X), y0 = Round(box.Y), x1 = Round(box.Right), y1 = Round(box.Bottom);
        if (x1 <= x0 || y1 <= y0) return;
        long t = width;
        FillClipped(frame, x0, y0, x1, Math.Min(y1, y0 + t), color);          // top
        FillClipped(frame, x0, Math.Max(y0, y1 - t), x1, y1, color);          // bottom
        FillClipped(frame, x0, y0, Math.Min(x1, x0 + t), y1, color);          // left
        FillClipped(frame, Math.Max(x0, x1 - t), y0, x1, y1, color);          // right
    }

    /// <summary>A filled rectangle (integer pixel bounds, clipped).</summary>
    public static void FillRectangle(ImageFrame frame, int x, int y, int w, int h, Rgb color) =>
        FillClipped(frame, x, y, (long)x + w, (long)y + h, color);

    /// <summary>
    /// The VPTracker visual prompt as released (VPTracker <c>ms-swift/swift/llm/template/base.py</c>, <c>_draw_bbox</c>
    /// ~440-515, inference: no noise): a red outline <paramref name="width"/> pixels thick at <paramref name="scale"/>
    /// times the box, with the corners of <see cref="VisualPromptCorners"/> (truncated, clamped to the image) drawn as
    /// <see cref="DrawPilRectangle"/> does. A 4x box that leaves the frame is therefore drawn <b>on the image border</b>
    /// (a closed rectangle; a side clamped to <c>x = W</c> lies one column outside the image, so only its inner
    /// <c>width - 1</c> columns show). When the clamped corners are inverted (the 4x box lies wholly outside the image)
    /// nothing is drawn: PIL raises there and the released code draws a rectangle at random corners instead (its
    /// exception fallback), which we do not copy. Returns the prompt rectangle before truncation and clamping.
    /// </summary>
    public static Box DrawVisualPrompt(ImageFrame frame, Box box, double scale = 4, int width = 3)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!(scale > 0)) throw new ArgumentOutOfRangeException(nameof(scale), $"scale must be positive, got {scale}");
        if (VisualPromptCorners(box, frame.Size, scale) is { } c) DrawPilRectangle(frame, c.X1, c.Y1, c.X2, c.Y2, Rgb.Red, width);
        var (cx, cy) = box.Center;
        return Box.FromCenter(cx, cy, box.W * scale, box.H * scale);
    }

    /// <summary>
    /// The inclusive corners the released <c>_draw_bbox</c> hands to PIL: from the box as corners
    /// <c>(x1, y1, x2, y2) = (x, y, x + w, y + h)</c>, centre <c>cx = (x1 + x2) / 2</c>, size <c>scale * (x2 - x1)</c>,
    /// corners <c>int(cx - new_w / 2)</c> .. <c>int(cx + new_w / 2)</c> (truncation toward zero), then clamped to
    /// <c>[0, W] x [0, H]</c> (the far clamp is <c>W</c>, not <c>W - 1</c>). Null when the box is not finite or the clamped
    /// corners are inverted (nothing to draw).
    /// </summary>
    public static (int X1, int Y1, int X2, int Y2)? VisualPromptCorners(Box box, ImageSize image, double scale)
    {
        if (!box.IsFinite || !double.IsFinite(scale)) return null;
        // Same operation order as the Python, so the float truncated is the same float.
        double x1 = box.X, y1 = box.Y, x2 = box.X + box.W, y2 = box.Y + box.H;
        double cx = (x1 + x2) / 2, cy = (y1 + y2) / 2;
        double nw = (x2 - x1) * scale, nh = (y2 - y1) * scale;
        long l = Truncate(cx - nw / 2), t = Truncate(cy - nh / 2), r = Truncate(cx + nw / 2), b = Truncate(cy + nh / 2);
        l = Math.Max(0, l);
        t = Math.Max(0, t);
        r = Math.Min(image.Width, r);
        b = Math.Min(image.Height, b);
        if (r < l || b < t) return null;
        return ((int)l, (int)t, (int)r, (int)b);
    }

    /// <summary>
    /// A rectangle outline exactly as PIL's <c>ImageDraw.rectangle([x1, y1, x2, y2], outline=color, width=width)</c>
    /// draws it (its C routine <c>ImagingDrawRectangle</c>, confirmed pixel for pixel against Pillow 9.4.0 on 20,000
    /// random rectangles, inverted and narrow ones included): the corners are <b>inclusive</b> and the outline goes
    /// <b>inward</b>. For <c>i = 0 .. width-1</c>: the rows <c>y1 + i</c> and <c>y2 - i</c> from <c>x1</c> to <c>x2</c>
    /// inclusive, and the columns <c>x2 - i</c> and <c>x1 + i</c> from row <c>y1 + width</c> towards row
    /// <c>y2 - width + 1</c>, that end row excluded (PIL's vertical line); everything clipped to the image. So a
    /// rectangle at least <c>2 * width</c> pixels each way gets a plain band <c>width</c> pixels wide inside its edges,
    /// while a narrower one gets PIL's odd shapes (a 1-pixel-wide rectangle of width 3 is a cross); corners beyond the
    /// image simply lose the pixels outside. Rows are swapped when <c>y1 &gt; y2</c>, as PIL does.
    /// </summary>
    public static void DrawPilRectangle(ImageFrame frame, long x1, long y1, long x2, long y2, Rgb color, int width)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (y1 > y2) (y1, y2) = (y2, y1);
        long lo = Math.Min(x1, x2), hi = Math.Max(x1, x2);
        for (long i = 0; i < width; i++)
        {
            FillClipped(frame, lo, y1 + i, hi + 1, y1 + i + 1, color);      // PIL hline (top)
            FillClipped(frame, lo, y2 - i, hi + 1, y2 - i + 1, color);      // PIL hline (bottom)
            PilVerticalLine(frame, x2 - i, y1 + width, y2 - width + 1, color);
            PilVerticalLine(frame, x1 + i, y1 + width, y2 - width + 1, color);
        }
    }

    /// <summary>PIL's vertical line from <paramref name="from"/> towards <paramref name="to"/>, <paramref name="to"/> excluded.</summary>
    private static void PilVerticalLine(ImageFrame frame, long x, long from, long to, Rgb color)
    {
        if (to >= from) FillClipped(frame, x, from, x + 1, to, color);
        else FillClipped(frame, x, to + 1, x + 1, from + 1, color);
    }

    private static long Truncate(double v) => (long)Math.Truncate(Math.Clamp(v, -1e15, 1e15));

    private static long Round(double v) => (long)Math.Round(Math.Clamp(v, -1e12, 1e12), MidpointRounding.AwayFromZero);

    /// <summary>Fills <c>[x0, x1) x [y0, y1)</c> after clipping to the frame.</summary>
    private static void FillClipped(ImageFrame frame, long x0, long y0, long x1, long y1, Rgb color)
    {
        int cx0 = (int)Math.Clamp(x0, 0, frame.Width), cx1 = (int)Math.Clamp(x1, 0, frame.Width);
        int cy0 = (int)Math.Clamp(y0, 0, frame.Height), cy1 = (int)Math.Clamp(y1, 0, frame.Height);
        if (cx0 >= cx1 || cy0 >= cy1) return;
        int ch = frame.Channels;
        Span<byte> px = stackalloc byte[3];
        color.WriteTo(px, frame.Format);
        for (int y = cy0; y < cy1; y++)
        {
            var row = frame.Row(y).Slice(cx0 * ch, (cx1 - cx0) * ch);
            if (ch == 1) row.Fill(px[0]);
            else
            {
                for (int i = 0; i < row.Length; i += 3)
                {
                    row[i] = px[0];
                    row[i + 1] = px[1];
                    row[i + 2] = px[2];
                }
            }
        }
    }
}
