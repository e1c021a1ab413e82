using System.Numerics;

namespace ReasonTrack.Evaluation.Masks;

/// <summary>
/// Counts the pixels of one bit plane that lie within the dilation of another by the toolkit's footprint,
/// <c>skimage.morphology.disk(r)</c> = the integer offsets with <c>dx² + dy² ≤ r²</c>, as <c>cv2.dilate</c> applies it
/// (nothing comes from outside the image). The dilated image is never built: each row of the dilated plane is the OR
/// of the rows <c>y + dy</c> dilated horizontally by the disk's half-width at <c>dy</c>, and only the words where the
/// counted plane has a pixel are formed. The horizontal dilations are kept per distinct half-width, for the rows of
/// the dilated plane only. Buffers are reused: no allocation per call.
/// </summary>
internal sealed class DiskDilation
{
    private readonly int _radius;
    private readonly int[] _halfWidthIndex;   // per |dy| 0..r: index into _halfWidths
    private readonly int[] _halfWidths;       // distinct half-widths, ascending
    private readonly ulong[][] _rows;         // per distinct half-width: the horizontally dilated rows
    private readonly int _wordsPerRow;

    public DiskDilation(int width, int height, int radius)
    {
        if (radius < 0) throw new ArgumentOutOfRangeException(nameof(radius), $"Dilation radius {radius} is negative.");
        _radius = radius;
        _wordsPerRow = (width + 63) >> 6;
        var hw = new int[radius + 1];
        for (int dy = 0; dy <= radius; dy++)
        {
            int x = 0;
            while ((long)(x + 1) * (x + 1) + (long)dy * dy <= (long)radius * radius) x++;
            hw[dy] = x;
        }
        _halfWidths = hw.Distinct().Order().ToArray();
        _halfWidthIndex = hw.Select(v => Array.IndexOf(_halfWidths, v)).ToArray();
        _rows = _halfWidths.Select(_ => new ulong[_wordsPerRow * height]).ToArray();
        FootprintPixels = hw.Select((v, dy) => (2 * v + 1) * (dy == 0 ? 1 : 2)).Sum();
    }

    public int Radius => _radius;

    /// <summary>Pixels of the footprint (197 for r = 8, as the README of the golden data says).</summary>
    public int FootprintPixels { get; }

    /// <summary>|<paramref name="counted"/> ∩ dilate(<paramref name="dilated"/>)|.</summary>
    public long CountWithin(BitPlane counted, BitPlane dilated)
    {
        if (counted.IsEmpty || dilated.IsEmpty) return 0;
        int wpr = _wordsPerRow, r = _radius;
        int dMin = dilated.MinRow, dMax = dilated.MaxRow;
        int y0 = Math.Max(counted.MinRow, dMin - r), y1 = Math.Min(counted.MaxRow, dMax + r);
        if (y0 > y1) return 0;
        PrepareRows(dilated);
        ulong[] c = counted.Bits;
        long n = 0;
        for (int y = y0; y <= y1; y++)
        {
            int o = y * wpr;
            int a0 = Math.Max(dMin, y - r), a1 = Math.Min(dMax, y + r);
            for (int i = 0; i < wpr; i++)
            {
                ulong cw = c[o + i];
                if (cw == 0) continue;
                ulong acc = 0;
                for (int yy = a0; yy <= a1; yy++)
                {
                    acc |= _rows[_halfWidthIndex[Math.Abs(yy - y)]][yy * wpr + i];
                    if ((acc & cw) == cw) break;
                }
                n += BitOperations.PopCount(acc & cw);
            }
        }
        return n;
    }

    /// <summary>Horizontal dilations of the plane's rows by each distinct half-width (incrementally, smallest first).</summary>
    private void PrepareRows(BitPlane plane)
    {
        int wpr = _wordsPerRow;
        int o = plane.MinRow * wpr, len = (plane.MaxRow - plane.MinRow + 1) * wpr;
        ReadOnlySpan<ulong> src = plane.Bits.AsSpan(o, len);
        int done = 0;
        for (int j = 0; j < _halfWidths.Length; j++)
        {
            Span<ulong> dst = _rows[j].AsSpan(o, len);
            if (j == 0) src.CopyTo(dst); else _rows[j - 1].AsSpan(o, len).CopyTo(dst);
            int grow = _halfWidths[j] - done;
            if (grow > 0)
                for (int y = plane.MinRow; y <= plane.MaxRow; y++)
                    Dilate(_rows[j].AsSpan(y * wpr, wpr), grow);
            done = _halfWidths[j];
        }
    }

    /// <summary>Dilates one row by <paramref name="k"/> pixels each side (shift-or doubling, in place).</summary>
    private static void Dilate(Span<ulong> row, int k)
    {
        bool any = false;
        foreach (ulong w in row) if (w != 0) { any = true; break; }
        if (!any) return;
        Span<ulong> down = stackalloc ulong[row.Length];
        row.CopyTo(down);
        // Upward (toward higher x) by 0..k, then downward by 0..k, ORed.
        for (int covered = 1; covered < k + 1;)
        {
            int step = Math.Min(covered, k + 1 - covered);
            ShiftOrUp(row, step);
            ShiftOrDown(down, step);
            covered += step;
        }
        for (int i = 0; i < row.Length; i++) row[i] |= down[i];
    }

    private static void ShiftOrUp(Span<ulong> row, int s)
    {
        int q = s >> 6, r = s & 63;
        for (int i = row.Length - 1; i >= 0; i--)
        {
            int a = i - q;
            ulong v = a >= 0 ? row[a] << r : 0;
            if (r != 0 && a - 1 >= 0) v |= row[a - 1] >> (64 - r);
            row[i] |= v;
        }
    }

    private static void ShiftOrDown(Span<ulong> row, int s)
    {
        int q = s >> 6, r = s & 63, n = row.Length;
        for (int i = 0; i < n; i++)
        {
            int a = i + q;
            ulong v = a < n ? row[a] >> r : 0;
            if (r != 0 && a + 1 < n) v |= row[a + 1] << (64 - r);
            row[i] |= v;
        }
    }
}
