namespace ReasonTrack.Evaluation.Masks;

/// <summary>
/// The DAVIS toolkit's boundary map (<c>_seg2bmap</c>, metrics.py:154-165) on bit planes: a pixel is boundary when it
/// differs from its right (E), lower (S) or lower-right (SE) neighbour, neighbours outside the image being 0; on the
/// last row only E counts, on the last column only S, and the bottom-right pixel is never boundary. So the image
/// border itself never makes a boundary (a full-frame mask has none).
/// </summary>
internal static class BoundaryMap
{
    /// <summary>Writes the boundary of <paramref name="seg"/> into <paramref name="boundary"/> (same size).</summary>
    public static void Compute(BitPlane seg, BitPlane boundary)
    {
        boundary.Clear();
        if (seg.IsEmpty) return;
        int h = seg.Height, wpr = seg.WordsPerRow;
        int lastWord = (seg.Width - 1) >> 6, lastBit = (seg.Width - 1) & 63;
        ulong lastMask = 1UL << lastBit;
        int y0 = Math.Max(0, seg.MinRow - 1), y1 = seg.MaxRow;
        ulong[] bits = seg.Bits, outBits = boundary.Bits;
        for (int y = y0; y <= y1; y++)
        {
            int o = y * wpr;
            bool lastRow = y == h - 1;
            int on = o + wpr;  // the next row (valid when !lastRow)
            for (int i = 0; i < wpr; i++)
            {
                ulong s = bits[o + i];
                ulong e = (s >> 1) | (i + 1 < wpr ? bits[o + i + 1] << 63 : 0);
                ulong b;
                if (lastRow)
                {
                    b = s ^ e;
                }
                else
                {
                    ulong n = bits[on + i];
                    ulong ne = (n >> 1) | (i + 1 < wpr ? bits[on + i + 1] << 63 : 0);
                    b = (s ^ e) | (s ^ n) | (s ^ ne);
                }
                if (i == lastWord)
                {
                    // Last column: S only (and nothing at the bottom-right pixel).
                    ulong lastCol = lastRow ? 0 : (s ^ bits[on + i]) & lastMask;
                    b = (b & ~lastMask) | lastCol;
                }
                outBits[o + i] = b;
            }
        }
        boundary.MinRow = y0;
        boundary.MaxRow = y1;
    }
}
