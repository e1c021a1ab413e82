using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Tests.Media;

public class DrawingTests
{
    private static Rgb At(ImageFrame f, int x, int y) => new(f.Row(y)[3 * x], f.Row(y)[3 * x + 1], f.Row(y)[3 * x + 2]);

    [Fact]
    public void Outline_pixels_have_the_colour_and_the_interior_does_not()
    {
        var f = new ImageFrame(100, 80, PixelFormat.Rgb24);
        Drawing.DrawRectangle(f, new Box(10, 20, 30, 25), Rgb.Green, width: 2);
        // Box covers columns 10..39 and rows 20..44; the stroke is 2 px inside that.
        At(f, 10, 20).ShouldBe(Rgb.Green);
        At(f, 11, 30).ShouldBe(Rgb.Green);
        At(f, 39, 44).ShouldBe(Rgb.Green);
        At(f, 25, 43).ShouldBe(Rgb.Green);
        At(f, 12, 30).ShouldBe(Rgb.Black);  // interior
        At(f, 25, 32).ShouldBe(Rgb.Black);
        At(f, 9, 30).ShouldBe(Rgb.Black);   // outside
        At(f, 40, 30).ShouldBe(Rgb.Black);
        At(f, 25, 45).ShouldBe(Rgb.Black);
    }

    [Fact]
    public void Boxes_partly_or_wholly_outside_and_NaN_boxes_are_clipped_safely()
    {
        var f = new ImageFrame(50, 40, PixelFormat.Gray8);
        Drawing.DrawRectangle(f, new Box(-10, -10, 30, 30), Rgb.White, 3);
        f.Row(10)[0].ShouldBe((byte)0);  // the left edge at x=-10 is off-image
        f.Row(10)[18].ShouldBe((byte)255); // right edge columns 17..19
        f.Row(18)[5].ShouldBe((byte)255);  // bottom edge rows 17..19
        f.Row(5)[5].ShouldBe((byte)0);
        Drawing.DrawRectangle(f, new Box(1000, 1000, 10, 10), Rgb.White, 3);
        Drawing.DrawRectangle(f, Box.NaN, Rgb.White, 3);
        Drawing.DrawRectangle(f, new Box(-1e300, 5, 2e300, 10), Rgb.White, 1);
        f.Row(5)[25].ShouldBe((byte)255); // the huge box's top edge crosses the image
    }

    [Fact]
    public void Label_text_puts_foreground_pixels_inside_the_filled_label_box()
    {
        var f = new ImageFrame(120, 60, PixelFormat.Rgb24);
        var label = Drawing.DrawLabel(f, 110, 5, "IoU 0.73", Rgb.Yellow, Rgb.Black, 1);
        // Moved left so that it fits: the whole label is inside the image.
        label.Right.ShouldBeLessThanOrEqualTo(120);
        int ink = 0, fill = 0;
        for (int y = 0; y < 60; y++)
        for (int x = 0; x < 120; x++)
        {
            var c = At(f, x, y);
            bool inside = x >= label.X && x < label.Right && y >= label.Y && y < label.Bottom;
            if (!inside) { c.ShouldBe(Rgb.Black, $"({x},{y}) outside the label"); continue; }
            if (c == Rgb.Yellow) fill++;
            else if (c == Rgb.Black) ink++;
            else throw new ShouldAssertException($"unexpected colour {c}");
        }
        ink.ShouldBeGreaterThan(8 * 6); // 8 glyphs of several pixels (the space has none)
        fill.ShouldBeGreaterThan(ink);
    }

    [Fact]
    public void Every_printable_ascii_character_has_a_glyph_and_distinct_ones_differ()
    {
        BitmapFont.GlyphCount.ShouldBe(95);
        for (char c = '!'; c <= '~'; c++) BitmapFont.Glyph(c).ToArray().ShouldContain(b => b != 0, $"glyph '{c}' is empty");
        BitmapFont.Glyph('0').ToArray().ShouldNotBe(BitmapFont.Glyph('O').ToArray());
        BitmapFont.Glyph('\u00e9').ToArray().ShouldBe(BitmapFont.Glyph('?').ToArray());
    }

    [Fact]
    public void Visual_prompt_is_a_red_outline_4x_the_box_and_3px_wide()
    {
        var f = new ImageFrame(200, 200, PixelFormat.Rgb24);
        var box = new Box(90, 80, 20, 10); // centre (100, 85)
        var prompt = Drawing.DrawVisualPrompt(f, box);
        prompt.ShouldBe(new Box(60, 65, 80, 40));
        // Measure the drawn rectangle along the horizontal line through the centre and the vertical line through it.
        var redX = Enumerable.Range(0, 200).Where(x => At(f, x, 85) == Rgb.Red).ToArray();
        redX.ShouldBe([60, 61, 62, 137, 138, 139]);
        var redY = Enumerable.Range(0, 200).Where(y => At(f, 100, y) == Rgb.Red).ToArray();
        redY.ShouldBe([65, 66, 67, 102, 103, 104]);
        (redX[^1] - redX[0] + 1).ShouldBe(4 * 20);
        (redY[^1] - redY[0] + 1).ShouldBe(4 * 10);
        At(f, 100, 85).ShouldBe(Rgb.Black); // the target itself is not covered
    }

    [Fact]
    public void Visual_prompt_near_the_border_is_clipped()
    {
        var f = new ImageFrame(50, 50, PixelFormat.Gray8);
        var prompt = Drawing.DrawVisualPrompt(f, new Box(0, 0, 10, 10));
        prompt.ShouldBe(new Box(-15, -15, 40, 40));
        f.Row(24)[22].ShouldBe(Rgb.Red.Luma); // right edge, columns 22..24
        f.Row(10)[10].ShouldBe((byte)0);
    }
}
