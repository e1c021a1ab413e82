using System.Buffers;
using System.Text;
using ReasonTrack.Geometry;
using SkiaSharp;

namespace ReasonTrack.Media;

/// <summary>
/// The one drawing entry point for annotated frames (result videos, frame folders, report thumbnails): box outlines,
/// labels with antialiased text, plain text, and blending of coverage masks or runs in a colour with an opacity (what a
/// translucent mask overlay is built from). Text is rasterised by SkiaSharp from a real font
/// (<see cref="AnnotationOptions.FontFile"/>, DejaVu Sans by default; issue 13 item 3 replaced the 5x7 bitmap font) into
/// 8-bit coverage masks that are blended into the frame, so it works the same on RGB and gray frames (gray: the
/// colour's luma) and never converts the frame. Box outlines and filled rectangles stay whole-pixel fills
/// (<see cref="Drawing.DrawRectangle"/>, <see cref="Drawing.FillRectangle"/>): axis-aligned at integer edges, Skia
/// would draw the same pixels but only on a 4-byte copy of the frame.
/// <para>
/// Glyphs are rasterised by Skia once per character and cached (coverage, advance), then placed as Skia places them
/// without subpixel positioning (the pen position rounded to a pixel; no kerning, as Skia's plain text drawing), so a
/// label costs a few blends and allocates nothing once its characters have been seen. Not thread-safe: one instance
/// per drawing thread. Dispose it to free the native objects.
/// </para>
/// </summary>
public sealed class FrameAnnotator : IDisposable
{
    private readonly SKTypeface _typeface;
    private readonly SKFont _font;
    private readonly SKPaint _ink;
    private readonly Dictionary<int, GlyphCell> _glyphs = [];
    private bool _disposed;
    private string? _fitText, _fitResult;
    private int _fitWidth;

