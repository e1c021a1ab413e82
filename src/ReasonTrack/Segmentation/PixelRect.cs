using ReasonTrack.Geometry;

namespace ReasonTrack.Segmentation;

/// <summary>
/// The whole pixels a box covers under the pixel-centre rule (pixel <c>i</c> is in when <c>X &lt;= i + 0.5 &lt; X + W</c>),
/// as a half-open range <c>[X0, X1) x [Y0, Y1)</c> clipped to the image; empty (X0 = X1) when the box is not finite,
/// has no positive size or lies outside.
/// </summary>
internal readonly record struct PixelRect(int X0, int Y0, int X1, int Y1)
{
    public int Width => X1 - X0;
    public int Height => Y1 - Y0;
    public long Area => (long)Width * Height;
    public bool IsEmpty => X1 <= X0 || Y1 <= Y0;

    public static PixelRect Of(Box box, int width, int height)
    {
        if (!box.HasPositiveSize) return default;
        int x0 = Edge(box.X, width), x1 = Edge(box.X + box.W, width);
        int y0 = Edge(box.Y, height), y1 = Edge(box.Y + box.H, height);
        return x1 <= x0 || y1 <= y0 ? default : new PixelRect(x0, y0, x1, y1);
    }

    /// <summary>The first pixel whose centre is at or right of <paramref name="v"/>: <c>ceil(v - 0.5)</c>, clamped to <c>[0, size]</c>.</summary>
    private static int Edge(double v, int size) => (int)Math.Clamp(Math.Ceiling(v - 0.5), 0, size);

    /// <summary>This rectangle grown by <paramref name="dx"/>, <paramref name="dy"/> pixels on every side, clipped.</summary>
    public PixelRect Grow(int dx, int dy, int width, int height) =>
        new(Math.Max(0, X0 - dx), Math.Max(0, Y0 - dy), Math.Min(width, X1 + dx), Math.Min(height, Y1 + dy));
}
