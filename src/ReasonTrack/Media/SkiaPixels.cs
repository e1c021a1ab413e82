using System.Buffers;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace ReasonTrack.Media;

/// <summary>
/// Our pixels as a Skia pixmap for the encoders. Skia has no 3-byte colour type, so RGB24 is widened to
/// <see cref="SKColorType.Rgb888x"/> (opaque, the fourth byte ignored) in a pooled buffer; Gray8 is handed over as it
/// is (<see cref="SKColorType.Gray8"/>). No colour space is attached, so the encoders write no ICC profile and convert
/// nothing: the bytes encoded are our bytes.
/// </summary>
internal static class SkiaPixels
{
    /// <summary>Runs <paramref name="encode"/> on a pixmap of <paramref name="pixels"/>; the pixmap lives only during the call.</summary>
    public static T With<T, TState>(ReadOnlySpan<byte> pixels, int width, int height, PixelFormat format, TState state, Func<SKPixmap, TState, T> encode)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        int channels = ImageFrame.ChannelsOf(format);
        long needed = (long)width * height * channels;
        if (pixels.Length < needed) throw new ArgumentException($"{pixels.Length} bytes are too few for {width}x{height} {format}", nameof(pixels));
        if (format == PixelFormat.Gray8)
        {
            unsafe
            {
                fixed (byte* p = pixels)
                {
                    using var pixmap = new SKPixmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque), (IntPtr)p, width);
                    return encode(pixmap, state);
                }
            }
        }
        int count = checked(width * height);
        byte[] rented = ArrayPool<byte>.Shared.Rent(checked(count * 4));
        try
        {
            WidenRgb(pixels[..(count * 3)], MemoryMarshal.Cast<byte, uint>(rented.AsSpan(0, count * 4)));
            unsafe
            {
                fixed (byte* p = rented)
                {
                    using var pixmap = new SKPixmap(new SKImageInfo(width, height, SKColorType.Rgb888x, SKAlphaType.Opaque), (IntPtr)p, width * 4);
                    return encode(pixmap, state);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>R, G, B bytes to little-endian R, G, B, 0xFF words (Skia's RGB888x byte order).</summary>
    private static void WidenRgb(ReadOnlySpan<byte> rgb, Span<uint> rgbx)
    {
        for (int i = 0, j = 0; i < rgbx.Length; i++, j += 3)
            rgbx[i] = rgb[j] | (uint)rgb[j + 1] << 8 | (uint)rgb[j + 2] << 16 | 0xFF000000u;
    }
}
