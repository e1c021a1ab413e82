using ReasonTrack.Trackers.Dcf;

namespace ReasonTrack.Tests.Trackers.Dcf;

/// <summary>
/// The fast fHOG against a naive reference written straight from the definition (double precision, per-pixel atan2,
/// explicit bilinear cell weights and block normalisations), on small random and structured images.
/// </summary>
public class FhogTests
{
    [Theory]
    [InlineData(16, 16, 4, 1)]
    [InlineData(24, 12, 4, 2)]
    [InlineData(18, 30, 3, 3)]
    public void Fast_matches_naive_reference(int w, int h, int cell, int seed)
    {
        var rng = new Random(seed);
        var img = new float[w * h];
        // Smooth structure plus noise so that every orientation bin and normalisation occurs.
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                img[y * w + x] = (float)(0.5 + 0.3 * Math.Sin(x * 0.7 + y * 0.3) + 0.2 * rng.NextDouble());
        var hog = new FhogExtractor(w, h, cell);
        var fast = new float[hog.OutputLength];
        hog.Compute(img, fast, 0);
        var naive = NaiveFhog(img, w, h, cell);
        fast.Length.ShouldBe(naive.Length);
        for (int i = 0; i < fast.Length; i++) fast[i].ShouldBe((float)naive[i], 2e-4f, $"element {i}");
    }

    [Fact]
    public void Flat_image_has_no_gradient_features()
    {
        var hog = new FhogExtractor(16, 16, 4);
        var img = Enumerable.Repeat(0.3f, 256).ToArray();
        var f = new float[hog.OutputLength];
        hog.Compute(img, f, 0);
        f.ShouldAllBe(v => v == 0);
    }

    [Fact]
    public void Vertical_edge_fills_the_horizontal_gradient_bins()
    {
        // Dark left half, bright right half: the gradient points along +x (angle 0), i.e. bins 0 and 17 / 9 and 8
        // of the contrast-sensitive histogram get nothing but 0 and its soft neighbours.
        int w = 16, h = 16;
        var img = new float[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img[y * w + x] = x < 8 ? 0.1f : 0.9f;
        var hog = new FhogExtractor(w, h, 4);
        var f = new float[hog.OutputLength];
        hog.Compute(img, f, 0);
        int plane = 16, cell = 1 * 4 + 1; // a cell next to the edge
        f[0 * plane + cell].ShouldBeGreaterThan(0.1f);
        for (int b = 1; b < 18; b++) f[b * plane + cell].ShouldBe(0f, 1e-6f);
    }

    private static double[] NaiveFhog(float[] img, int w, int h, int c)
    {
        int nx = w / c, ny = h / c;
        var hist = new double[ny, nx, 18];
        double I(int x, int y) => img[Math.Clamp(y, 0, h - 1) * w + Math.Clamp(x, 0, w - 1)];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                double dx = I(x + 1, y) - I(x - 1, y), dy = I(x, y + 1) - I(x, y - 1);
                double mag = Math.Sqrt(dx * dx + dy * dy);
                if (mag == 0) continue;
                double ang = Math.Atan2(dy, dx);
                if (ang < 0) ang += 2 * Math.PI;
                double o = ang / (2 * Math.PI / 18);
                int b0 = (int)Math.Floor(o) % 18, b1 = (b0 + 1) % 18;
                double wb1 = o - Math.Floor(o);
                double fx = (x + 0.5) / c - 0.5, fy = (y + 0.5) / c - 0.5;
                int cx0 = (int)Math.Floor(fx), cy0 = (int)Math.Floor(fy);
                for (int cy = cy0; cy <= cy0 + 1; cy++)
                    for (int cx = cx0; cx <= cx0 + 1; cx++)
                    {
                        if (cx < 0 || cy < 0 || cx >= nx || cy >= ny) continue;
                        double ws = (1 - Math.Abs(fx - cx)) * (1 - Math.Abs(fy - cy));
                        hist[cy, cx, b0] += mag * (1 - wb1) * ws;
                        hist[cy, cx, b1] += mag * wb1 * ws;
                    }
            }
        }
        var energy = new double[ny, nx];
        for (int cy = 0; cy < ny; cy++)
            for (int cx = 0; cx < nx; cx++)
                for (int o = 0; o < 9; o++) energy[cy, cx] += Math.Pow(hist[cy, cx, o] + hist[cy, cx, o + 9], 2);
        var outp = new double[31 * nx * ny];
        for (int cy = 0; cy < ny; cy++)
        {
            for (int cx = 0; cx < nx; cx++)
            {
                var norms = new double[4];
                int k = 0;
                foreach (int oy in new[] { -1, 0 })
                    foreach (int ox in new[] { -1, 0 })
                    {
                        // The 2x2 block starting at (cx+ox, cy+oy), moved inside the grid at the border.
                        int bx = Math.Clamp(cx + ox, 0, Math.Max(nx - 2, 0)), by = Math.Clamp(cy + oy, 0, Math.Max(ny - 2, 0));
                        double e = 0;
                        for (int j = by; j <= Math.Min(by + 1, ny - 1); j++)
                            for (int i = bx; i <= Math.Min(bx + 1, nx - 1); i++) e += energy[j, i];
                        norms[k++] = 1 / Math.Sqrt(e + 1e-6);
                    }
                int idx = cy * nx + cx, plane = nx * ny;
                for (int o = 0; o < 18; o++)
                    outp[o * plane + idx] = 0.5 * norms.Sum(n => Math.Min(hist[cy, cx, o] * n, 0.2));
                for (int o = 0; o < 9; o++)
                    outp[(18 + o) * plane + idx] = 0.5 * norms.Sum(n => Math.Min((hist[cy, cx, o] + hist[cy, cx, o + 9]) * n, 0.2));
                for (int t = 0; t < 4; t++)
                {
                    double s = 0;
                    for (int o = 0; o < 18; o++) s += Math.Min(hist[cy, cx, o] * norms[t], 0.2);
                    outp[(27 + t) * plane + idx] = 0.2357 * s;
                }
            }
        }
        return outp;
    }
}

public class FhogAtan2Tests
{
    [Fact]
    public void Polynomial_atan2_matches_the_library_to_float_precision_in_every_octant()
    {
        double worst = 0;
        for (int i = -200; i <= 200; i++)
            for (int j = -200; j <= 200; j++)
            {
                if (i == 0 && j == 0) continue;
                float y = i * 1.37f, x = j * 0.91f;
                worst = Math.Max(worst, Math.Abs(ReasonTrack.Trackers.Dcf.FhogExtractor.Atan2(y, x) - Math.Atan2(y, x)));
            }
        worst.ShouldBeLessThan(1e-6);
    }
}
