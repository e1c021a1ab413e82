using FsCheck;
using FsCheck.Fluent;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Training.Data;

namespace ReasonTrack.Tests.Training.Data;

/// <summary>
/// The fork's outline placement (<c>_draw_bbox</c>, add_noise) for any box, image and scale: the inside branch always
/// contains a box that lies in the image; the outside branch leaves the box on or past an outline edge on both axes
/// whenever the image leaves room for it; corners are clamped to the image; PIL's rectangle pixels.
/// </summary>
public class VisualPromptPlacementTests
{
    public sealed record Case(ImageSize Image, VpTrackerBox Box, int Scale, ulong Seed);

    private static readonly Arbitrary<Case> Cases =
        (from iw in Gen.Choose(64, 1920)
         from ih in Gen.Choose(64, 1080)
         from w in Gen.Choose(2, iw)
         from h in Gen.Choose(2, ih)
         from x in Gen.Choose(0, iw - w)
         from y in Gen.Choose(0, ih - h)
         from s in Gen.Choose(2, 8)
         from seed in Gen.Choose(0, int.MaxValue)
         select new Case(new ImageSize(iw, ih), new VpTrackerBox(x, y, x + w, y + h, true), s, (ulong)seed)).ToArbitrary();

    [Fact]
    public void Inside_outlines_contain_the_box_and_stay_in_the_image() =>
        Prop.ForAll(Cases, c =>
        {
            var o = VisualPromptPlacement.Released(c.Box, c.Image, c.Scale, inbboxRatio: 1, new DeterministicRandom(c.Seed));
            o.InsideBranch.ShouldBeTrue();
            VisualPromptPlacement.Contains(o, c.Box).ShouldBeTrue(c.ToString());
            (o.X1 >= 0 && o.Y1 >= 0 && o.X2 <= c.Image.Width && o.Y2 <= c.Image.Height).ShouldBeTrue(c.ToString());
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));

    [Fact]
    public void Outside_outlines_leave_the_box_on_or_past_an_edge_on_both_axes_when_the_image_has_room() =>
        Prop.ForAll(Cases, c =>
        {
            var o = VisualPromptPlacement.Released(c.Box, c.Image, c.Scale, inbboxRatio: 0, new DeterministicRandom(c.Seed));
            o.InsideBranch.ShouldBeFalse();
            double w = c.Box.X2 - c.Box.X1, h = c.Box.Y2 - c.Box.Y1;
            // U(min, max) is an interval of offsets >= min only when max = W - s*w - min >= min.
            bool roomX = c.Image.Width - c.Scale * w - (c.Scale * w - w) >= (c.Scale * w - w) / 2;
            bool roomY = c.Image.Height - c.Scale * h - (c.Scale * h - h) >= (c.Scale * h - h) / 2;
            if (o.Fallback || !roomX || !roomY) return;
            (c.Box.X1 <= o.X1 || c.Box.X2 >= o.X2).ShouldBeTrue(c.ToString());
            (c.Box.Y1 <= o.Y1 || c.Box.Y2 >= o.Y2).ShouldBeTrue(c.ToString());
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(1000));

    [Fact]
    public void Corners_are_clamped_to_the_image()
    {
        // The whole 400x300 frame at scale 2: whatever the noise (dx in [-200, 200]), x1 = int(cx + dx - 400) <= 0 and
        // x2 >= 400 (likewise y), so the clamp gives the image border on every side.
        for (ulong seed = 0; seed < 20; seed++)
        {
            var o = VisualPromptPlacement.Released(new VpTrackerBox(0, 0, 400, 300, true), new ImageSize(400, 300), 2, 1, new DeterministicRandom(seed));
            o.ShouldBe(new VisualPromptPlacement.Outline(0, 0, 400, 300, InsideBranch: true, Fallback: false));
        }
    }

    [Fact]
    public void Pil_rectangle_draws_inclusive_corners_inward_and_clips_at_the_image_border()
    {
        // [2, 3, 20, 16] width 3 on 20x16: rows 3..5 and 14..16, columns 2..4 and 18..20 (PIL's columns run from
        // y0 + 3 to y1 - 3); x = 20 and y = 16 are off the image, so the right and bottom sides show 2 px.
        using var img = new ImageFrame(20, 16, PixelFormat.Rgb24);
        PilRectangle.Draw(img, 2, 3, 20, 16, Rgb.Red, 3);
        for (int y = 0; y < 16; y++)
            for (int x = 0; x < 20; x++)
            {
                bool expected = x >= 2 && y >= 3 && (y <= 5 || y >= 14 || x <= 4 || x >= 18);
                (img.Row(y)[x * 3] == 255).ShouldBe(expected, $"({x}, {y})");
            }
        Should.Throw<ArgumentException>(() => PilRectangle.Draw(img, 5, 0, 4, 3, Rgb.Red, 3));
    }
}
