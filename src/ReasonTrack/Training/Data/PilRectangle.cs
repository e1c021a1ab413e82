using ReasonTrack.Media;

namespace ReasonTrack.Training.Data;

/// <summary>
/// PIL's <c>ImageDraw.rectangle(xy, outline=colour, width=n)</c> (Pillow's <c>ImagingDrawRectangle</c>, outline branch),
/// for the training images of the stock ms-swift layout: for i in 0..n-1 the rows <c>y0+i</c> and <c>y1-i</c> from x0 to
/// x1 inclusive, and the columns <c>x1-i</c> and <c>x0+i</c> as PIL's line from <c>y0+n</c> towards <c>y1-n+1</c>
/// (end point excluded, drawn backwards when the rectangle is shorter than 2n), all clipped to the image. Corners are
/// inclusive, so a corner on <c>x = W</c> puts the outer column off the image. The inference-side drawing is
/// <see cref="Drawing"/>'s; this one is kept with the training data so each side follows its own released code.
/// </summary>
public static class PilRectangle
{
    /// <exception cref="ArgumentException">x1 &lt; x0 or y1 &lt; y0 (PIL raises ValueError too).</exception>
    public static void Draw(ImageFrame frame, int x0, int y0, int x1, int y1, Rgb color, int width)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (x1 < x0 || y1 < y0) throw new ArgumentException($"rectangle [{x0}, {y0}, {x1}, {y1}] has x1 < x0 or y1 < y0");
        if (width == 0) width = 1;
        Span<byte> ink = stackalloc byte[3];
        color.WriteTo(ink, frame.Format);
        for (int i = 0; i < width; i++)
        {
            HLine(frame, x0, y0 + i, x1, ink);
            HLine(frame, x0, y1 - i, x1, ink);
            VLine(frame, x1 - i, y0 + width, y1 - width + 1, ink);
            VLine(frame, x0 + i, y0 + width, y1 - width + 1, ink);
        }
    }

    private static void HLine(ImageFrame f, int x0, int y, int x1, ReadOnlySpan<byte> ink)
    {
        if (y < 0 || y >= f.Height) return;
        if (x0 > x1) (x0, x1) = (x1, x0);
        if (x0 < 0) x0 = 0;
        else if (x0 >= f.Width) return;
        if (x1 < 0) return;
        if (x1 >= f.Width) x1 = f.Width - 1;
        for (int x = x0; x <= x1; x++) Point(f, x, y, ink);
    }

    // PIL's line32 with dx == 0: |y1 - y0| points from y0 stepping towards y1, y1 itself excluded.
    private static void VLine(ImageFrame f, int x, int ya, int yb, ReadOnlySpan<byte> ink)
    {
        int step = yb >= ya ? 1 : -1, n = Math.Abs(yb - ya);
        for (int i = 0, y = ya; i < n; i++, y += step) Point(f, x, y, ink);
    }

    private static void Point(ImageFrame f, int x, int y, ReadOnlySpan<byte> ink)
    {
        if ((uint)x >= (uint)f.Width || (uint)y >= (uint)f.Height) return;
        int ch = f.Channels;
        var px = f.Row(y).Slice(x * ch, ch);
        ink[..ch].CopyTo(px);
    }
}
