using FsCheck;
using FsCheck.Fluent;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Training.Data;

namespace ReasonTrack.Tests.Training.Data;

/// <summary>The outline placements keep their promise for any box, image and scale: inside contains, outside avoids.</summary>
public class VisualPromptPlacementTests
{
    public sealed record Case(ImageSize Image, Box Box, int Scale, ulong Seed);

    private static readonly Arbitrary<Case> Cases =
        (from iw in Gen.Choose(64, 1920)
         from ih in Gen.Choose(64, 1080)
         from w in Gen.Choose(2, iw)
         from h in Gen.Choose(2, ih)
         from x in Gen.Choose(0, iw - w)
         from y in Gen.Choose(0, ih - h)
         from s in Gen.Choose(2, 8)
         from seed in Gen.Choose(0, int.MaxValue)
         select new Case(new ImageSize(iw, ih), new Box(x, y, w, h), s, (ulong)seed)).ToArbitrary();

    [Fact]
    public void Inside_outlines_contain_the_box_and_have_the_scaled_size() =>
        Prop.ForAll(Cases, c =>
        {
            var o = VisualPromptPlacement.Place(c.Box, c.Image, c.Scale, inside: true, new DeterministicRandom(c.Seed));
            VisualPromptPlacement.Contains(o, c.Box).ShouldBeTrue(c.ToString());
            o.W.ShouldBe(c.Box.W * c.Scale, 1e-9);
            o.H.ShouldBe(c.Box.H * c.Scale, 1e-9);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));

    [Fact]
    public void Outside_outlines_never_overlap_the_box_even_when_it_is_too_large_to_avoid() =>
        Prop.ForAll(Cases, c =>
        {
            var o = VisualPromptPlacement.Place(c.Box, c.Image, c.Scale, inside: false, new DeterministicRandom(c.Seed));
            VisualPromptPlacement.Overlaps(o, c.Box).ShouldBeFalse(c.ToString());
            o.W.ShouldBe(c.Box.W * c.Scale, 1e-9);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));

    [Fact]
    public void A_box_filling_the_image_gets_the_outline_beside_it_on_the_side_with_most_room()
    {
        // 100x100 box at x = 60 in a 200x120 image: 60 px of room on the left, 40 on the right, 10 above and below.
        var box = new Box(60, 10, 100, 100);
        var o = VisualPromptPlacement.Place(box, new ImageSize(200, 120), 4, inside: false, new DeterministicRandom(1));
        o.ShouldBe(new Box(60 - 400, 60 - 200, 400, 400));
    }

    [Fact]
    public void The_drawn_outline_is_red_where_the_placement_says()
    {
        // The sampler draws with Drawing.DrawVisualPrompt around a box of the reference size centred on the outline.
        var box = new Box(70, 50, 20, 10);
        var o = VisualPromptPlacement.Place(box, new ImageSize(200, 160), 3, inside: true, new DeterministicRandom(5));
        using var img = new ImageFrame(200, 160, PixelFormat.Rgb24);
        var (cx, cy) = o.Center;
        var drawn = Drawing.DrawVisualPrompt(img, Box.FromCenter(cx, cy, box.W, box.H), 3, 3);
        drawn.X.ShouldBe(o.X, 1e-9);
        drawn.Y.ShouldBe(o.Y, 1e-9);
        drawn.W.ShouldBe(o.W, 1e-9);
        int left = (int)Math.Round(o.X, MidpointRounding.AwayFromZero), top = (int)Math.Round(o.Y, MidpointRounding.AwayFromZero);
        var px = img.Row(top + 1).Slice(left * 3, 3).ToArray();
        px.ShouldBe(new byte[] { 255, 0, 0 });
    }
}
