namespace ReasonTrack.Media.Synthetic;

/// <summary>
/// The generated sequences' smooth random texture: a few random plane sinusoids plus fine noise, mapped to [lo, hi].
/// Takes the generator's uniform [0, 1) source, so that sequences built on <see cref="Random"/> and on the training
/// data's deterministic generator draw the same numbers in the same order.
/// </summary>
internal static class SmoothTexture
{
    public static byte[] Make(Func<double> next, int w, int h, int lo, int hi, int waves)
    {
        var f = new double[w * h];
        var kx = new double[waves]; var ky = new double[waves]; var ph = new double[waves];
        // (u - 0.5) * 0.5 is exactly low + (high - low) * u for [-0.25, 0.25): the two generators' old forms agree bit for bit.
        for (int k = 0; k < waves; k++) { kx[k] = (next() - 0.5) * 0.5; ky[k] = (next() - 0.5) * 0.5; ph[k] = next() * 6.3; }
        double min = double.MaxValue, max = double.MinValue;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                double v = next() * 0.6;
                for (int k = 0; k < waves; k++) v += Math.Sin(kx[k] * x * 2 + ky[k] * y * 2 + ph[k]);
                f[y * w + x] = v;
                min = Math.Min(min, v); max = Math.Max(max, v);
            }
        var b = new byte[w * h];
        for (int i = 0; i < b.Length; i++) b[i] = (byte)(lo + (hi - lo) * (f[i] - min) / Math.Max(1e-9, max - min));
        return b;
    }
}
