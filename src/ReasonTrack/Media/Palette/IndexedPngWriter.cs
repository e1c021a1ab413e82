using System.Buffers.Binary;
using System.IO.Compression;
using ReasonTrack.IO;

namespace ReasonTrack.Media.Palette;

/// <summary>
/// Writes label maps as palette-indexed PNGs (colour type 3), the DAVIS annotation and result format: one index per
/// pixel, the DAVIS palette unless another is given. Our own encoder (zlib via System.IO.Compression), independent of
/// the image encoders used for frames.
/// </summary>
public static class IndexedPngWriter
{
    /// <summary>Encodes <paramref name="labels"/> (raster order, <c>width * height</c> bytes) and writes the file atomically.</summary>
    public static void Write(string path, ReadOnlySpan<byte> labels, int width, int height, IndexedPngWriteOptions? options = null)
    {
        byte[] png = Encode(labels, width, height, options);
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        AtomicFile.WriteAllBytes(path, png);
    }

    /// <summary>The PNG bytes of a label map.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> labels, int width, int height, IndexedPngWriteOptions? options = null)
    {
        options ??= new IndexedPngWriteOptions();
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"PNG size {width}x{height} is not positive.");
        if (labels.Length != width * height) throw new ArgumentException($"{labels.Length} labels for a {width}x{height} image.", nameof(labels));
        int depth = options.BitDepth;
        if (depth is not (1 or 2 or 4 or 8)) throw new ArgumentOutOfRangeException(nameof(options), $"Bit depth {depth} is not 1, 2, 4 or 8.");
        if (options.Filter is { } f && (f < 0 || f > 4)) throw new ArgumentOutOfRangeException(nameof(options), $"Filter type {f} is not 0..4.");
        int maxIndex = (1 << depth) - 1;
        if (depth < 8)
            foreach (byte b in labels)
                if (b > maxIndex) throw new ArgumentException($"Label {b} does not fit {depth} bits.", nameof(labels));
        byte[] palette = options.Palette ?? DavisPalette.Colors[..(3 * (maxIndex + 1))].ToArray();
        if (palette.Length % 3 != 0 || palette.Length < 3 || palette.Length > 3 * (maxIndex + 1))
            throw new ArgumentException($"Palette of {palette.Length} bytes is not 1..{maxIndex + 1} RGB triplets.", nameof(options));

        using var body = new MemoryStream();
        using (var z = new ZLibStream(body, options.Compression, leaveOpen: true))
        {
            if (!options.Interlace) WritePass(z, labels, width, 0, 0, 1, 1, width, height, depth, options.Filter);
            else
            {
                ReadOnlySpan<int> x0 = [0, 4, 0, 2, 0, 1, 0], y0 = [0, 0, 4, 0, 2, 0, 1];
                ReadOnlySpan<int> dx = [8, 8, 4, 4, 2, 2, 1], dy = [8, 8, 8, 4, 4, 2, 2];
                for (int p = 0; p < 7; p++)
                {
                    int pw = (width - x0[p] + dx[p] - 1) / dx[p], ph = (height - y0[p] + dy[p] - 1) / dy[p];
                    if (pw > 0 && ph > 0) WritePass(z, labels, width, x0[p], y0[p], dx[p], dy[p], pw, ph, depth, options.Filter);
                }
            }
        }

        using var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], height);
        ihdr[8] = (byte)depth;
        ihdr[9] = 3;
        ihdr[10] = 0;
        ihdr[11] = 0;
        ihdr[12] = (byte)(options.Interlace ? 1 : 0);
        WriteChunk(png, "IHDR"u8, ihdr);
        WriteChunk(png, "PLTE"u8, palette);
        WriteChunk(png, "IDAT"u8, body.GetBuffer().AsSpan(0, (int)body.Length));
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void WritePass(Stream z, ReadOnlySpan<byte> labels, int fullWidth, int ox, int oy, int sx, int sy, int w, int h,
        int depth, int? fixedFilter)
    {
        int rowBytes = (w * depth + 7) / 8;
        var prev = new byte[rowBytes];
        var cur = new byte[rowBytes];
        var filtered = new byte[5][];
        for (int k = 0; k < 5; k++) filtered[k] = new byte[rowBytes + 1];
        int perByte = 8 / depth;
        for (int y = 0; y < h; y++)
        {
            int rowStart = (oy + y * sy) * fullWidth + ox;
            if (depth == 8 && sx == 1) labels.Slice(rowStart, w).CopyTo(cur);
            else
            {
                Array.Clear(cur);
                for (int x = 0; x < w; x++)
                {
                    int v = labels[rowStart + x * sx];
                    if (depth == 8) cur[x] = (byte)v;
                    else cur[x / perByte] |= (byte)(v << (8 - depth * (x % perByte + 1)));
                }
            }
            int best = fixedFilter ?? -1;
            if (best >= 0) Filter(best, cur, prev, filtered[best]);
            else
            {
                long bestCost = long.MaxValue;
                for (int k = 0; k < 5; k++)
                {
                    Filter(k, cur, prev, filtered[k]);
                    long cost = 0;
                    for (int i = 1; i <= rowBytes; i++) cost += (sbyte)filtered[k][i] < 0 ? -(sbyte)filtered[k][i] : filtered[k][i];
                    if (cost < bestCost) { bestCost = cost; best = k; }
                }
            }
            z.Write(filtered[best]);
            (prev, cur) = (cur, prev);
        }
    }

    /// <summary>Filters one row (filter unit: one byte, as for every single-channel depth up to 8 bits).</summary>
    private static void Filter(int type, byte[] cur, byte[] prev, byte[] dst)
    {
        dst[0] = (byte)type;
        int n = cur.Length;
        for (int i = 0; i < n; i++)
        {
            int a = i > 0 ? cur[i - 1] : 0, b = prev[i], c = i > 0 ? prev[i - 1] : 0;
            int predictor = type switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) >> 1,
                _ => Paeth(a, b, c),
            };
            dst[i + 1] = (byte)(cur[i] - predictor);
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void WriteChunk(Stream s, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        s.Write(word);
        s.Write(type);
        s.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, PngCrc.Compute(type, data));
        s.Write(word);
    }
}
