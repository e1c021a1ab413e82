using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

using ReasonTrack.Media;

namespace ReasonTrack.Benchmarks.Legacy;

/// <summary>
/// Lossless PNG encoding in memory (8-bit gray or RGB, no interlace). Each row gets the filter (None, Sub, Up,
/// Average, Paeth) with the smallest sum of absolute residuals, the usual heuristic that keeps photos compact.
/// </summary>
/// <remarks>The pre-SkiaSharp encoder (issue 13 item 3), kept only to measure old against new in bench/.</remarks>
internal static class LegacyPngEncoder
{
    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Encode(ImageFrame frame, CompressionLevel level = CompressionLevel.Fastest) =>
        Encode(frame.Pixels, frame.Width, frame.Height, frame.Format, level);

    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, PixelFormat format, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var ms = new MemoryStream();
        Encode(ms, pixels, width, height, format, level);
        return ms.ToArray();
    }

    public static void Encode(Stream output, ReadOnlySpan<byte> pixels, int width, int height, PixelFormat format, CompressionLevel level = CompressionLevel.Fastest)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        int bpp = ImageFrame.ChannelsOf(format);
        int stride = width * bpp;
        if (pixels.Length < stride * height) throw new ArgumentException($"{pixels.Length} bytes are too few for {width}x{height} {format}", nameof(pixels));

        output.Write(Signature);
        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], height);
        ihdr[8] = 8; // bit depth
        ihdr[9] = (byte)(format == PixelFormat.Gray8 ? 0 : 2); // colour type: gray / truecolour
        ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0; // deflate, adaptive filtering, no interlace
        WriteChunk(output, "IHDR"u8, ihdr);

        using var compressed = new MemoryStream();
        byte[] rows = ArrayPool<byte>.Shared.Rent(6 * (stride + 1));
        try
        {
            using (var z = new ZLibStream(compressed, level, leaveOpen: true))
            {
                var candidates = rows.AsSpan(0, 5 * (stride + 1));
                for (int y = 0; y < height; y++)
                {
                    var cur = pixels.Slice(y * stride, stride);
                    var prev = y > 0 ? pixels.Slice((y - 1) * stride, stride) : ReadOnlySpan<byte>.Empty;
                    int best = 0;
                    long bestScore = long.MaxValue;
                    for (int f = 0; f < 5; f++)
                    {
                        var dst = candidates.Slice(f * (stride + 1), stride + 1);
                        long score = Filter(f, cur, prev, bpp, dst);
                        if (score < bestScore) { bestScore = score; best = f; }
                    }
                    z.Write(candidates.Slice(best * (stride + 1), stride + 1));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rows);
        }
        WriteChunk(output, "IDAT"u8, compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        WriteChunk(output, "IEND"u8, []);
    }

    /// <summary>Writes filter byte + filtered row into <paramref name="dst"/>; returns the sum of |residual| as signed bytes.</summary>
    private static long Filter(int type, ReadOnlySpan<byte> cur, ReadOnlySpan<byte> prev, int bpp, Span<byte> dst)
    {
        dst[0] = (byte)type;
        long score = 0;
        for (int i = 0; i < cur.Length; i++)
        {
            int a = i >= bpp ? cur[i - bpp] : 0;
            int b = prev.IsEmpty ? 0 : prev[i];
            int c = i >= bpp && !prev.IsEmpty ? prev[i - bpp] : 0;
            int predictor = type switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) >> 1,
                _ => Paeth(a, b, c),
            };
            byte r = (byte)(cur[i] - predictor);
            dst[i + 1] = r;
            int signed = (sbyte)r;
            score += signed < 0 ? -signed : signed;
        }
        return score;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        if (pa <= pb && pa <= pc) return a;
        return pb <= pc ? b : c;
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Append(Crc32.Compute(type), data));
        output.Write(word);
    }
}
