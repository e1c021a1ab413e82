using ReasonTrack.Trackers.Dcf;

namespace ReasonTrack.Tests.Trackers.Dcf;

/// <summary>The FFTs against a naive O(n^2) DFT in double precision on random inputs.</summary>
public class FftTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(17)]
    [InlineData(30)]
    [InlineData(45)]
    [InlineData(64)]
    [InlineData(100)]
    public void Plan_matches_naive_dft(int n)
    {
        var rng = new Random(n);
        var x = new ComplexF[n];
        for (int i = 0; i < n; i++) x[i] = new ComplexF((float)(rng.NextDouble() * 2 - 1), (float)(rng.NextDouble() * 2 - 1));
        var plan = new FftPlan(n);
        foreach (bool inverse in new[] { false, true })
        {
            var y = new ComplexF[n];
            plan.Transform(x, 0, 1, y, 0, inverse);
            double sign = inverse ? 1 : -1;
            for (int k = 0; k < n; k++)
            {
                double re = 0, im = 0;
                for (int j = 0; j < n; j++)
                {
                    double a = sign * 2 * Math.PI * ((long)j * k % n) / n;
                    re += x[j].Re * Math.Cos(a) - x[j].Im * Math.Sin(a);
                    im += x[j].Re * Math.Sin(a) + x[j].Im * Math.Cos(a);
                }
                double tol = 1e-5 * n + 1e-5;
                Math.Abs(y[k].Re - re).ShouldBeLessThan(tol, $"n={n} k={k} inverse={inverse}");
                Math.Abs(y[k].Im - im).ShouldBeLessThan(tol, $"n={n} k={k} inverse={inverse}");
            }
        }
    }

    [Fact]
    public void Strided_input_is_read_with_its_stride()
    {
        var x = new ComplexF[12];
        for (int i = 0; i < 12; i++) x[i] = new ComplexF(i, 0);
        var y = new ComplexF[4];
        new FftPlan(4).Transform(x, 1, 3, y, 0, inverse: false); // elements 1, 4, 7, 10
        y[0].Re.ShouldBe(22f, 1e-4f);
        y[2].Re.ShouldBe(1 - 4 + 7 - 10, 1e-4f);
    }

    [Theory]
    [InlineData(8, 8)]
    [InlineData(10, 6)]
    [InlineData(15, 12)]
    [InlineData(36, 40)]
    public void Real_pair_2d_matches_naive_dft(int w, int h)
    {
        var rng = new Random(w * 100 + h);
        var a = new float[w * h];
        var b = new float[w * h];
        for (int i = 0; i < a.Length; i++) { a[i] = (float)rng.NextDouble(); b[i] = (float)(rng.NextDouble() - 0.5); }
        var fft = new Fft2D(w, h);
        var fa = new ComplexF[w * h];
        var fb = new ComplexF[w * h];
        fft.ForwardRealPair(a, 0, b, 0, fa, 0, fb, 0);
        foreach (var (input, output) in new[] { (a, fa), (b, fb) })
        {
            for (int ky = 0; ky < h; ky++)
            {
                for (int kx = 0; kx < w; kx++)
                {
                    double re = 0, im = 0;
                    for (int y = 0; y < h; y++)
                        for (int x = 0; x < w; x++)
                        {
                            double ang = -2 * Math.PI * ((double)kx * x / w + (double)ky * y / h);
                            re += input[y * w + x] * Math.Cos(ang);
                            im += input[y * w + x] * Math.Sin(ang);
                        }
                    var v = output[ky * w + kx];
                    Math.Abs(v.Re - re).ShouldBeLessThan(1e-3, $"{w}x{h} ({kx},{ky})");
                    Math.Abs(v.Im - im).ShouldBeLessThan(1e-3, $"{w}x{h} ({kx},{ky})");
                }
            }
        }
        // And back: the inverse of A's spectrum is a again.
        var back = new float[w * h];
        fft.InverseReal(fa, 0, back, 0);
        for (int i = 0; i < a.Length; i++) back[i].ShouldBe(a[i], 1e-4f);
    }

    [Fact]
    public void Next_fast_length_has_only_small_factors()
    {
        FftPlan.NextFast(37).ShouldBe(40);
        FftPlan.NextFast(49).ShouldBe(50);
        FftPlan.NextFast(64).ShouldBe(64);
        FftPlan.IsFast(17).ShouldBeFalse();
    }
}
