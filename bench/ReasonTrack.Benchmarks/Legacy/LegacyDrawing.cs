using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Benchmarks.Legacy;

/// <summary>
/// The pre-SkiaSharp label drawing (the 5x7 <see cref="LegacyBitmapFont"/>, issue 13 item 3 replaced it with
/// <see cref="FrameAnnotator"/>), kept only to measure old against new in bench/.
/// </summary>
internal static class LegacyDrawing
{
    public static void DrawText(ImageFrame frame, int x, int y, string text, Rgb color, int scale = 1)
    {
        long cx = x;
        foreach (char ch in text)
        {
            var glyph = LegacyBitmapFont.Glyph(ch);
            for (int col = 0; col < LegacyBitmapFont.GlyphWidth; col++)
            {
                byte bits = glyph[col];
                for (int row = 0; row < LegacyBitmapFont.GlyphHeight; row++)
                {
                    if ((bits >> row & 1) == 0) continue;
                    long px = cx + (long)col * scale, py = y + (long)row * scale;
                    Drawing.FillRectangle(frame, (int)px, (int)py, scale, scale, color);
                }
            }
            cx += (long)LegacyBitmapFont.CellWidth * scale;
        }
    }

    public static (int Width, int Height) MeasureText(string text, int scale = 1) =>
        text.Length == 0 ? (0, 0) : ((text.Length * LegacyBitmapFont.CellWidth - 1) * scale, LegacyBitmapFont.GlyphHeight * scale);

    public static Box DrawLabel(ImageFrame frame, int x, int y, string text, Rgb background, Rgb foreground, int scale = 1)
    {
        var (tw, th) = MeasureText(text, scale);
        int margin = 2 * scale;
        int w = tw + 2 * margin, h = th + 2 * margin;
        x = Math.Max(0, Math.Min(x, frame.Width - w));
        y = Math.Max(0, Math.Min(y, frame.Height - h));
        Drawing.FillRectangle(frame, x, y, w, h, background);
        DrawText(frame, x + margin, y + margin, text, foreground, scale);
        return new Box(x, y, w, h);
    }

    public static void DrawBox(ImageFrame frame, Box box, Rgb color, int width = 2, string? label = null, int textScale = 1)
    {
        Drawing.DrawRectangle(frame, box, color, width);
        if (label is null || !box.IsFinite) return;
        var (_, th) = MeasureText(label, textScale);
        int labelH = th + 4 * textScale;
        Rgb ink = color.Luma > 128 ? Rgb.Black : Rgb.White;
        DrawLabel(frame, (int)Math.Round(box.X), (int)Math.Round(box.Y) - labelH, label, color, ink, textScale);
    }
}
