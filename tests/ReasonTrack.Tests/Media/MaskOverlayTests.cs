using ReasonTrack.Geometry;
using ReasonTrack.Geometry.Masks;
using ReasonTrack.Media;

namespace ReasonTrack.Tests.Media;

/// <summary>Issue 16 item 5: the mask overlay's pixels, computed by hand from its documented blend and outline rule.</summary>
public sealed class MaskOverlayTests
{
    private static ImageFrame Gray100(PixelFormat format = PixelFormat.Rgb24)
    {
        var f = new ImageFrame(10, 8, format);
        f.Pixels.Fill(100);
        return f;
    }

    [Fact]
    public void The_fill_is_blended_the_outline_opaque_and_the_rest_untouched()
    {
        var f = Gray100();
        var mask = Mask.FromBox(new Box(2, 2, 5, 4), 10, 8); // columns 2..6, rows 2..5
        new MaskOverlay { Opacity = 0.5, OutlineWidth = 1 }.Draw(f, mask, new Rgb(200, 0, 0));
        for (int y = 0; y < 8; y++)
            for (int x = 0; x < 10; x++)
            {
                var p = f.Row(y).Slice(x * 3, 3).ToArray();
                bool inside = x >= 2 && x <= 6 && y >= 2 && y <= 5;
                bool edge = inside && (x == 2 || x == 6 || y == 2 || y == 5);
                // a = 128: R (100 * 128 + 200 * 128 + 128) >> 8 = 150, G and B (100 * 128 + 128) >> 8 = 50.
                byte[] expected = !inside ? [100, 100, 100] : edge ? [200, 0, 0] : [150, 50, 50];
                p.ShouldBe(expected, $"pixel ({x}, {y})");
            }
    }

    [Fact]
    public void The_image_border_is_not_an_edge_and_gray_frames_use_the_luma()
    {
        var f = Gray100(PixelFormat.Gray8);
        new MaskOverlay { Opacity = 1, OutlineWidth = 2 }.Draw(f, Mask.Full(10, 8), new Rgb(255, 255, 255));
        f.Pixels.ToArray().ShouldAllBe(v => v == 255); // opacity 1: (100 * 0 + 255 * 256 + 128) >> 8 = 255 everywhere
        var g = Gray100(PixelFormat.Gray8);
        var full = Mask.Full(10, 8);
        new MaskOverlay { Opacity = 0, OutlineWidth = 2 }.Draw(g, full, Rgb.Red);
        g.Pixels.ToArray().ShouldAllBe(v => v == 100); // no interior edge, nothing outlined, zero opacity
    }

    [Fact]
    public void A_thicker_outline_reaches_further_in_and_object_colours_follow_the_davis_palette()
    {
        var f = Gray100();
        new MaskOverlay { Opacity = 0, OutlineWidth = 2 }.Draw(f, Mask.FromBox(new Box(1, 1, 7, 6), 10, 8), Rgb.Blue);
        f.Row(3).Slice(2 * 3, 3).ToArray().ShouldBe(new byte[] { 0, 0, 255 });   // 1 step in from the left edge
        f.Row(3).Slice(3 * 3, 3).ToArray().ShouldBe(new byte[] { 100, 100, 100 }); // 2 steps in from every edge
        MaskOverlay.ColourOf(1).ShouldBe(new Rgb(128, 0, 0));
        MaskOverlay.ColourOf(2).ShouldBe(new Rgb(0, 128, 0));
        MaskOverlay.ColourOf(3).ShouldBe(new Rgb(128, 128, 0));
    }

    [Fact]
    public void Two_objects_in_their_palette_colours_at_the_default_opacity_blend_in_drawing_order()
    {
        var f = Gray100();
        var overlay = new MaskOverlay { OutlineWidth = 0 }; // Opacity 0.45: a = round(0.45 * 256) = 115
        overlay.Draw(f, Mask.FromBox(new Box(0, 0, 6, 8), 10, 8), MaskOverlay.ColourOf(1)); // columns 0..5, (128, 0, 0)
        overlay.Draw(f, Mask.FromBox(new Box(4, 0, 6, 8), 10, 8), MaskOverlay.ColourOf(2)); // columns 4..9, (0, 128, 0)
        // Object 1 alone: R (100 * 141 + 128 * 115 + 128) >> 8 = 113, G and B (100 * 141 + 128) >> 8 = 55.
        f.Row(3).Slice(1 * 3, 3).ToArray().ShouldBe(new byte[] { 113, 55, 55 });
        // Object 2 alone: the same with G and R swapped.
        f.Row(3).Slice(8 * 3, 3).ToArray().ShouldBe(new byte[] { 55, 113, 55 });
        // Both (columns 4, 5): object 2 blended over object 1's result: R (113 * 141 + 128) >> 8 = 62,
        // G (55 * 141 + 128 * 115 + 128) >> 8 = 88, B (55 * 141 + 128) >> 8 = 30.
        f.Row(5).Slice(4 * 3, 3).ToArray().ShouldBe(new byte[] { 62, 88, 30 });
        f.Row(5).Slice(5 * 3, 3).ToArray().ShouldBe(new byte[] { 62, 88, 30 });

        // With an outline, object 2's edge pixels are its colour exactly, also where they lie on object 1.
        var g = Gray100();
        var outlined = new MaskOverlay { OutlineWidth = 1 };
        outlined.Draw(g, Mask.FromBox(new Box(0, 0, 6, 8), 10, 8), MaskOverlay.ColourOf(1));
        outlined.Draw(g, Mask.FromBox(new Box(4, 2, 6, 4), 10, 8), MaskOverlay.ColourOf(2)); // columns 4..9, rows 2..5
        g.Row(3).Slice(4 * 3, 3).ToArray().ShouldBe(new byte[] { 0, 128, 0 });   // object 2's left edge, over object 1
        // Object 2's interior over object 1's (opaque) right edge: R (128 * 141 + 128) >> 8 = 71, G (128 * 115 + 128) >> 8 = 58, B 0.
        g.Row(3).Slice(5 * 3, 3).ToArray().ShouldBe(new byte[] { 71, 58, 0 });
        g.Row(0).Slice(5 * 3, 3).ToArray().ShouldBe(new byte[] { 128, 0, 0 });   // object 1's right edge (column 5)
        g.Row(3).Slice(9 * 3, 3).ToArray().ShouldBe(new byte[] { 55, 113, 55 }); // the image border is not an edge
        g.Row(2).Slice(9 * 3, 3).ToArray().ShouldBe(new byte[] { 0, 128, 0 });   // the top edge of object 2
    }

    [Fact]
    public void Drawing_allocates_nothing_after_the_first_frame()
    {
        var f = Gray100();
        var overlay = new MaskOverlay();
        var mask = Mask.FromBox(new Box(2, 2, 5, 4), 10, 8);
        overlay.Draw(f, mask, Rgb.Red);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) overlay.Draw(f, mask, Rgb.Red);
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }
}
