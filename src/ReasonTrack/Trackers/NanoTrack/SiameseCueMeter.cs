namespace ReasonTrack.Trackers.NanoTrack;

/// <summary>
/// Measures <see cref="SiameseCues"/> from one search crop's outputs (ours, issue 15 item 3): the head's two-class
/// logits (2 x S x S, channel 1 = target) and the backbone features of the template (C x Hz x Wz) and of the search
/// crop (C x Hx x Wx). Score point (r, c) is taken to sit over search feature cell (r, c) shifted by
/// (Hx - S) / 2, as the head's valid convolutions shrink the map symmetrically. Allocation-free.
/// </summary>
public sealed class SiameseCueMeter
{
    private const int SidelobeExclusion = 2;
    private const double CellPixels = 16; // backbone stride in crop pixels (127 / 8, 255 / 16)

    private readonly int _channels, _zh, _zw, _xh, _xw, _scoreSize;

    public SiameseCueMeter(int channels, int templateHeight, int templateWidth, int searchHeight, int searchWidth, int scoreSize)
    {
        if (channels < 1 || templateHeight < 1 || templateWidth < 1 || searchHeight < 1 || searchWidth < 1 || scoreSize < 1)
            throw new ArgumentOutOfRangeException(nameof(channels), "feature and score map sizes must be positive");
        _channels = channels;
        _zh = templateHeight;
        _zw = templateWidth;
        _xh = searchHeight;
        _xw = searchWidth;
        _scoreSize = scoreSize;
    }

    /// <summary>The cues of one crop.</summary>
    /// <param name="logits">Head classification output, 2 x S x S.</param>
    /// <param name="chosen">Index of the chosen point on the S x S map.</param>
    /// <param name="penalty">The chosen point's shape-change penalty.</param>
    /// <param name="targetCellsW">Target width in crop pixels / 16 (the template and the search crop share the scale).</param>
    /// <param name="targetCellsH">Target height likewise.</param>
    public SiameseCues Measure(ReadOnlySpan<float> logits, int chosen, double penalty,
        ReadOnlySpan<float> templateFeatures, ReadOnlySpan<float> searchFeatures, double targetCellsW, double targetCellsH)
    {
        int s = _scoreSize, n = s * s;
        float chosenScore = 0, max = -1;
        int argmax = 0;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            float p = 1f / (1f + MathF.Exp(logits[i] - logits[n + i]));
            if (i == chosen) chosenScore = p;
            if (p > max) { max = p; argmax = i; }
            sum += p;
        }
        int pr = argmax / s, pc = argmax % s;
        double side = 0, sideSq = 0;
        int count = 0;
        for (int r = 0; r < s; r++)
        {
            for (int c = 0; c < s; c++)
            {
                if (Math.Abs(r - pr) <= SidelobeExclusion && Math.Abs(c - pc) <= SidelobeExclusion) continue;
                int i = r * s + c;
                double p = 1.0 / (1.0 + Math.Exp(logits[i] - logits[n + i]));
                side += p;
                sideSq += p * p;
                count++;
            }
        }
        double psr = 0;
        if (count > 1)
        {
            double mean = side / count, sd = Math.Sqrt(Math.Max(sideSq / count - mean * mean, 0));
            psr = (max - mean) / Math.Max(sd, 1e-3);
        }
        double appearance = Appearance(templateFeatures, searchFeatures, chosen / s, chosen % s, targetCellsW, targetCellsH);
        return new SiameseCues(chosenScore, max, sum / n, psr, appearance, penalty);
    }

    /// <summary>
    /// Cosine similarity of the template's central kh x kw cells (the target: the template crop is the target plus
    /// context) and the kh x kw search cells centred on score point (r, c); cells off the search map count as zero.
    /// </summary>
    private double Appearance(ReadOnlySpan<float> z, ReadOnlySpan<float> x, int r, int c, double cellsW, double cellsH)
    {
        int kw = Math.Clamp((int)Math.Round(cellsW), 1, _zw), kh = Math.Clamp((int)Math.Round(cellsH), 1, _zh);
        int z0r = (_zh - kh) / 2, z0c = (_zw - kw) / 2;
        int shift = (_xh - _scoreSize) / 2;
        // The kh x kw window centred on cell (r + shift, c + shift): rows x0r .. x0r + kh - 1.
        int x0r = r + shift - kh / 2;
        int x0c = c + (_xw - _scoreSize) / 2 - kw / 2;
        double dot = 0, zz = 0, xx = 0;
        int zPlane = _zh * _zw, xPlane = _xh * _xw;
        for (int ch = 0; ch < _channels; ch++)
        {
            int zo = ch * zPlane, xo = ch * xPlane;
            for (int i = 0; i < kh; i++)
            {
                int xr = x0r + i;
                bool rowInside = xr >= 0 && xr < _xh;
                for (int j = 0; j < kw; j++)
                {
                    double a = z[zo + (z0r + i) * _zw + z0c + j];
                    zz += a * a;
                    int xc = x0c + j;
                    if (!rowInside || xc < 0 || xc >= _xw) continue;
                    double b = x[xo + xr * _xw + xc];
                    dot += a * b;
                    xx += b * b;
                }
            }
        }
        return zz > 0 && xx > 0 ? dot / Math.Sqrt(zz * xx) : 0;
    }

    /// <summary>Target extent in backbone cells for a target of <paramref name="cropPixels"/> crop pixels.</summary>
    public static double Cells(double cropPixels) => cropPixels / CellPixels;
}