    /// <exception cref="FontNotFoundException">No font file could be loaded (see <see cref="AnnotationOptions.FontFile"/>).</exception>
    public FrameAnnotator(AnnotationOptions? options = null)
    {
        Options = options ?? AnnotationOptions.Default;
        if (!(Options.FontSize is > 0 and <= 1000)) throw new InvalidSettingException(nameof(AnnotationOptions.FontSize), $"font size must be in (0, 1000] pixels, got {Options.FontSize}");
        ArgumentOutOfRangeException.ThrowIfNegative(Options.LabelMargin);
        string font = Options.ResolveFontFile() ?? throw new FontNotFoundException(
            $"no font for frame labels: {nameof(AnnotationOptions.FontFile)} is not set and DejaVu Sans is at none of {string.Join(", ", AnnotationOptions.SystemFontFiles)} " +
            "(Debian/Ubuntu: apt-get install fonts-dejavu-core, which ./setup.sh does; or name a .ttf file)");
        if (!File.Exists(font)) throw new FontNotFoundException($"{font}: font file for frame labels ({nameof(AnnotationOptions.FontFile)}) not found");
        _typeface = SKTypeface.FromFile(font) ?? throw new FontNotFoundException($"{font}: not a font Skia can read ({nameof(AnnotationOptions.FontFile)})");
        FontFile = font;
        _font = new SKFont(_typeface, Options.FontSize) { Edging = SKFontEdging.Antialias, Subpixel = false, Hinting = SKFontHinting.Slight };
        _ink = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Fill };
        _font.GetFontMetrics(out var m);
        Ascent = (int)Math.Ceiling(-m.Ascent);
        LineHeight = Ascent + (int)Math.Ceiling(m.Descent);
    }

    public AnnotationOptions Options { get; }

    /// <summary>The font file in use.</summary>
    public string FontFile { get; }

    /// <summary>Pixels from the top of a line of text to its baseline (the font's ascent, rounded up).</summary>
    public int Ascent { get; }

    /// <summary>Height in pixels of a line of text (ascent + descent, rounded up), whatever the characters.</summary>
    public int LineHeight { get; }

    /// <summary>Height of a label drawn by <see cref="DrawLabel"/>.</summary>
    public int LabelHeight => LineHeight + 2 * Options.LabelMargin;

    /// <summary>Width in pixels of <paramref name="text"/> (its advance, rounded up); 0 for empty text.</summary>
    public int MeasureText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(_disposed, this);
        float pen = 0;
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out int used) != OperationStatus.Done) rune = Rune.ReplacementChar;
            rest = rest[used..];
            pen += GlyphOf(rune).Advance;
        }
        return (int)MathF.Ceiling(pen);
    }

    /// <summary>
    /// <paramref name="text"/> cut to at most <paramref name="maxWidth"/> pixels, ending in <c>...</c> when cut. The
    /// last answer is remembered, so a text that stays the same over frames (a description) costs nothing again.
    /// </summary>
    public string Fit(string text, int maxWidth)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (ReferenceEquals(text, _fitText) && maxWidth == _fitWidth) return _fitResult!;
        string result = text;
        if (MeasureText(text) > maxWidth)
        {
            int n = text.Length;
            result = "...";
            while (--n > 0)
            {
                string candidate = string.Concat(text.AsSpan(0, n).TrimEnd(), "...");
                if (MeasureText(candidate) <= maxWidth) { result = candidate; break; }
            }
        }
        (_fitText, _fitWidth, _fitResult) = (text, maxWidth, result);
        return result;
    }

    /// <summary>Antialiased <paramref name="text"/> in <paramref name="color"/>, its line's top-left at (x, y), clipped to the frame.</summary>
    public void DrawText(ImageFrame frame, int x, int y, string text, Rgb color)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(_disposed, this);
        float pen = 0;
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out int used) != OperationStatus.Done) rune = Rune.ReplacementChar;
            rest = rest[used..];
            var g = GlyphOf(rune);
            // As Skia places glyphs without subpixel positioning: the pen position rounded to the nearest pixel.
            int gx = x + (int)MathF.Floor(pen + 0.5f) + g.Left, gy = y + Ascent + g.Top;
            if (g.Width > 0) BlendCoverage(frame, gx, gy, g.Coverage, g.Width, g.Height, g.Width, color);
            pen += g.Advance;
        }
    }

    /// <summary>
    /// A filled box with <paramref name="text"/> in it (<see cref="AnnotationOptions.LabelMargin"/> pixels of margin),
    /// top-left at (x, y) but moved inside the image when it would stick out (so the label of a box at the border stays
    /// readable). Returns the label's area.
    /// </summary>
    public Box DrawLabel(ImageFrame frame, int x, int y, string text, Rgb background, Rgb foreground)
    {
        ArgumentNullException.ThrowIfNull(frame);
        int margin = Options.LabelMargin;
        int w = MeasureText(text) + 2 * margin, h = LabelHeight;
        x = Math.Max(0, Math.Min(x, frame.Width - w));
        y = Math.Max(0, Math.Min(y, frame.Height - h));
        Drawing.FillRectangle(frame, x, y, w, h, background);
        DrawText(frame, x + margin, y + margin, text, foreground);
        return new Box(x, y, w, h);
    }

    /// <summary>
    /// A box outline (<see cref="Drawing.DrawRectangle"/>: <paramref name="width"/> pixels inside the box's rounded
    /// edges) with an optional label in the box's colour above its top-left corner (moved inside the image), black or
    /// white text by the colour's luma: the usual result overlay.
    /// </summary>
    public void DrawBox(ImageFrame frame, Box box, Rgb color, int width = 2, string? label = null)
    {
        Drawing.DrawRectangle(frame, box, color, width);
        if (label is null || !box.IsFinite) return;
        double top = Math.Clamp(box.Y, int.MinValue / 2, int.MaxValue / 2);
        double left = Math.Clamp(box.X, int.MinValue / 2, int.MaxValue / 2);
        Rgb ink = color.Luma > 128 ? Rgb.Black : Rgb.White;
        DrawLabel(frame, (int)Math.Round(left), (int)Math.Round(top) - LabelHeight, label, color, ink);
    }

    /// <summary>
    /// Blends <paramref name="color"/> into the frame through an 8-bit coverage mask (0 leaves the pixel, 255 replaces it),
    /// scaled by <paramref name="opacity"/>: <c>dst = dst + (color - dst) * coverage * opacity / 255^2</c>, rounded.
    /// The mask is <paramref name="width"/> x <paramref name="height"/> with <paramref name="stride"/> bytes per row,
    /// its top-left at (x, y); parts outside the frame are skipped. The primitive behind text and mask fills.
    /// </summary>
    public static void BlendCoverage(ImageFrame frame, int x, int y, ReadOnlySpan<byte> coverage, int width, int height, int stride, Rgb color, byte opacity = 255)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, width);
        if (width == 0 || height == 0 || opacity == 0) return;
        if (coverage.Length < (long)(height - 1) * stride + width) throw new ArgumentException($"{coverage.Length} bytes are too few for a {width}x{height} mask of stride {stride}", nameof(coverage));
        int c0 = Math.Max(0, -x), c1 = Math.Min(width, frame.Width - x);
        int r0 = Math.Max(0, -y), r1 = Math.Min(height, frame.Height - y);
        if (c0 >= c1 || r0 >= r1) return;
        bool rgb = frame.Channels == 3;
        int i0 = rgb ? color.R : color.Luma, i1 = color.G, i2 = color.B;
        for (int r = r0; r < r1; r++)
        {
            var src = coverage.Slice(r * stride, width);
            var row = frame.Row(y + r);
            for (int c = c0; c < c1; c++)
            {
                int a = src[c];
                if (a == 0) continue;
                if (opacity != 255) a = Div255(a * opacity);
                int b = 255 - a;
                if (!rgb) { row[x + c] = (byte)Div255(row[x + c] * b + i0 * a); continue; }
                int at = (x + c) * 3;
                if (a == 255) { row[at] = (byte)i0; row[at + 1] = (byte)i1; row[at + 2] = (byte)i2; continue; }
                row[at] = (byte)Div255(row[at] * b + i0 * a);
                row[at + 1] = (byte)Div255(row[at + 1] * b + i1 * a);
                row[at + 2] = (byte)Div255(row[at + 2] * b + i2 * a);
            }
        }
    }

    /// <summary>
    /// Blends <paramref name="color"/> at <paramref name="opacity"/> into columns <c>[x0, x1)</c> of row <paramref name="y"/>
    /// (clipped): one run of a run-length mask.
    /// </summary>
    public static void BlendRun(ImageFrame frame, int y, int x0, int x1, Rgb color, byte opacity)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if ((uint)y >= (uint)frame.Height || opacity == 0) return;
        x0 = Math.Max(0, x0);
        x1 = Math.Min(frame.Width, x1);
        if (x0 >= x1) return;
        int ch = frame.Channels, a = opacity;
        Span<byte> ink = stackalloc byte[3];
        color.WriteTo(ink, frame.Format);
        var row = frame.Row(y).Slice(x0 * ch, (x1 - x0) * ch);
        for (int i = 0; i < row.Length; i += ch)
            for (int k = 0; k < ch; k++) row[i + k] = (byte)Div255(row[i + k] * (255 - a) + ink[k] * a);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _ink.Dispose();
        _font.Dispose();
        _typeface.Dispose();
    }

    /// <summary>round(v / 255) for 0 &lt;= v &lt;= 255 * 255, exactly.</summary>
    private static int Div255(int v)
    {
        v += 128;
        return (v + (v >> 8)) >> 8;
    }

    /// <summary>
    /// The cached coverage of one character, rasterised by Skia the first time it is drawn: its advance, and its ink
    /// (an 8-bit mask) with the mask's offset from the pen position on the baseline.
    /// </summary>
    private sealed record GlyphCell(float Advance, int Left, int Top, int Width, int Height, byte[] Coverage);

    private GlyphCell GlyphOf(Rune rune)
    {
        if (_glyphs.TryGetValue(rune.Value, out var cached)) return cached;
        Span<char> utf16 = stackalloc char[2];
        string s = new(utf16[..rune.EncodeToUtf16(utf16)]);
        float advance = _font.MeasureText(s.AsSpan(), out SKRect ink);
        GlyphCell cell;
        if (ink.IsEmpty) cell = new GlyphCell(advance, 0, 0, 0, 0, []);
        else
        {
            // One pixel of slack around the ink bounds for antialiased edges.
            int left = (int)MathF.Floor(ink.Left) - 1, top = (int)MathF.Floor(ink.Top) - 1;
            int width = (int)MathF.Ceiling(ink.Right) + 1 - left, height = (int)MathF.Ceiling(ink.Bottom) + 1 - top;
            using var mask = new SKBitmap(new SKImageInfo(width, height, SKColorType.Alpha8, SKAlphaType.Premul));
            mask.Erase(SKColors.Transparent);
            using (var canvas = new SKCanvas(mask)) canvas.DrawText(s, -left, -top, SKTextAlign.Left, _font, _ink);
            var coverage = new byte[width * height];
            unsafe
            {
                byte* p = (byte*)mask.GetPixels();
                for (int r = 0; r < height; r++) new ReadOnlySpan<byte>(p + (long)r * mask.RowBytes, width).CopyTo(coverage.AsSpan(r * width, width));
            }
            cell = new GlyphCell(advance, left, top, width, height, coverage);
        }
        _glyphs[rune.Value] = cell;
        return cell;
    }
}
