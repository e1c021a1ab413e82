using System.Numerics;
using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Segmentation;

/// <summary>
/// A weights-free mask from a box (ours): a colour histogram of the box (target) against one of a ring around it
/// (background), the per-pixel posterior <c>P(target | colour) = pt / (pt + pb)</c> with each histogram normalized
/// to its pixel count (the spatial-reliability idea of CSR-DCF, here as the mask itself), thresholded inside the box;
/// then the largest 4-connected region, its holes filled. When that region covers less than
/// <see cref="ColourSegmenterOptions.MinFill"/> of the box, or there is no ring (the box fills the image), the box is
/// the mask. Gray frames use an intensity histogram. Allocation-free per frame once the first frame sized its buffers.
/// </summary>
public sealed class ColourSegmenter : ISegmenter
{
    private readonly ColourSegmenterOptions _options;
    private readonly int _shift;
    private readonly float[] _fg, _bg, _fgModel, _bgModel;
    private bool _hasModel;
    private int[] _label = [];
    private int[] _queue = [];

    public ColourSegmenter(ColourSegmenterOptions? options = null)
    {
        _options = options ?? new ColourSegmenterOptions();
        _options.Validate();
        int bins = _options.BinsPerChannel;
        _shift = 8 - BitOperations.Log2((uint)bins);
        int n = bins * bins * bins;
        (_fg, _bg, _fgModel, _bgModel) = (new float[n], new float[n], new float[n], new float[n]);
    }

    public string Name => "colour";

    public ColourSegmenterOptions Options => _options;

    public void Segment(ImageFrame frame, Box box, Span<byte> mask)
    {
        ArgumentNullException.ThrowIfNull(frame);
        SegmenterChecks.MaskSize(frame, mask);
        mask.Clear();
        int w = frame.Width, h = frame.Height;
        var inner = PixelRect.Of(box, w, h);
        if (inner.IsEmpty) return;
        var outer = inner.Grow((int)Math.Ceiling(_options.BackgroundMargin * inner.Width), (int)Math.Ceiling(_options.BackgroundMargin * inner.Height), w, h);
        long ring = outer.Area - inner.Area;
        if (ring <= 0)
        {
            FillRect(mask, w, inner);
            return;
        }
        BuildModel(frame, inner, outer, ring);
        Classify(frame, inner, mask);
        if (_options.LargestComponent || _options.FillHoles) EnsureBuffers(w * h, (int)inner.Area);
        long area = _options.LargestComponent ? KeepLargest(mask, w, inner) : Count(mask, w, inner);
        if (_options.FillHoles && area > 0) area += FillHoles(mask, w, inner);
        if (area < _options.MinFill * inner.Area)
        {
            mask.Clear();
            FillRect(mask, w, inner);
        }
    }

    private int Bin(ReadOnlySpan<byte> row, int x, int channels)
    {
        if (channels == 1)
        {
            int v = row[x] >> _shift;
            return v;
        }
        int i = x * 3, s = _shift, bits = 8 - s;
        return ((row[i] >> s) << (2 * bits)) | ((row[i + 1] >> s) << bits) | (row[i + 2] >> s);
    }

    private void BuildModel(ImageFrame frame, PixelRect inner, PixelRect outer, long ring)
    {
        Array.Clear(_fg);
        Array.Clear(_bg);
        int ch = frame.Channels;
        for (int y = outer.Y0; y < outer.Y1; y++)
        {
            ReadOnlySpan<byte> row = frame.Row(y);
            bool innerRow = y >= inner.Y0 && y < inner.Y1;
            for (int x = outer.X0; x < outer.X1; x++)
            {
                int b = Bin(row, x, ch);
                if (innerRow && x >= inner.X0 && x < inner.X1) _fg[b]++;
                else _bg[b]++;
            }
        }
        float nf = 1f / inner.Area, nb = 1f / ring;
        float rate = (float)_options.ModelUpdateRate;
        if (!_hasModel) rate = 1;
        for (int i = 0; i < _fg.Length; i++)
        {
            _fgModel[i] = (1 - rate) * _fgModel[i] + rate * _fg[i] * nf;
            _bgModel[i] = (1 - rate) * _bgModel[i] + rate * _bg[i] * nb;
        }
        _hasModel = true;
    }

    private void Classify(ImageFrame frame, PixelRect inner, Span<byte> mask)
    {
        int w = frame.Width, ch = frame.Channels;
        float t = (float)_options.Threshold, k = t / (1 - t);
        for (int y = inner.Y0; y < inner.Y1; y++)
        {
            ReadOnlySpan<byte> row = frame.Row(y);
            var m = mask.Slice(y * w, w);
            for (int x = inner.X0; x < inner.X1; x++)
            {
                int b = Bin(row, x, ch);
                // P = pf / (pf + pb) > t  <=>  pf > t / (1 - t) * pb
                if (_fgModel[b] > k * _bgModel[b]) m[x] = 1;
            }
        }
    }

