namespace ReasonTrack.Media;

/// <summary>Pixel layouts of <see cref="ImageFrame"/>: 8 bits per channel, channels interleaved.</summary>
public enum PixelFormat
{
    /// <summary>One channel, luminance.</summary>
    Gray8,

    /// <summary>Three channels in R, G, B order (what ffmpeg's <c>rgb24</c> delivers).</summary>
    Rgb24,
}
