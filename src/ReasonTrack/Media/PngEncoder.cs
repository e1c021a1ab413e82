using System.IO.Compression;
using SkiaSharp;

namespace ReasonTrack.Media;

/// <summary>
/// Lossless PNG encoding in memory through SkiaSharp (its bundled libpng and zlib; issue 13 item 3 replaced our own
/// encoder): 8-bit gray (colour type 0) or RGB (colour type 2), no interlace, no colour profile, libpng's adaptive
/// choice among all five row filters. The pixels decode back exactly; the bytes depend on Skia's zlib, so they are
/// the same for the same pixels and level on one build of the library.
/// </summary>
public static class PngEncoder
{
    /// <summary>
    /// The zlib level of each <see cref="CompressionLevel"/>: no compression 0, fastest 1, optimal 6 (zlib's and Skia's
    /// default), smallest 9.
    /// </summary>
    public static int ZlibLevel(CompressionLevel level) => level switch
    {
        CompressionLevel.NoCompression => 0,
        CompressionLevel.Fastest => 1,
        CompressionLevel.SmallestSize => 9,
        _ => 6,
    };

    public static byte[] Encode(ImageFrame frame, CompressionLevel level = CompressionLevel.Fastest)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Encode(frame.Pixels, frame.Width, frame.Height, frame.Format, level);
    }

    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, PixelFormat format, CompressionLevel level = CompressionLevel.Fastest)
    {
        var options = new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, ZlibLevel(level));
        return SkiaPixels.With(pixels, width, height, format, options, static (pixmap, o) =>
        {
            using var data = pixmap.Encode(o) ?? throw new MediaException(null, $"Skia could not encode a {pixmap.Width}x{pixmap.Height} {pixmap.ColorType} image as PNG");
            return data.ToArray();
        });
    }

    public static void Encode(Stream output, ReadOnlySpan<byte> pixels, int width, int height, PixelFormat format, CompressionLevel level = CompressionLevel.Fastest)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Encode(pixels, width, height, format, level));
    }
}
