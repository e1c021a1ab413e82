namespace ReasonTrack.Trackers.Dcf;

/// <summary>
/// Staple's per-pixel colour model (Bertinetto et al., CVPR 2016, the colour-histogram ingredient CSR-DCF also builds
/// its spatial reliability map from): a foreground histogram from the target box shrunk by
/// <c>inner_padding</c> x the mean side, a background histogram from the rest of the search window outside the target
/// box, both normalised and kept as running averages; a pixel's object likelihood is <c>fg(b) / (fg(b) + bg(b))</c>
/// (0 where both are 0), and the colour response at a displacement is the mean likelihood over a target-sized box
/// there (an integral image). Released Staple bins RGB into 32 levels per channel (32768 bins) and grey frames into
/// 32 intensity levels; so does this, reconstructing RGB from the sampler's grey and opponent planes (an exact
/// linear inverse). Buffers are sized once: binning, training and the response allocate nothing.
/// </summary>
internal sealed class ColorHistogramModel
{
    private const float Sqrt2 = 1.41421356f, Sqrt6 = 2.44948974f;
    private readonly int _w, _h, _levels;
    private readonly bool _color;
    private readonly float[] _fg, _bg, _fgNew, _bgNew;
    private readonly int[] _bins;
    private readonly double[] _integral;
    private bool _trained;

    /// <param name="width">Patch width in template pixels.</param>
    /// <param name="height">Patch height in template pixels.</param>
    /// <param name="levels">Levels per channel (32 in Staple).</param>
    /// <param name="color">RGB bins (levels^3) from grey + opponent planes; false: grey levels only.</param>
    public ColorHistogramModel(int width, int height, int levels, bool color)
    {
        _w = width;
        _h = height;
        _levels = levels;
        _color = color;
        int bins = color ? levels * levels * levels : levels;
        _fg = new float[bins];
        _bg = new float[bins];
        _fgNew = new float[bins];
        _bgNew = new float[bins];
        _bins = new int[width * height];
        _integral = new double[(width + 1) * (height + 1)];
    }

    /// <summary>Bins every pixel of the patch just sampled (grey in 0..1, opponent planes as the sampler makes them).</summary>
    public void Bin(float[] gray, float[]? opp1, float[]? opp2)
    {
        int n = _w * _h, q = _levels;
        float scale = q;
        if (!_color || opp1 is null || opp2 is null)
        {
            for (int i = 0; i < n; i++) _bins[i] = Level(gray[i] * scale, q);
            return;
        }
        for (int i = 0; i < n; i++)
        {
            // Inverse of g = .299R + .587G + .114B, o1 = (R - G)/sqrt2, o2 = (R + G - 2B)/sqrt6 (all in 0..1 units).
            float a = opp1[i] * Sqrt2, b = opp2[i] * Sqrt6;
            float g = gray[i] - 0.356f * a + 0.057f * b;
            float r = g + a, bl = g + 0.5f * (a - b);
            _bins[i] = (Level(r * scale, q) * q + Level(g * scale, q)) * q + Level(bl * scale, q);
        }
    }

    /// <summary>The bin of pixel <paramref name="index"/> of the patch last binned (for tests).</summary>
    internal int Bins(int index) => _bins[index];

    private static int Level(float v, int q)
    {
        int l = (int)v;
        return l < 0 ? 0 : l >= q ? q - 1 : l;
    }

