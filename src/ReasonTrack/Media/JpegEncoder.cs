using SkiaSharp;

namespace ReasonTrack.Media;

/// <summary>
/// JPEG encoding in memory through SkiaSharp (its bundled libjpeg-turbo; issue 13 item 3 replaced our own baseline
/// encoder). What is encoded is what OpenCV's <c>cv.imencode(".jpg")</c> and PIL encode through libjpeg: the Annex K
/// quantisation tables scaled by <c>jpeg_set_quality</c>, libjpeg's integer DCT and its chroma downsampling, so the
/// quantised coefficients and the decoded pixels are libjpeg's (measured against OpenCV 4.6 by
/// <c>bench/peers/jpeg_vs_opencv.py</c>). The bytes differ from OpenCV's: Skia asks libjpeg for optimised Huffman tables
/// (smaller files, the same coefficients). Gray frames make a one-component JPEG; RGB frames YCbCr with 4:2:0, 4:2:2 or
/// 4:4:4 chroma. No ICC profile or EXIF is written.
/// </summary>
public static class JpegEncoder
{
    public static byte[] Encode(ImageFrame frame, int quality = 90, JpegSubsampling subsampling = JpegSubsampling.Yuv420)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Encode(frame.Pixels, frame.Width, frame.Height, frame.Format, quality, subsampling);
    }

    /// <param name="quality">1 (smallest) to 100 (best), as in libjpeg.</param>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, PixelFormat format, int quality = 90, JpegSubsampling subsampling = JpegSubsampling.Yuv420)
    {
        var options = Options(width, height, quality, subsampling);
        return SkiaPixels.With(pixels, width, height, format, options, static (pixmap, o) =>
        {
            using var data = pixmap.Encode(o) ?? throw new MediaException(null, $"Skia could not encode a {pixmap.Width}x{pixmap.Height} {pixmap.ColorType} image as JPEG");
            return data.ToArray();
        });
    }

    /// <param name="quality">1 (smallest) to 100 (best), as in libjpeg.</param>
    public static void Encode(Stream output, ReadOnlySpan<byte> pixels, int width, int height, PixelFormat format, int quality = 90, JpegSubsampling subsampling = JpegSubsampling.Yuv420)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(Encode(pixels, width, height, format, quality, subsampling));
    }

    private static SKJpegEncoderOptions Options(int width, int height, int quality, JpegSubsampling subsampling)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (width > 65535 || height > 65535) throw new ArgumentOutOfRangeException(nameof(width), "JPEG sizes are limited to 65535");
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        var downsample = subsampling switch
        {
            JpegSubsampling.Yuv420 => SKJpegEncoderDownsample.Downsample420,
            JpegSubsampling.Yuv422 => SKJpegEncoderDownsample.Downsample422,
            JpegSubsampling.Yuv444 => SKJpegEncoderDownsample.Downsample444,
            _ => throw new ArgumentOutOfRangeException(nameof(subsampling), subsampling, null),
        };
        return new SKJpegEncoderOptions(quality, downsample, SKJpegEncoderAlphaOption.Ignore);
    }
}
