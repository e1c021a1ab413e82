namespace ReasonTrack.Trackers.Dcf;

/// <summary>
/// 2-D FFT of one size (rows of <see cref="Width"/>, <see cref="Height"/> rows, row-major) built on
/// <see cref="FftPlan"/>: rows, then columns. Real inputs are transformed two at a time packed as real and imaginary
/// parts of one complex image (half the work), then split with the Hermitian symmetry of real spectra. Buffers are
/// owned by the instance: no allocation per call, not thread-safe.
/// </summary>
internal sealed class Fft2D
{
    private readonly FftPlan _rowPlan;
    private readonly FftPlan _colPlan;
    private readonly ComplexF[] _line;
    private readonly ComplexF[] _work;

    public Fft2D(int width, int height)
    {
        Width = width;
        Height = height;
        _rowPlan = new FftPlan(width);
        _colPlan = height == width ? _rowPlan : new FftPlan(height);
        _line = new ComplexF[Math.Max(width, height)];
        _work = new ComplexF[width * height];
    }

    public int Width { get; }
    public int Height { get; }
    public int Count => Width * Height;

    /// <summary>In-place 2-D transform of <c>data[offset .. offset + Count)</c> (inverse unnormalised).</summary>
    public void Transform(ComplexF[] data, int offset, bool inverse)
    {
        int w = Width, h = Height;
        for (int y = 0; y < h; y++)
        {
            _rowPlan.Transform(data, offset + y * w, 1, _line, 0, inverse);
            Array.Copy(_line, 0, data, offset + y * w, w);
        }
        for (int x = 0; x < w; x++)
        {
            _colPlan.Transform(data, offset + x, w, _line, 0, inverse);
            for (int y = 0; y < h; y++) data[offset + x + y * w] = _line[y];
        }
    }

    /// <summary>Spectra of two real images <paramref name="a"/> and <paramref name="b"/> with one complex transform.</summary>
    public void ForwardRealPair(float[] a, int aOffset, float[] b, int bOffset, ComplexF[] outA, int outAOffset, ComplexF[] outB, int outBOffset)
    {
        int n = Count, w = Width, h = Height;
        var z = _work;
        for (int i = 0; i < n; i++) z[i] = new ComplexF(a[aOffset + i], b[bOffset + i]);
        Transform(z, 0, inverse: false);
        // A[k] = (Z[k] + conj(Z[-k])) / 2, B[k] = (Z[k] - conj(Z[-k])) / 2i.
        for (int y = 0; y < h; y++)
        {
            int ny = y == 0 ? 0 : h - y;
            for (int x = 0; x < w; x++)
            {
                int nx = x == 0 ? 0 : w - x;
                ComplexF p = z[y * w + x], q = z[ny * w + nx];
                int i = y * w + x;
                outA[outAOffset + i] = new ComplexF(0.5f * (p.Re + q.Re), 0.5f * (p.Im - q.Im));
                outB[outBOffset + i] = new ComplexF(0.5f * (p.Im + q.Im), -0.5f * (p.Re - q.Re));
            }
        }
    }

    /// <summary>Spectrum of one real image.</summary>
    public void ForwardReal(float[] a, int aOffset, ComplexF[] output, int outOffset)
    {
        for (int i = 0; i < Count; i++) output[outOffset + i] = new ComplexF(a[aOffset + i], 0);
        Transform(output, outOffset, inverse: false);
    }

    /// <summary>Real part of the normalised inverse transform; the spectrum buffer is overwritten.</summary>
    public void InverseReal(ComplexF[] spectrum, int offset, float[] output, int outOffset)
    {
        Transform(spectrum, offset, inverse: true);
        float s = 1f / Count;
        for (int i = 0; i < Count; i++) output[outOffset + i] = spectrum[offset + i].Re * s;
    }
}
