namespace ReasonTrack.Trackers.Dcf;

/// <summary>
/// A 1-D complex FFT of one length, mixed radix (Cooley-Tukey decimation in time in the manner of KissFFT):
/// radix-4 and radix-2 butterflies are specialised, any other prime factor (3, 5, ...) goes through the generic
/// O(p^2) butterfly, so every length works and lengths of the form 2^a 3^b 5^c are fast. The plan owns its twiddles
/// and scratch, so a transform allocates nothing; a plan is not thread-safe. The inverse is unnormalised.
/// </summary>
internal sealed class FftPlan
{
    private readonly int[] _factors; // pairs (p, m): radix p, remaining length m = n / (p * previous radices)
    private readonly ComplexF[] _twForward;
    private readonly ComplexF[] _twInverse;
    private readonly ComplexF[] _scratch; // generic butterfly: one value per radix step

    public FftPlan(int length)
    {
        if (length < 1) throw new ArgumentOutOfRangeException(nameof(length), $"FFT length must be positive, got {length}");
        Length = length;
        _twForward = new ComplexF[length];
        _twInverse = new ComplexF[length];
        for (int i = 0; i < length; i++)
        {
            // Double precision for the table so that large lengths keep float accuracy.
            double a = -2 * Math.PI * i / length;
            _twForward[i] = new ComplexF((float)Math.Cos(a), (float)Math.Sin(a));
            _twInverse[i] = new ComplexF((float)Math.Cos(a), (float)-Math.Sin(a));
        }
        var f = new List<int>();
        int n = length, p = 4, sqrt = (int)Math.Floor(Math.Sqrt(length));
        int maxP = 1;
        while (n > 1)
        {
            while (n % p != 0)
            {
                p = p switch { 4 => 2, 2 => 3, _ => p + 2 };
                if (p > sqrt) p = n;
            }
            n /= p;
            f.Add(p);
            f.Add(n);
            maxP = Math.Max(maxP, p);
        }
        _factors = f.ToArray();
        _scratch = new ComplexF[maxP];
    }

    public int Length { get; }

    /// <summary>True when every radix is 2, 3, 4 or 5 (cheap butterflies only).</summary>
    public static bool IsFast(int n)
    {
        foreach (int p in new[] { 2, 3, 5 }) while (n % p == 0) n /= p;
        return n == 1;
    }

    /// <summary>The smallest length of the form 2^a 3^b 5^c that is at least <paramref name="n"/>.</summary>
    public static int NextFast(int n)
    {
        while (!IsFast(n)) n++;
        return n;
    }

    /// <summary>output[k] = sum_j input[inOffset + j*inStride] * exp(-+2 pi i jk/n); output is contiguous.</summary>
    public void Transform(ComplexF[] input, int inOffset, int inStride, ComplexF[] output, int outOffset, bool inverse)
    {
        if (Length == 1)
        {
            output[outOffset] = input[inOffset];
            return;
        }
        Work(output, outOffset, input, inOffset, 1, inStride, 0, inverse ? _twInverse : _twForward, inverse);
    }

    private void Work(ComplexF[] fout, int fo, ComplexF[] f, int fi, int fstride, int inStride, int fac, ComplexF[] tw, bool inverse)
    {
        int p = _factors[fac], m = _factors[fac + 1];
        int end = fo + p * m;
        if (m == 1)
        {
            for (int o = fo; o < end; o++)
            {
                fout[o] = f[fi];
                fi += fstride * inStride;
            }
        }
        else
        {
            for (int o = fo; o < end; o += m)
            {
                Work(fout, o, f, fi, fstride * p, inStride, fac + 2, tw, inverse);
                fi += fstride * inStride;
            }
        }
        switch (p)
        {
            case 2: Butterfly2(fout, fo, fstride, tw, m); break;
            case 4: Butterfly4(fout, fo, fstride, tw, m, inverse); break;
            default: ButterflyGeneric(fout, fo, fstride, tw, m, p); break;
        }
    }

    private static void Butterfly2(ComplexF[] x, int o, int fstride, ComplexF[] tw, int m)
    {
        for (int k = 0, t = 0; k < m; k++, t += fstride)
        {
            ComplexF a = x[o + k], b = x[o + k + m] * tw[t];
            x[o + k] = a + b;
            x[o + k + m] = a - b;
        }
    }

    private static void Butterfly4(ComplexF[] x, int o, int fstride, ComplexF[] tw, int m, bool inverse)
    {
        int m2 = 2 * m, m3 = 3 * m;
        for (int k = 0; k < m; k++)
        {
            int i = o + k;
            ComplexF s0 = x[i + m] * tw[k * fstride];
            ComplexF s1 = x[i + m2] * tw[2 * k * fstride];
            ComplexF s2 = x[i + m3] * tw[3 * k * fstride];
            ComplexF a = x[i];
            ComplexF s5 = a - s1;
            a += s1;
            ComplexF s3 = s0 + s2, s4 = s0 - s2;
            x[i + m2] = a - s3;
            x[i] = a + s3;
            if (inverse)
            {
                x[i + m] = new ComplexF(s5.Re - s4.Im, s5.Im + s4.Re);
                x[i + m3] = new ComplexF(s5.Re + s4.Im, s5.Im - s4.Re);
            }
            else
            {
                x[i + m] = new ComplexF(s5.Re + s4.Im, s5.Im - s4.Re);
                x[i + m3] = new ComplexF(s5.Re - s4.Im, s5.Im + s4.Re);
            }
        }
    }

    private void ButterflyGeneric(ComplexF[] x, int o, int fstride, ComplexF[] tw, int m, int p)
    {
        int n = Length;
        var scratch = _scratch;
        for (int u = 0; u < m; u++)
        {
            for (int q = 0, k = u; q < p; q++, k += m) scratch[q] = x[o + k];
            for (int q1 = 0, k = u; q1 < p; q1++, k += m)
            {
                int twidx = 0;
                ComplexF acc = scratch[0];
                for (int q = 1; q < p; q++)
                {
                    twidx += fstride * k;
                    if (twidx >= n) twidx -= n;
                    acc += scratch[q] * tw[twidx];
                }
                x[o + k] = acc;
            }
        }
    }
}