    /// <summary>
    /// Learns from the patch last binned, the target centred with size (targetW, targetH) template pixels:
    /// foreground = the target box shrunk by <paramref name="innerPadding"/> x mean side (total), background = the
    /// patch outside the target box. <paramref name="rate"/> 1 replaces the model.
    /// </summary>
    public void Train(double targetW, double targetH, double innerPadding, double rate)
    {
        double shrink = innerPadding * 0.5 * (targetW + targetH);
        double fw = Math.Max(2, targetW - shrink), fh = Math.Max(2, targetH - shrink);
        var (fx0, fx1) = Span(_w, fw);
        var (fy0, fy1) = Span(_h, fh);
        var (tx0, tx1) = Span(_w, targetW);
        var (ty0, ty1) = Span(_h, targetH);
        Array.Clear(_fgNew);
        Array.Clear(_bgNew);
        int fgCount = 0, bgCount = 0;
        for (int y = 0; y < _h; y++)
        {
            bool inTy = y >= ty0 && y < ty1, inFy = y >= fy0 && y < fy1;
            int row = y * _w;
            for (int x = 0; x < _w; x++)
            {
                int b = _bins[row + x];
                if (inFy && x >= fx0 && x < fx1) { _fgNew[b]++; fgCount++; }
                if (!(inTy && x >= tx0 && x < tx1)) { _bgNew[b]++; bgCount++; }
            }
        }
        if (fgCount == 0 || bgCount == 0) return;
        float eta = _trained ? (float)rate : 1f, keep = 1 - eta;
        float fgNorm = eta / fgCount, bgNorm = eta / bgCount;
        for (int i = 0; i < _fg.Length; i++)
        {
            _fg[i] = keep * _fg[i] + fgNorm * _fgNew[i];
            _bg[i] = keep * _bg[i] + bgNorm * _bgNew[i];
        }
        _trained = true;
    }

    /// <summary>
    /// The colour response on the correlation grid: <paramref name="output"/>[y * cellsX + x] is the mean object
    /// likelihood over a (boxW x boxH) template-pixel box centred at the patch centre displaced by (x, y) cells,
    /// displacements wrapped as in the correlation response (index 0 = no displacement). Pixels of the box outside
    /// the patch count as 0.
    /// </summary>
    public void Response(float[] output, int cellsX, int cellsY, int cell, double boxW, double boxH)
    {
        int w = _w, stride = w + 1;
        var I = _integral;
        for (int x = 0; x <= w; x++) I[x] = 0;
        for (int y = 0; y < _h; y++)
        {
            double rowSum = 0;
            int src = y * w, dst = (y + 1) * stride;
            I[dst] = 0;
            for (int x = 0; x < w; x++)
            {
                int b = _bins[src + x];
                float f = _fg[b], s = f + _bg[b];
                rowSum += s > 0 ? f / s : 0;
                I[dst + x + 1] = I[dst - stride + x + 1] + rowSum;
            }
        }
        double area = Math.Max(1, Math.Round(boxW) * Math.Round(boxH));
        double hw = 0.5 * boxW, hh = 0.5 * boxH;
        for (int j = 0; j < cellsY; j++)
        {
            int dy = j <= cellsY / 2 ? j : j - cellsY;
            double cy = 0.5 * _h + dy * cell;
            int y0 = Clamp((int)Math.Round(cy - hh), _h), y1 = Clamp((int)Math.Round(cy + hh), _h);
            for (int i = 0; i < cellsX; i++)
            {
                int dx = i <= cellsX / 2 ? i : i - cellsX;
                double cx = 0.5 * w + dx * cell;
                int x0 = Clamp((int)Math.Round(cx - hw), w), x1 = Clamp((int)Math.Round(cx + hw), w);
                double sum = y1 > y0 && x1 > x0 ? I[y1 * stride + x1] - I[y0 * stride + x1] - I[y1 * stride + x0] + I[y0 * stride + x0] : 0;
                output[j * cellsX + i] = (float)(sum / area);
            }
        }
    }

    private static int Clamp(int v, int max) => v < 0 ? 0 : v > max ? max : v;

    /// <summary>The centred half-open pixel range of a length within a patch side.</summary>
    private static (int From, int To) Span(int side, double length)
    {
        int from = (int)Math.Round(0.5 * (side - length)), to = (int)Math.Round(0.5 * (side + length));
        return (Math.Max(0, from), Math.Min(side, to));
    }
}
