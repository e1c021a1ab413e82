using ReasonTrack.Geometry;

namespace ReasonTrack.Reasoning.Vlm;

/// <summary>
/// Qwen2-VL / Qwen2.5-VL image resize rule (qwen-vl-utils <c>smart_resize</c>): each side rounded to a multiple of
/// <c>factor</c>, then scaled down (floor) or up (ceil) to fit [minPixels, maxPixels]. Resizing frames to this size
/// client-side makes Qwen2.5-VL's absolute coordinates refer to exactly the pixels we sent.
/// </summary>
public static class QwenSmartResize
{
    public const int DefaultMinPixels = 4 * 28 * 28;
    public const int DefaultMaxPixels = 16384 * 28 * 28;
    public const int DefaultFactor = 28;

    /// <summary>The reference rejects aspect ratios above this.</summary>
    public const int MaxAspectRatio = 200;

    /// <summary>Size the model sees for an image of <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static ImageSize Size(int width, int height, int minPixels = DefaultMinPixels, int maxPixels = DefaultMaxPixels, int factor = DefaultFactor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        if ((double)Math.Max(width, height) / Math.Min(width, height) > MaxAspectRatio)
            throw new ReasonTrackException($"aspect ratio of {width}x{height} is above {MaxAspectRatio}, which Qwen's resize rejects");

        // Same double arithmetic as the Python reference; Python's round() is half-to-even.
        long hBar = Math.Max(factor, RoundBy(height, factor));
        long wBar = Math.Max(factor, RoundBy(width, factor));
        if (hBar * wBar > maxPixels)
        {
            double beta = Math.Sqrt((double)height * width / maxPixels);
            hBar = FloorBy(height / beta, factor);
            wBar = FloorBy(width / beta, factor);
        }
        else if (hBar * wBar < minPixels)
        {
            double beta = Math.Sqrt((double)minPixels / ((double)height * width));
            hBar = CeilBy(height * beta, factor);
            wBar = CeilBy(width * beta, factor);
        }
        return new ImageSize(checked((int)wBar), checked((int)hBar));
    }

    private static long RoundBy(double n, int factor) => (long)Math.Round(n / factor, MidpointRounding.ToEven) * factor;
    private static long FloorBy(double n, int factor) => (long)Math.Floor(n / factor) * factor;
    private static long CeilBy(double n, int factor) => (long)Math.Ceiling(n / factor) * factor;
}
