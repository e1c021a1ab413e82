using System.Text;
using ReasonTrack.Geometry.Masks;

namespace ReasonTrack.Results.Masks;

/// <summary>
/// COCO's run-length encoding (pycocotools <c>maskApi</c>): runs over the pixels in column-major order (x outer,
/// y inner), background first, and its compressed text form (each run, from the fourth on as the difference to the
/// run two before, written in 5-bit groups with a continuation bit and sign extension, offset by 48 into printable
/// ASCII). Both forms appear in <c>{"size": [h, w], "counts": ...}</c> objects.
/// </summary>
public static class CocoRle
{
    /// <summary>The mask's column-major runs (background first; the first may be 0).</summary>
    public static int[] ToColumnMajorRuns(Mask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        int w = mask.Width, h = mask.Height;
        var runs = new List<int>();
        if (mask.IsEmpty || w * h == 0)
        {
            runs.Add(w * h);
            return [.. runs];
        }
        byte[] dense = mask.ToDense();
        bool fg = false;
        int run = 0;
        for (int x = 0; x < w; x++)
            for (int y = 0; y < h; y++)
            {
                bool v = dense[y * w + x] != 0;
                if (v != fg) { runs.Add(run); run = 0; fg = v; }
                run++;
            }
        runs.Add(run);
        return [.. runs];
    }

    /// <summary>A mask from column-major runs.</summary>
    /// <exception cref="ArgumentException">Negative runs, or runs that do not sum to <c>width * height</c>.</exception>
    public static Mask FromColumnMajorRuns(int width, int height, ReadOnlySpan<int> runs)
    {
        long total = 0;
        foreach (int r in runs)
        {
            if (r < 0) throw new ArgumentException($"Negative run {r}.", nameof(runs));
            total += r;
        }
        if (total != (long)width * height) throw new ArgumentException($"Runs sum to {total}, not {height}x{width} = {(long)width * height}.", nameof(runs));
        var dense = new byte[width * height];
        int p = 0;
        for (int i = 0; i < runs.Length; i++)
        {
            int r = runs[i];
            if ((i & 1) == 1)
                for (int k = p; k < p + r; k++) dense[(k % height) * width + k / height] = 1;
            p += r;
        }
        return Mask.FromDense(dense, width, height);
    }

    /// <summary>The compressed string of column-major runs (pycocotools' <c>rleToString</c> format).</summary>
    public static string Compress(ReadOnlySpan<int> runs)
    {
        var sb = new StringBuilder(runs.Length * 2);
        for (int i = 0; i < runs.Length; i++)
        {
            long x = runs[i];
            if (i > 2) x -= runs[i - 2];
            bool more = true;
            while (more)
            {
                long c = x & 0x1f;
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) c |= 0x20;
                sb.Append((char)(c + 48));
            }
        }
        return sb.ToString();
    }

    /// <summary>Column-major runs from the compressed string.</summary>
    /// <exception cref="FormatException">A character outside the encoding's range, or a truncated group.</exception>
    public static int[] Decompress(string counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var runs = new List<int>();
        int p = 0;
        while (p < counts.Length)
        {
            long x = 0;
            int k = 0;
            bool more = true;
            while (more)
            {
                if (p >= counts.Length) throw new FormatException("COCO RLE string ends inside a run.");
                int c = counts[p] - 48;
                if (c < 0 || c > 63) throw new FormatException($"COCO RLE string has '{counts[p]}' at {p}, outside '0'..'o'.");
                x |= (long)(c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) x |= -1L << (5 * k);
                if (k > 12) throw new FormatException("COCO RLE string has a run longer than 64 bits.");
            }
            if (runs.Count > 2) x += runs[^2];
            if (x < 0 || x > int.MaxValue) throw new FormatException($"COCO RLE string decodes to run {x}.");
            runs.Add((int)x);
        }
        return [.. runs];
    }
}
