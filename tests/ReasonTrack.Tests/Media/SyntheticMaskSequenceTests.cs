using ReasonTrack.Geometry.Masks;
using ReasonTrack.Media;
using ReasonTrack.Media.Synthetic;
using ReasonTrack.Segmentation;

namespace ReasonTrack.Tests.Media;

/// <summary>
/// The generated segmentation sequence behind <c>segmenter-j</c> and the mask tests: its masks are the shapes it
/// draws (areas against the closed forms), its boxes are the masks' bounding boxes, the same seed gives the same
/// pixels, and on it the colour model beats the box itself when both are given the true box.
/// </summary>
public sealed class SyntheticMaskSequenceTests
{
    [Theory]
    [InlineData(SyntheticShape.Ellipse, Math.PI)]      // area pi * a * b
    [InlineData(SyntheticShape.Rectangle, 4.0)]        // (2a) * (2b)
    [InlineData(SyntheticShape.Diamond, 2.0)]          // 2 * a * b
    public void Masks_have_the_shapes_area_and_boxes_are_their_bounds(SyntheticShape shape, double areaOverAb)
    {
        var o = new SyntheticMaskSequenceOptions { Frames = 3, Shape = shape, ScaleAmplitude = 0 };
        var seq = new SyntheticMaskSequence(o);
        for (int f = 0; f < 3; f++)
        {
            var m = seq.Masks.Get(f, 1)!;
            double expected = areaOverAb * o.SemiMajor * o.SemiMinor;
            Math.Abs(m.Area - expected).ShouldBeLessThan(expected * 0.02, $"frame {f}: pixel-centre sampling of a {shape}");
            seq.GroundTruth[f].ShouldBe(m.BoundingBox);
        }
    }

    [Fact]
    public void The_target_is_drawn_exactly_on_its_mask_and_the_same_seed_gives_the_same_pixels()
    {
        var o = new SyntheticMaskSequenceOptions { Frames = 2, Width = 120, Height = 90, SemiMajor = 20, SemiMinor = 11 };
        var a = new SyntheticMaskSequence(o);
        var b = new SyntheticMaskSequence(o);
        using var fa = new ImageFrame(120, 90, PixelFormat.Rgb24);
        using var fb = new ImageFrame(120, 90, PixelFormat.Rgb24);
        a.Render(1, fa);
        b.Render(1, fb);
        fa.Pixels.ToArray().ShouldBe(fb.Pixels.ToArray());
        a.Masks.Get(1, 1).ShouldBe(b.Masks.Get(1, 1));
        // Target pixels are yellow (R and G well above B); the background is blue-green (B >= R).
        var mask = a.Masks.Get(1, 1)!;
        var px = fa.Pixels;
        for (int y = 0; y < 90; y++)
            for (int x = 0; x < 120; x++)
            {
                int q = (y * 120 + x) * 3;
                bool yellow = px[q] > px[q + 2] + 20;
                yellow.ShouldBe(mask[x, y], $"pixel ({x}, {y})");
            }
        var other = new SyntheticMaskSequence(o with { Seed = o.Seed + 1 });
        using var fc = new ImageFrame(120, 90, PixelFormat.Rgb24);
        other.Render(1, fc);
        fc.Pixels.ToArray().ShouldNotBe(fa.Pixels.ToArray());
    }

    [Fact]
    public void Given_the_true_box_the_colour_model_beats_the_box_on_an_ellipse()
    {
        var seq = new SyntheticMaskSequence(new SyntheticMaskSequenceOptions { Frames = 4 });
        int w = seq.Size.Width, h = seq.Size.Height;
        var dense = new byte[w * h];
        using var box = new BoxSegmenter();
        using var colour = new ColourSegmenter();
        using var frame = new ImageFrame(w, h, PixelFormat.Rgb24);
        for (int f = 0; f < 4; f++)
        {
            seq.Render(f, frame);
            var gt = seq.Masks.Get(f, 1)!;
            box.Segment(frame, seq.GroundTruth[f], dense);
            double jBox = Mask.FromDense(dense, w, h).IoU(gt);
            colour.Segment(frame, seq.GroundTruth[f], dense);
            double jColour = Mask.FromDense(dense, w, h).IoU(gt);
            // The box of a rotated ellipse holds at most pi/4 of target.
            jBox.ShouldBeLessThanOrEqualTo(Math.PI / 4 + 0.01, $"frame {f}");
            jColour.ShouldBeGreaterThan(jBox + 0.1, $"frame {f}");
        }
    }
}
