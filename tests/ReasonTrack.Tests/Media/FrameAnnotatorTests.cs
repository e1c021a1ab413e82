using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Tests.Media;

public class FrameAnnotatorTests
{
    private static Rgb At(ImageFrame f, int x, int y) => new(f.Row(y)[3 * x], f.Row(y)[3 * x + 1], f.Row(y)[3 * x + 2]);

    [Fact]
    public void Label_text_is_antialiased_inside_the_filled_label_box_not_the_two_colours_of_a_bitmap_font()
    {
        using var a = TestFonts.Annotator();
        var f = new ImageFrame(120, 60, PixelFormat.Rgb24);
        var label = a.DrawLabel(f, 110, 5, "IoU 0.73", Rgb.Yellow, Rgb.Black);
        // Moved left so that it fits: the whole label is inside the image.
        label.Right.ShouldBeLessThanOrEqualTo(120);
        label.X.ShouldBeGreaterThanOrEqualTo(0);
        int ink = 0, fill = 0, between = 0;
        for (int y = 0; y < 60; y++)
        for (int x = 0; x < 120; x++)
        {
            var c = At(f, x, y);
            bool inside = x >= label.X && x < label.Right && y >= label.Y && y < label.Bottom;
            if (!inside) { c.ShouldBe(Rgb.Black, $"({x},{y}) outside the label"); continue; }
            // Every pixel is a blend of the fill (yellow) and the ink (black): R == G, no blue.
            c.R.ShouldBe(c.G, $"({x},{y}) {c}");
            c.B.ShouldBe((byte)0, $"({x},{y}) {c}");
            if (c == Rgb.Yellow) fill++;
            else if (c == Rgb.Black) ink++;
            else between++;
        }
        // A 5x7 bitmap font has only the two colours; antialiased glyph edges have many pixels in between.
        between.ShouldBeGreaterThan(40);
        (ink + between).ShouldBeGreaterThan(60);
        fill.ShouldBeGreaterThan(ink + between);
    }

    [Fact]
    public void A_capital_H_is_as_tall_as_DejaVu_Sans_draws_it_not_7_pixels()
    {
        // DejaVu Sans's cap height is 1493 units of a 2048 em (its OS/2 table), 9.48 px at 13 px: the 5x7 font's H
        // had 7 rows and 5 columns of ink, all of it at full strength.
        using var a = TestFonts.Annotator(new AnnotationOptions { FontSize = 13 });
        var f = new ImageFrame(40, 30, PixelFormat.Gray8);
        a.DrawText(f, 5, 5, "H", Rgb.White);
        var rows = Enumerable.Range(0, 30).Where(y => f.Row(y).ToArray().Any(v => v >= 128)).ToArray();
        rows.Length.ShouldBeInRange(9, 11);
        (rows[^1] - rows[0] + 1).ShouldBe(rows.Length); // one block of rows
        rows[^1].ShouldBe(5 + a.Ascent - 1, "the H stands on the baseline");
        var values = f.Pixels.ToArray().Distinct().Count();
        values.ShouldBeGreaterThan(2);
    }

