using System.Numerics;
using System.Runtime.Intrinsics;
using ReasonTrack.Geometry.Masks;

namespace ReasonTrack.Evaluation.Masks;

/// <summary>
/// A binary image as one bit per pixel, rows of <see cref="WordsPerRow"/> 64-bit words (bit <c>x % 64</c> of word
/// <c>x / 64</c> is pixel x; bits past the width are always 0), with the range of rows that may hold a set bit
/// (<see cref="MinRow"/>..<see cref="MaxRow"/>; empty when <c>MinRow &gt; MaxRow</c>). Rows outside the range are
/// all zero, so the operations touch only the rows of the object. Reused from frame to frame: filling it does not
/// allocate.
/// </summary>
internal sealed class BitPlane
{
    public BitPlane(int width, int height)
    {
        Width = width;
        Height = height;
        WordsPerRow = (width + 63) >> 6;
        Bits = new ulong[WordsPerRow * height];
        MinRow = height;
        MaxRow = -1;
    }

    public int Width { get; }

    public int Height { get; }

    public int WordsPerRow { get; }

    public ulong[] Bits { get; }

    public int MinRow { get; set; }

    public int MaxRow { get; set; }

    public bool IsEmpty => MinRow > MaxRow;

    public Span<ulong> Row(int y) => Bits.AsSpan(y * WordsPerRow, WordsPerRow);

    /// <summary>Zeroes the rows in use and empties the range.</summary>
    public void Clear()
    {
        if (!IsEmpty) Bits.AsSpan(MinRow * WordsPerRow, (MaxRow - MinRow + 1) * WordsPerRow).Clear();
        MinRow = Height;
        MaxRow = -1;
    }

    /// <summary>Sets pixels <c>[start, end)</c> of the raster (may span rows).</summary>
    private void SetRange(int start, int end)
    {
        while (start < end)
        {
            int y = start / Width, x0 = start - y * Width;
            int x1 = Math.Min(Width, x0 + (end - start));
            SetRowBits(y, x0, x1);
            if (y < MinRow) MinRow = y;
            if (y > MaxRow) MaxRow = y;
            start += x1 - x0;
        }
    }

    private void SetRowBits(int y, int x0, int x1)
    {
        var row = Row(y);
        int w0 = x0 >> 6, w1 = (x1 - 1) >> 6;
        ulong first = ~0UL << (x0 & 63), last = ~0UL >> (63 - ((x1 - 1) & 63));
        if (w0 == w1) { row[w0] |= first & last; return; }
        row[w0] |= first;
        for (int w = w0 + 1; w < w1; w++) row[w] = ~0UL;
        row[w1] |= last;
    }

    /// <summary>Fills the plane from a run-length mask of the same size.</summary>
    public void Load(Mask mask)
    {
        Clear();
        ReadOnlySpan<int> runs = mask.Runs;
        int p = runs[0];
        for (int i = 1; i < runs.Length; i += 2)
        {
            SetRange(p, p + runs[i]);
            p += runs[i];
            if (i + 1 < runs.Length) p += runs[i + 1];
        }
    }

    /// <summary>Fills the plane with the pixels of a raster-order label buffer (same size) equal to <paramref name="label"/>.</summary>
    public void Load(ReadOnlySpan<byte> labels, byte label)
    {
        Clear();
        int min = Height, max = -1;
        for (int y = 0; y < Height; y++)
        {
            var src = labels.Slice(y * Width, Width);
            // Rows without the label are skipped with one vectorised search.
            if (!src.Contains(label)) continue;
            var row = Row(y);
            FillRow(src, label, row);
            if (y < min) min = y;
            max = y;
        }
        MinRow = min;
        MaxRow = max;
    }

    private static void FillRow(ReadOnlySpan<byte> src, byte label, Span<ulong> row)
    {
        int x = 0, n = src.Length;
        if (Vector256.IsHardwareAccelerated)
        {
            var v = Vector256.Create(label);
            for (; x + 64 <= n; x += 64)
            {
                ulong lo = Vector256.Equals(Vector256.Create(src.Slice(x, 32)), v).ExtractMostSignificantBits();
                ulong hi = Vector256.Equals(Vector256.Create(src.Slice(x + 32, 32)), v).ExtractMostSignificantBits();
                row[x >> 6] = lo | (hi << 32);
            }
        }
        for (; x < n; x++)
            if (src[x] == label) row[x >> 6] |= 1UL << (x & 63);
    }

    /// <summary>Removes the pixels set in <paramref name="other"/> (same size); the row range is kept (a superset).</summary>
    public void AndNot(BitPlane other)
    {
        if (IsEmpty || other.IsEmpty) return;
        int y0 = Math.Max(MinRow, other.MinRow), y1 = Math.Min(MaxRow, other.MaxRow);
        if (y0 > y1) return;
        var a = Bits.AsSpan(y0 * WordsPerRow, (y1 - y0 + 1) * WordsPerRow);
        var b = other.Bits.AsSpan(y0 * WordsPerRow, (y1 - y0 + 1) * WordsPerRow);
        for (int i = 0; i < a.Length; i++) a[i] &= ~b[i];
    }

    public long PopCount()
    {
        if (IsEmpty) return 0;
        long n = 0;
        foreach (ulong w in Bits.AsSpan(MinRow * WordsPerRow, (MaxRow - MinRow + 1) * WordsPerRow)) n += BitOperations.PopCount(w);
        return n;
    }

    /// <summary>Number of pixels set in both planes.</summary>
    public long AndCount(BitPlane other)
    {
        int y0 = Math.Max(MinRow, other.MinRow), y1 = Math.Min(MaxRow, other.MaxRow);
        if (y0 > y1) return 0;
        var a = Bits.AsSpan(y0 * WordsPerRow, (y1 - y0 + 1) * WordsPerRow);
        var b = other.Bits.AsSpan(y0 * WordsPerRow, (y1 - y0 + 1) * WordsPerRow);
        long n = 0;
        for (int i = 0; i < a.Length; i++) n += BitOperations.PopCount(a[i] & b[i]);
        return n;
    }
}