    private void EnsureBuffers(int pixels, int boxPixels)
    {
        if (_label.Length < pixels) _label = new int[pixels];
        if (_queue.Length < boxPixels) _queue = new int[Math.Min(pixels, Math.Max(boxPixels, _queue.Length * 2))];
    }

    private static long Count(Span<byte> mask, int w, PixelRect r)
    {
        long n = 0;
        for (int y = r.Y0; y < r.Y1; y++)
            foreach (byte v in mask.Slice(y * w + r.X0, r.Width)) n += v;
        return n;
    }

    /// <summary>Keeps the largest 4-connected region of 1s inside <paramref name="r"/>; returns its size.</summary>
    private long KeepLargest(Span<byte> mask, int w, PixelRect r)
    {
        var label = _label;
        for (int y = r.Y0; y < r.Y1; y++) label.AsSpan(y * w + r.X0, r.Width).Clear();
        int next = 0, best = 0;
        long bestSize = 0;
        for (int y = r.Y0; y < r.Y1; y++)
            for (int x = r.X0; x < r.X1; x++)
            {
                int p = y * w + x;
                if (mask[p] == 0 || label[p] != 0) continue;
                int id = ++next;
                long size = Flood(mask, label, w, r, p, id, 1);
                if (size > bestSize) (bestSize, best) = (size, id);
            }
        for (int y = r.Y0; y < r.Y1; y++)
        {
            int p0 = y * w;
            for (int x = r.X0; x < r.X1; x++) mask[p0 + x] = (byte)(label[p0 + x] == best && best != 0 ? 1 : 0);
        }
        return bestSize;
    }

    /// <summary>Labels the 4-connected region of pixels equal to <paramref name="value"/> around <paramref name="seed"/> with <paramref name="id"/>; returns its size.</summary>
    private long Flood(Span<byte> mask, int[] label, int w, PixelRect r, int seed, int id, byte value)
    {
        var q = _queue;
        int head = 0, tail = 0;
        q[tail++] = seed;
        label[seed] = id;
        while (head < tail)
        {
            int p = q[head++];
            int y = p / w, x = p - y * w;
            for (int k = 0; k < 4; k++)
            {
                int n;
                if (k == 0) { if (x <= r.X0) continue; n = p - 1; }
                else if (k == 1) { if (x + 1 >= r.X1) continue; n = p + 1; }
                else if (k == 2) { if (y <= r.Y0) continue; n = p - w; }
                else { if (y + 1 >= r.Y1) continue; n = p + w; }
                if (label[n] != 0 || mask[n] != value) continue;
                label[n] = id;
                q[tail++] = n;
            }
        }
        return tail;
    }

    /// <summary>Sets to 1 every 0 inside <paramref name="r"/> not 4-connected (through 0s) to the rectangle's border; returns how many.</summary>
    private long FillHoles(Span<byte> mask, int w, PixelRect r)
    {
        var label = _label;
        for (int y = r.Y0; y < r.Y1; y++) label.AsSpan(y * w + r.X0, r.Width).Clear();
        const int Outside = -1;
        for (int x = r.X0; x < r.X1; x++)
        {
            Seed(mask, label, w, r, r.Y0 * w + x, Outside);
            Seed(mask, label, w, r, (r.Y1 - 1) * w + x, Outside);
        }
        for (int y = r.Y0; y < r.Y1; y++)
        {
            Seed(mask, label, w, r, y * w + r.X0, Outside);
            Seed(mask, label, w, r, y * w + r.X1 - 1, Outside);
        }
        long filled = 0;
        for (int y = r.Y0; y < r.Y1; y++)
        {
            int p0 = y * w;
            for (int x = r.X0; x < r.X1; x++)
                if (mask[p0 + x] == 0 && label[p0 + x] != Outside) { mask[p0 + x] = 1; filled++; }
        }
        return filled;
    }

    private void Seed(Span<byte> mask, int[] label, int w, PixelRect r, int p, int id)
    {
        if (mask[p] == 0 && label[p] == 0) Flood(mask, label, w, r, p, id, 0);
    }

    private static void FillRect(Span<byte> mask, int w, PixelRect r)
    {
        for (int y = r.Y0; y < r.Y1; y++) mask.Slice(y * w + r.X0, r.Width).Fill(1);
    }

    public void Dispose() { }
}
