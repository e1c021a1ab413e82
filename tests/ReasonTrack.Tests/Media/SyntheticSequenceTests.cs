using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Media.Synthetic;

namespace ReasonTrack.Tests.Media;

public class SyntheticSequenceTests
{
    [Fact]
    public void Same_seed_same_pixels_and_the_target_is_where_the_ground_truth_says()
    {
        var a = new SyntheticSequence();
        var b = new SyntheticSequence();
        using var fa = new ImageFrame(a.Size.Width, a.Size.Height, PixelFormat.Gray8);
        using var fb = new ImageFrame(b.Size.Width, b.Size.Height, PixelFormat.Gray8);
        new SyntheticSequence(a.Options with { Format = PixelFormat.Gray8 }).Render(50, fa);
        new SyntheticSequence(b.Options with { Format = PixelFormat.Gray8 }).Render(50, fb);
        fa.Pixels.SequenceEqual(fb.Pixels).ShouldBeTrue();

        // The target texture is brighter (150..235) than the background (40..90): the mean inside the box shows it.
        var g = a.GroundTruth[50];
        double inside = Mean(fa, g), outside = Mean(fa, new Box(g.X - 3 * g.W, g.Y, g.W, g.H));
        inside.ShouldBeGreaterThan(140);
        outside.ShouldBeLessThan(120);
    }

    [Fact]
    public void The_sequence_has_scale_change_and_an_occlusion_marked_absent()
    {
        var s = new SyntheticSequence();
        var areas = s.GroundTruth.Select(b => b.Area).ToArray();
        (areas.Max() / areas.Min()).ShouldBeGreaterThan(3);
        s.Absent.Count(a => a).ShouldBe(20);
        using var f = new ImageFrame(s.Size.Width, s.Size.Height, PixelFormat.Rgb24);
        s.Render(180, f);
        var g = s.GroundTruth[180];
        // Hidden under a flat occluder: no texture inside the box.
        Mean(f, g).ShouldBe(70, 0.5);
    }

    private static double Mean(ImageFrame f, Box b)
    {
        double sum = 0; int n = 0;
        for (int y = (int)Math.Ceiling(b.Y); y < (int)b.Bottom; y++)
            for (int x = (int)Math.Ceiling(b.X); x < (int)b.Right; x++)
            {
                if (x < 0 || y < 0 || x >= f.Width || y >= f.Height) continue;
                sum += f.Data[(y * f.Width + x) * f.Channels + (f.Channels - 1)];
                n++;
            }
        return n > 0 ? sum / n : double.NaN;
    }
}