    /// <summary>
    /// The glyph cache places Skia's own glyph masks where Skia's own text drawing puts them (no subpixel positioning:
    /// pen positions rounded to pixels), so a line drawn through the cache is pixel for pixel the line
    /// <c>SKCanvas.DrawText</c> draws with the same font on a coverage mask (white over black keeps the coverage: v*255/255).
    /// </summary>
    [Fact]
    public void Text_pixels_equal_Skias_own_text_drawing_of_the_same_line()
    {
        using var a = TestFonts.Annotator();
        const string text = "dcf 0.93 #12 Wg\u00dc\u00e9 -> 0.5";
        a.DrawText(new ImageFrame(220, 30, PixelFormat.Gray8), 0, 0, "0.93 W", Rgb.White); // some glyphs cached first
        var g = new ImageFrame(220, 30, PixelFormat.Gray8);
        a.DrawText(g, 4, 5, text, Rgb.White);
        using var typeface = SkiaSharp.SKTypeface.FromFile(a.FontFile);
        using var font = new SkiaSharp.SKFont(typeface, a.Options.FontSize) { Edging = SkiaSharp.SKFontEdging.Antialias, Subpixel = false, Hinting = SkiaSharp.SKFontHinting.Slight };
        using var paint = new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.White, IsAntialias = true };
        using var bmp = new SkiaSharp.SKBitmap(new SkiaSharp.SKImageInfo(220, 30, SkiaSharp.SKColorType.Alpha8, SkiaSharp.SKAlphaType.Premul));
        bmp.Erase(SkiaSharp.SKColors.Transparent);
        using (var canvas = new SkiaSharp.SKCanvas(bmp)) canvas.DrawText(text, 4, 5 + a.Ascent, SkiaSharp.SKTextAlign.Left, font, paint);
        int differ = 0, inked = 0;
        for (int y = 0; y < 30; y++)
            for (int x = 0; x < 220; x++)
            {
                byte expected = bmp.GetPixel(x, y).Alpha;
                if (expected > 0) inked++;
                if (g.Row(y)[x] != expected) differ++;
            }
        inked.ShouldBeGreaterThan(150);
        differ.ShouldBe(0);
        a.MeasureText(text).ShouldBe((int)Math.Ceiling(font.MeasureText(text)));
    }

    [Fact]
    public void Drawing_a_label_allocates_nothing_once_its_characters_were_seen()
    {
        using var a = TestFonts.Annotator();
        var f = new ImageFrame(320, 240, PixelFormat.Rgb24);
        string label = "dcf 0.93";
        a.DrawBox(f, new Box(50, 60, 40, 30), Rgb.Yellow, 2, label);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) a.DrawBox(f, new Box(50 + i, 60, 40, 30), Rgb.Yellow, 2, label);
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Fact]
    public void Labels_on_gray_frames_blend_the_colours_luma()
    {
        using var a = TestFonts.Annotator();
        var f = new ImageFrame(80, 30, PixelFormat.Gray8);
        var label = a.DrawLabel(f, 0, 0, "dcf 0.93", Rgb.Yellow, Rgb.Black);
        byte yellow = Rgb.Yellow.Luma;
        var inside = new List<byte>();
        for (int y = 0; y < (int)label.H; y++)
            for (int x = 0; x < (int)label.W; x++) inside.Add(f.Row(y)[x]);
        inside.ShouldAllBe(v => v <= yellow);
        inside.Count(v => v == yellow).ShouldBeGreaterThan(inside.Count / 2);
        inside.Count(v => v > 0 && v < yellow).ShouldBeGreaterThan(20);
    }

    [Fact]
    public void A_box_label_sits_above_the_box_and_moves_inside_the_image_at_the_top()
    {
        using var a = TestFonts.Annotator();
        var f = new ImageFrame(200, 100, PixelFormat.Rgb24);
        a.DrawBox(f, new Box(50, 60, 40, 30), Rgb.Red, 2, "x 0.50");
        // Above: the label's bottom row is the row just above the box, in the box's colour at the left edge.
        At(f, 50, 59).ShouldBe(Rgb.Red);
        At(f, 50, 60 - a.LabelHeight).ShouldBe(Rgb.Red);
        At(f, 50, 60 - a.LabelHeight - 1).ShouldBe(Rgb.Black);
        var g = new ImageFrame(200, 100, PixelFormat.Rgb24);
        a.DrawBox(g, new Box(50, 3, 40, 30), Rgb.Red, 2, "x 0.50");
        At(g, 50, 0).ShouldBe(Rgb.Red); // moved down to row 0
        At(g, 50, a.LabelHeight).ShouldBe(Rgb.Red); // the box's left edge continues below it
        At(g, 53, a.LabelHeight + 2).ShouldBe(Rgb.Black); // inside the box, below the label: untouched
    }

    [Fact]
    public void Blending_is_rounded_as_computed_by_hand_and_clipped_to_the_frame()
    {
        var f = new ImageFrame(4, 2, PixelFormat.Rgb24);
        f.Pixels.Fill(100);
        // (100 * 127 + 200 * 128) / 255 = 150.196 -> 150; coverage 255 at opacity 64: (100 * 191 + 200 * 64) / 255 = 125.1 -> 125.
        byte[] mask = [128, 255, 0, 0, 0, 0];
        FrameAnnotator.BlendCoverage(f, -1, 0, mask, 3, 2, 3, new Rgb(200, 200, 200)); // column -1 clipped: mask[0] lands nowhere
        At(f, 0, 0).ShouldBe(new Rgb(200, 200, 200));
        At(f, 1, 0).ShouldBe(new Rgb(100, 100, 100));
        FrameAnnotator.BlendCoverage(f, 2, 0, mask, 2, 1, 2, new Rgb(200, 200, 200));
        At(f, 2, 0).ShouldBe(new Rgb(150, 150, 150));
        At(f, 3, 0).ShouldBe(new Rgb(200, 200, 200));
        FrameAnnotator.BlendRun(f, 1, -5, 2, new Rgb(200, 0, 100), 64);
        At(f, 0, 1).ShouldBe(new Rgb(125, 75, 100));
        At(f, 1, 1).ShouldBe(new Rgb(125, 75, 100));
        At(f, 2, 1).ShouldBe(new Rgb(100, 100, 100));
        FrameAnnotator.BlendRun(f, 7, 0, 4, Rgb.White, 255); // row outside: nothing
    }

    [Fact]
    public void Long_text_is_cut_to_fit_and_ends_in_dots()
    {
        using var a = TestFonts.Annotator();
        string text = string.Concat(Enumerable.Repeat("a person in a red coat walking left ", 6));
        string fit = a.Fit(text, 200);
        fit.ShouldEndWith("...");
        a.MeasureText(fit).ShouldBeLessThanOrEqualTo(200);
        text.ShouldStartWith(fit[..^3]);
        a.Fit("short", 200).ShouldBe("short");
        a.Fit(text, 200).ShouldBeSameAs(a.Fit(text, 200));
    }

    [Fact]
    public void A_missing_or_unreadable_font_is_one_clear_error_naming_the_setting()
    {
        using var tmp = new Datasets.TempTree();
        var e = Should.Throw<FontNotFoundException>(() => new FrameAnnotator(new AnnotationOptions { FontFile = tmp["none.ttf"] }));
        e.Message.ShouldContain(tmp["none.ttf"]);
        e.Setting.ShouldBe(nameof(AnnotationOptions.FontFile));
        File.WriteAllText(tmp["bad.ttf"], "not a font");
        var bad = Should.Throw<FontNotFoundException>(() => new FrameAnnotator(new AnnotationOptions { FontFile = tmp["bad.ttf"] }));
        bad.Message.ShouldContain("not a font");
        bad.ShouldBeAssignableTo<ReasonTrackException>();
    }
}
