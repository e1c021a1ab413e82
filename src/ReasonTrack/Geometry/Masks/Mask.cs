namespace ReasonTrack.Geometry.Masks;

/// <summary>
/// A binary mask of a <see cref="Width"/> x <see cref="Height"/> image, run-length encoded in raster order (row-major:
/// pixel <c>(x, y)</c> is at <c>y * Width + x</c>). <see cref="Runs"/> alternates background and foreground counts and
/// always starts with background (the first run may be 0, like COCO's <c>counts</c>, but COCO's runs are column-major:
/// see the COCO RLE reader and writer). The encoding is canonical: no zero-length run other than the first, so two masks are equal
/// exactly when their pixels are. Immutable; all operations are linear in the number of runs, not pixels, except the
/// conversions to and from dense buffers.
/// </summary>
public sealed class Mask : IEquatable<Mask>
{
    private readonly int[] _runs;
    private long _area = -1;

    private Mask(int width, int height, int[] runs)
    {
        Width = width;
        Height = height;
        _runs = runs;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Number of pixels, <c>Width * Height</c>.</summary>
    public int PixelCount => Width * Height;

    /// <summary>Alternating run lengths, background first (that one may be 0); they sum to <see cref="PixelCount"/>.</summary>
    public ReadOnlySpan<int> Runs => _runs;

    /// <summary>Number of foreground pixels.</summary>
    public long Area
    {
        get
        {
            if (_area < 0)
            {
                long a = 0;
                for (int i = 1; i < _runs.Length; i += 2) a += _runs[i];
                _area = a;
            }
            return _area;
        }
    }

    public bool IsEmpty => _runs.Length < 2;

    /// <summary>An all-background mask.</summary>
    public static Mask Empty(int width, int height)
    {
        CheckSize(width, height);
        return new Mask(width, height, width * height == 0 ? [0] : [width * height]);
    }

    /// <summary>An all-foreground mask.</summary>
    public static Mask Full(int width, int height)
    {
        CheckSize(width, height);
        return new Mask(width, height, width * height == 0 ? [0] : [0, width * height]);
    }

    /// <summary>
    /// A mask from raster-order runs (background first). Zero-length runs after the first are merged away; the runs
    /// must be non-negative and sum to <c>width * height</c>, otherwise <see cref="ArgumentException"/>.
    /// </summary>
    public static Mask FromRuns(int width, int height, ReadOnlySpan<int> runs)
    {
        CheckSize(width, height);
        var list = new List<int>(runs.Length + 1);
        long total = 0;
        for (int i = 0; i < runs.Length; i++)
        {
            int r = runs[i];
            if (r < 0) throw new ArgumentException($"Run {i} is negative ({r}).", nameof(runs));
            total += r;
            bool foreground = (i & 1) == 1;
            AppendRun(list, foreground, r);
        }
        if (total != (long)width * height)
            throw new ArgumentException($"Runs sum to {total}, not {width}x{height} = {(long)width * height}.", nameof(runs));
        if (list.Count == 0) list.Add(0);
        return new Mask(width, height, [.. list]);
    }

    /// <summary>Appends a run of the given kind to canonical runs under construction (background-first alternation).</summary>
    private static void AppendRun(List<int> list, bool foreground, int length)
    {
        if (list.Count == 0)
        {
            if (foreground) { list.Add(0); if (length > 0) list.Add(length); }
            else list.Add(length);
            return;
        }
        if (length == 0) return;
        bool lastIsForeground = (list.Count & 1) == 0;
        if (lastIsForeground == foreground) list[^1] += length;
        else list.Add(length);
    }

    /// <summary>A mask from a dense raster-order buffer: any non-zero byte is foreground.</summary>
    public static Mask FromDense(ReadOnlySpan<byte> pixels, int width, int height)
    {
        CheckBuffer(pixels.Length, width, height);
        int n = pixels.Length, p = 0;
        var runs = new List<int>(16) { 0 };
        bool fg = false;
        while (p < n)
        {
            ReadOnlySpan<byte> rest = pixels[p..];
            int next = fg ? rest.IndexOf((byte)0) : rest.IndexOfAnyExcept((byte)0);
            int len = next < 0 ? n - p : next;
            if (runs.Count == 1 && !fg) runs[0] = len; else runs.Add(len);
            p += len;
            fg = !fg;
        }
        return new Mask(width, height, [.. runs]);
    }

    /// <summary>A mask from a dense raster-order buffer of booleans.</summary>
    public static Mask FromDense(ReadOnlySpan<bool> pixels, int width, int height)
    {
        CheckBuffer(pixels.Length, width, height);
        var runs = new List<int>();
        int n = pixels.Length, p = 0;
        bool fg = false;
        runs.Add(0);
        while (p < n)
        {
            int next = fg ? pixels[p..].IndexOf(false) : pixels[p..].IndexOf(true);
            int len = next < 0 ? n - p : next;
            if (runs.Count == 1 && !fg) runs[0] = len; else runs.Add(len);
            p += len;
            fg = !fg;
        }
        return new Mask(width, height, [.. runs]);
    }

    /// <summary>The pixels of a label map (one byte per pixel, raster order) that equal <paramref name="label"/>.</summary>
    public static Mask FromLabels(ReadOnlySpan<byte> labels, int width, int height, byte label)
    {
        CheckBuffer(labels.Length, width, height);
        int n = labels.Length, p = 0;
        var runs = new List<int>(16) { 0 };
        bool fg = false;
        while (p < n)
        {
            ReadOnlySpan<byte> rest = labels[p..];
            int next = fg ? rest.IndexOfAnyExcept(label) : rest.IndexOf(label);
            int len = next < 0 ? n - p : next;
            if (runs.Count == 1 && !fg) runs[0] = len; else runs.Add(len);
            p += len;
            fg = !fg;
        }
        return new Mask(width, height, [.. runs]);
    }

    /// <summary>
    /// The pixels of a box (ours: a pixel belongs to the box when its centre <c>(x + 0.5, y + 0.5)</c> lies in
    /// <c>[X, X + W) x [Y, Y + H)</c>), clipped to the image. A box with NaN or non-positive size gives an empty mask.
    /// </summary>
    public static Mask FromBox(Box box, int width, int height)
    {
        CheckSize(width, height);
        if (!box.HasPositiveSize) return Empty(width, height);
        int x0 = ClampCeil(box.X - 0.5, width), x1 = ClampCeil(box.Right - 0.5, width);
        int y0 = ClampCeil(box.Y - 0.5, height), y1 = ClampCeil(box.Bottom - 0.5, height);
        if (x1 <= x0 || y1 <= y0) return Empty(width, height);
        int rows = y1 - y0, w = x1 - x0;
        if (w == width)
        {
            int before = y0 * width, on = rows * width, after = width * height - before - on;
            return new Mask(width, height, after == 0 ? [before, on] : [before, on, after]);
        }
        var runs = new int[rows * 2 + 1];
        runs[0] = y0 * width + x0;
        for (int r = 0; r < rows; r++)
        {
            runs[2 * r + 1] = w;
            runs[2 * r + 2] = width - w;
        }
        runs[^1] = width * height - (y0 + rows - 1) * width - x1;
        if (runs[^1] == 0) Array.Resize(ref runs, runs.Length - 1);
        return new Mask(width, height, runs);
    }

    private static int ClampCeil(double v, int max)
    {
        double c = Math.Ceiling(v);
        return c <= 0 ? 0 : c >= max ? max : (int)c;
    }

    /// <summary>Whether pixel (x, y) is foreground; false outside the image.</summary>
    public bool this[int x, int y]
    {
        get
        {
            if ((uint)x >= (uint)Width || (uint)y >= (uint)Height) return false;
            long index = (long)y * Width + x, pos = 0;
            for (int i = 0; i < _runs.Length; i++)
            {
                pos += _runs[i];
                if (index < pos) return (i & 1) == 1;
            }
            return false;
        }
    }

    /// <summary>Writes the mask into a dense raster-order buffer: <paramref name="on"/> on foreground, 0 elsewhere.</summary>
    public void CopyTo(Span<byte> dense, byte on = 1)
    {
        CheckBuffer(dense.Length, Width, Height);
        int p = 0;
        for (int i = 0; i < _runs.Length; i++)
        {
            int r = _runs[i];
            dense.Slice(p, r).Fill((i & 1) == 1 ? on : (byte)0);
            p += r;
        }
    }

    /// <summary>Sets the foreground pixels of a label map to <paramref name="label"/>, leaving the others as they are.</summary>
    public void PaintInto(Span<byte> labels, byte label)
    {
        CheckBuffer(labels.Length, Width, Height);
        int p = _runs[0];
        for (int i = 1; i < _runs.Length; i += 2)
        {
            labels.Slice(p, _runs[i]).Fill(label);
            p += _runs[i];
            if (i + 1 < _runs.Length) p += _runs[i + 1];
        }
    }

    /// <summary>A dense copy, one byte per pixel (1 foreground, 0 background).</summary>
    public byte[] ToDense()
    {
        var dense = new byte[PixelCount];
        CopyTo(dense);
        return dense;
    }

    /// <summary>
    /// The tight box around the foreground, <c>[x, y, w, h]</c> in whole pixels (a single pixel at (3, 4) gives
    /// <c>[3, 4, 1, 1]</c>, as COCO's <c>toBbox</c>); all zeros for an empty mask, as COCO's.
    /// </summary>
    public Box BoundingBox
    {
        get
        {
            if (IsEmpty) return new Box(0, 0, 0, 0);
            int minX = int.MaxValue, maxX = -1, minY = int.MaxValue, maxY = -1;
            long p = _runs[0];
            for (int i = 1; i < _runs.Length; i += 2)
            {
                long start = p, end = p + _runs[i] - 1;
                int r0 = (int)(start / Width), r1 = (int)(end / Width);
                int c0 = (int)(start % Width), c1 = (int)(end % Width);
                if (r0 != r1) { minX = 0; maxX = Width - 1; }
                else { minX = Math.Min(minX, c0); maxX = Math.Max(maxX, c1); }
                minY = Math.Min(minY, r0);
                maxY = Math.Max(maxY, r1);
                p = end + 1 + (i + 1 < _runs.Length ? _runs[i + 1] : 0);
            }
            return new Box(minX, minY, maxX - minX + 1, maxY - minY + 1);
        }
    }

    /// <summary>Number of pixels foreground in both masks (same size required).</summary>
    public long IntersectionArea(Mask other)
    {
        CheckSame(other);
        ReadOnlySpan<int> a = _runs, b = other._runs;
        int ia = 0, ib = 0;
        long ea = a[0], eb = b[0];  // exclusive end of the current run
        long inter = 0, pos = 0;
        while (ia < a.Length && ib < b.Length)
        {
            long end = Math.Min(ea, eb);
            if ((ia & 1) == 1 && (ib & 1) == 1) inter += end - pos;
            pos = end;
            if (ea == end) { ia++; if (ia < a.Length) ea += a[ia]; }
            if (eb == end) { ib++; if (ib < b.Length) eb += b[ib]; }
        }
        return inter;
    }

    /// <summary>
    /// Intersection over union. Two empty masks give 1 (the DAVIS toolkit's rule: an object correctly predicted
    /// absent is a perfect match); COCO's maskApi gives 0 there, which a caller can get by testing <see cref="IsEmpty"/>.
    /// </summary>
    public double IoU(Mask other)
    {
        long inter = IntersectionArea(other);
        long union = Area + other.Area - inter;
        return union == 0 ? 1.0 : (double)inter / union;
    }

    public Mask Union(Mask other) => Combine(other, static (x, y) => x | y);

    public Mask Intersect(Mask other) => Combine(other, static (x, y) => x & y);

    /// <summary>Foreground of this mask that is not foreground in <paramref name="other"/>.</summary>
    public Mask Subtract(Mask other) => Combine(other, static (x, y) => x & !y);

    public Mask Invert()
    {
        if (PixelCount == 0) return this;
        int[] runs = _runs[0] == 0 ? _runs[1..] : [0, .. _runs];
        return new Mask(Width, Height, runs);
    }

    private Mask Combine(Mask other, Func<bool, bool, bool> op)
    {
        CheckSame(other);
        ReadOnlySpan<int> a = _runs, b = other._runs;
        var list = new List<int>(Math.Max(a.Length, b.Length) + 1);
        int ia = 0, ib = 0;
        long ea = a[0], eb = b[0], pos = 0;
        while (ia < a.Length && ib < b.Length)
        {
            long end = Math.Min(ea, eb);
            if (end > pos) AppendRun(list, op((ia & 1) == 1, (ib & 1) == 1), (int)(end - pos));
            pos = end;
            if (ea == end) { ia++; if (ia < a.Length) ea += a[ia]; }
            if (eb == end) { ib++; if (ib < b.Length) eb += b[ib]; }
        }
        if (list.Count == 0) list.Add(0);
        return new Mask(Width, Height, [.. list]);
    }

    public bool Equals(Mask? other) =>
        other is not null && Width == other.Width && Height == other.Height && _runs.AsSpan().SequenceEqual(other._runs);

    public override bool Equals(object? obj) => obj is Mask m && Equals(m);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Width);
        h.Add(Height);
        foreach (int r in _runs) h.Add(r);
        return h.ToHashCode();
    }

    public override string ToString() => $"Mask {Width}x{Height}, area {Area}, {_runs.Length} runs";

    private void CheckSame(Mask other)
    {
        if (other.Width != Width || other.Height != Height)
            throw new ArgumentException($"Masks differ in size: {Width}x{Height} vs {other.Width}x{other.Height}.", nameof(other));
    }

    private static void CheckSize(int width, int height)
    {
        if (width < 0 || height < 0 || (long)width * height > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(width), $"Mask size {width}x{height} is negative or too large.");
    }

    private static void CheckBuffer(int length, int width, int height)
    {
        CheckSize(width, height);
        if (length != width * height)
            throw new ArgumentException($"Buffer has {length} pixels, mask is {width}x{height} = {width * height}.");
    }
}
