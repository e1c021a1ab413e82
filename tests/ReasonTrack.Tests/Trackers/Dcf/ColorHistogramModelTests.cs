using ReasonTrack.Trackers.Dcf;

namespace ReasonTrack.Tests.Trackers.Dcf;

/// <summary>
/// Staple's colour model on hand-built patches: expected bins, likelihoods and box means are computed by hand from
/// Staple's rules (32 levels per RGB channel, fg(b) / (fg(b) + bg(b)), mean over a target-sized box).
/// </summary>
public class ColorHistogramModelTests
{
    // The sampler's planes of an RGB colour (0..1 units): grey .299R+.587G+.114B, (R-G)/sqrt2, (R+G-2B)/sqrt6.
    private static (float G, float O1, float O2) Planes(double r, double g, double b) =>
        ((float)(0.299 * r + 0.587 * g + 0.114 * b), (float)((r - g) / Math.Sqrt(2)), (float)((r + g - 2 * b) / Math.Sqrt(6)));

    /// <summary>A 16x16 patch: the centred 8x8 target in colour A, the rest in colour B; target box 8x8, no inner padding.</summary>
    private static ColorHistogramModel TwoColourModel(out float[] gray, out float[] o1, out float[] o2)
    {
        gray = new float[256];
        o1 = new float[256];
        o2 = new float[256];
        var a = Planes(0.9, 0.1, 0.1); // red target
        var b = Planes(0.1, 0.1, 0.9); // blue background
        for (int y = 0; y < 16; y++)
            for (int x = 0; x < 16; x++)
            {
                var p = x >= 4 && x < 12 && y >= 4 && y < 12 ? a : b;
                (gray[y * 16 + x], o1[y * 16 + x], o2[y * 16 + x]) = p;
            }
        var m = new ColorHistogramModel(16, 16, 32, color: true);
        m.Bin(gray, o1, o2);
        m.Train(8, 8, innerPadding: 0, rate: 1);
        return m;
    }

    [Fact]
    public void Likelihood_box_mean_is_one_on_the_target_and_falls_with_overlap()
    {
        var m = TwoColourModel(out _, out _, out _);
        // Correlation grid of 4x4 cells of 4 px: index 0 = no shift, 1 = +4 px, 3 = -4 px (wrapped), 2 = +8 px.
        var r = new float[16];
        m.Response(r, 4, 4, 4, 8, 8);
        r[0].ShouldBe(1f, 1e-6);            // the 8x8 box covers the red square: likelihood 1 everywhere
        r[1].ShouldBe(0.5f, 1e-6);          // shifted 4 px right: 4x8 of its 64 pixels are red
        r[3].ShouldBe(0.5f, 1e-6);          // 4 px left
        r[4].ShouldBe(0.5f, 1e-6);          // 4 px down
        r[5].ShouldBe(0.25f, 1e-6);         // 4 px right and down: 4x4 red
        r[2].ShouldBe(0f, 1e-6);            // +8 px: the box [12, 20) holds no red and half lies outside the patch
    }

    [Fact]
    public void Learning_rate_blends_the_new_histograms_into_the_old()
    {
        var m = TwoColourModel(out var gray, out var o1, out var o2);
        // Next frame the background turns red as well: bg histogram becomes 0.5 blue + 0.5 red at rate 0.5,
        // fg stays red, so a red pixel's likelihood is 1 / (1 + 0.5) = 2/3 and blue pixels keep 0.
        var red = Planes(0.9, 0.1, 0.1);
        for (int i = 0; i < 256; i++) (gray[i], o1[i], o2[i]) = red;
        m.Bin(gray, o1, o2);
        m.Train(8, 8, innerPadding: 0, rate: 0.5);
        var r = new float[16];
        m.Response(r, 4, 4, 4, 8, 8);
        r[0].ShouldBe(2f / 3, 1e-6);
        r[2].ShouldBe(2f / 3 * 0.5f, 1e-6); // half of that box lies outside the patch and counts 0
    }

    [Fact]
    public void Rgb_is_recovered_from_the_grey_and_opponent_planes_before_binning()
    {
        // A pure colour and its neighbour one level up must fall in different bins; the same colour in the same one.
        // Bins are (r * 32 + g) * 32 + b with level = floor(v * 32): (0.9, 0.1, 0.1) -> (28, 3, 3).
        var gray = new float[4];
        var o1 = new float[4];
        var o2 = new float[4];
        (gray[0], o1[0], o2[0]) = Planes(0.9, 0.1, 0.1);
        (gray[1], o1[1], o2[1]) = Planes(0.9, 0.1, 0.1);
        (gray[2], o1[2], o2[2]) = Planes(0.9, 0.1 + 1.0 / 32, 0.1);
        (gray[3], o1[3], o2[3]) = Planes(0.1, 0.1, 0.9);
        var m = new ColorHistogramModel(2, 2, 32, color: true);
        m.Bin(gray, o1, o2);
        m.Bins(0).ShouldBe((28 * 32 + 3) * 32 + 3);
        m.Bins(1).ShouldBe(m.Bins(0));
        m.Bins(2).ShouldBe((28 * 32 + 4) * 32 + 3);
        m.Bins(3).ShouldBe((3 * 32 + 3) * 32 + 28);
    }

    [Fact]
    public void Grey_frames_use_intensity_levels()
    {
        var m = new ColorHistogramModel(3, 1, 32, color: false);
        m.Bin([0f, 0.5f, 1f], null, null);
        m.Bins(0).ShouldBe(0);
        m.Bins(1).ShouldBe(16);
        m.Bins(2).ShouldBe(31); // 1.0 is the top level, not one past it
    }
}
