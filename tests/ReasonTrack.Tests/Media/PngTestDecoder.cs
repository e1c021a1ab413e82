using System.Buffers.Binary;
using System.IO.Compression;
using ReasonTrack.Media;

namespace ReasonTrack.Tests.Media;

/// <summary>
/// A minimal PNG reader for tests (8-bit grey or RGB, no interlace, all five filters), written from the PNG
/// specification independently of <see cref="PngEncoder"/>, so a test can check that what was sent decodes to exactly
/// the pixels meant.
/// </summary>
internal static class PngTestDecoder
{
    public static ImageFrame Decode(byte[] png)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!png.AsSpan(0, 8).SequenceEqual(signature)) throw new InvalidDataException("not a PNG");
        int width = 0, height = 0, colourType = -1;
        using var idat = new MemoryStream();
        for (int at = 8; at + 8 <= png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0) throw new InvalidDataException("only 8-bit non-interlaced PNGs");
                colourType = data[9];
            }
            else if (type == "IDAT") idat.Write(data);
            else if (type == "IEND") break;
            at += 12 + length;
        }
        int bpp = colourType switch { 0 => 1, 2 => 3, _ => throw new InvalidDataException($"colour type {colourType} not supported") };
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        byte[] filtered = raw.ToArray();
        int stride = width * bpp;
        var frame = new ImageFrame(width, height, bpp == 1 ? PixelFormat.Gray8 : PixelFormat.Rgb24);
        var pixels = frame.Pixels;
        for (int y = 0; y < height; y++)
        {
            int filter = filtered[y * (stride + 1)];
            var src = filtered.AsSpan(y * (stride + 1) + 1, stride);
            var cur = pixels.Slice(y * stride, stride);
            for (int i = 0; i < stride; i++)
            {
                int a = i >= bpp ? cur[i - bpp] : 0;
                int b = y > 0 ? pixels[(y - 1) * stride + i] : 0;
                int c = i >= bpp && y > 0 ? pixels[(y - 1) * stride + i - bpp] : 0;
                int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                int predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => pa <= pb && pa <= pc ? a : pb <= pc ? b : c,
                    _ => throw new InvalidDataException($"filter {filter}"),
                };
                cur[i] = (byte)(src[i] + predictor);
            }
        }
        return frame;
    }
}
