using ReasonTrack.Geometry;

namespace ReasonTrack.Media;

/// <summary>
/// Drawing on frames in place: box outlines, filled label boxes with text, the VPTracker visual prompt. Everything is
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

    /// <summary>Text in the built-in 5x7 font, top-left at (x, y), each font pixel drawn as scale x scale.</summary>
    public static void DrawText(ImageFrame frame, int x, int y, string text, Rgb color, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        long cx = x;
        foreach (char ch in text)
        {
            var glyph = BitmapFont.Glyph(ch);
            for (int col = 0; col < BitmapFont.GlyphWidth; col++)
            {
                byte bits = glyph[col];
                for (int row = 0; row < BitmapFont.GlyphHeight; row++)
                {
                    if ((bits >> row & 1) == 0) continue;
                    long px = cx + (long)col * scale, py = y + (long)row * scale;
                    FillClipped(frame, px, py, px + scale, py + scale, color);
                }
            }
            cx += (long)BitmapFont.CellWidth * scale;
        }
    }

    /// <summary>Size in pixels of <paramref name="text"/> drawn by <see cref="DrawText"/> (no trailing spacing).</summary>
    public static (int Width, int Height) MeasureText(string text, int scale = 1) =>
        text.Length == 0 ? (0, 0) : ((text.Length * BitmapFont.CellWidth - 1) * scale, BitmapFont.GlyphHeight * scale);

    /// <summary>
    /// A filled box with <paramref name="text"/> in it, 2 pixels of margin, top-left at (x, y) but moved inside the
    /// image when it would stick out (so a label of a box at the border stays readable). Returns the label's area.
    /// </summary>
    public static Box DrawLabel(ImageFrame frame, int x, int y, string text, Rgb background, Rgb foreground, int scale = 1)
    {
        var (tw, th) = MeasureText(text, scale);
        int margin = 2 * scale;
        int w = tw + 2 * margin, h = th + 2 * margin;
        x = Math.Max(0, Math.Min(x, frame.Width - w));
        y = Math.Max(0, Math.Min(y, frame.Height - h));
        FillRectangle(frame, x, y, w, h, background);
        DrawText(frame, x + margin, y + margin, text, foreground, scale);
        return new Box(x, y, w, h);
    }

    /// <summary>
    /// A box outline with an optional label above its top-left corner (inside the image), the usual result overlay.
    /// </summary>
    public static void DrawBox(ImageFrame frame, Box box, Rgb color, int width = 2, string? label = null, int textScale = 1)
    {
        DrawRectangle(frame, box, color, width);
        if (label is null || !box.IsFinite) return;
        var (_, th) = MeasureText(label, textScale);
        int labelH = th + 4 * textScale;
        double top = Math.Clamp(box.Y, int.MinValue / 2, int.MaxValue / 2);
        double left = Math.Clamp(box.X, int.MinValue / 2, int.MaxValue / 2);
        Rgb ink = color.Luma > 128 ? Rgb.Black : Rgb.White;
        DrawLabel(frame, (int)Math.Round(left), (int)Math.Round(top) - labelH, label, color, ink, textScale);
    }

    /// <summary>
    /// The VPTracker visual prompt: a red rectangle outline, <paramref name="width"/> pixels thick, centred on
    /// <paramref name="box"/> and <paramref name="scale"/> times its width and height (the search region the VLM is
    /// shown), clipped to the image. Returns the prompt rectangle (before clipping).
    /// </summary>
    public static Box DrawVisualPrompt(ImageFrame frame, Box box, double scale = 4, int width = 3)
    {
        if (!(scale > 0)) throw new ArgumentOutOfRangeException(nameof(scale), $"scale must be positive, got {scale}");
        var (cx, cy) = box.Center;
        var region = Box.FromCenter(cx, cy, box.W * scale, box.H * scale);
        DrawRectangle(frame, region, Rgb.Red, width);
        return region;
    }

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
