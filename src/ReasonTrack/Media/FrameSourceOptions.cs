namespace ReasonTrack.Media;

/// <summary>How a <see cref="FfmpegFrameSource"/> decodes.</summary>
public sealed record FrameSourceOptions
{
    /// <summary>Pixel layout of the delivered frames; RGB by default since VLM prompts and drawings are in colour.</summary>
    public PixelFormat Format { get; init; } = PixelFormat.Rgb24;

    /// <summary>
    /// The ffmpeg executable. Null: the <c>REASONTRACK_FFMPEG</c> environment variable, else <c>ffmpeg</c> on PATH.
    /// ffprobe is looked for beside it.
    /// </summary>
    public string? FfmpegPath { get; init; }

    /// <summary>
    /// How many decoded frames may wait for the consumer. Small on purpose: memory is this many frames (plus the
    /// ones the consumer holds), whatever the sequence length, and 6 is enough to hide decoder jitter.
    /// </summary>
    public int QueueCapacity { get; init; } = 6;

    /// <summary>
    /// Decode image files bit-exactly: ffmpeg's <c>+bitexact</c> flag, the C reference IDCT (<c>-idct simple</c>) and
    /// swscale's bit-exact rounding, so CPU-specific SIMD code cannot change pixels and one ffmpeg version gives the
    /// same bytes on every machine (another version may still decode differently). make-data sets it, since it
    /// promises the same bytes for the same seed. Off by default: on colour (4:2:0) JPEGs swscale's accurate rounding
    /// changes pixels against the default decode (OTB Couple frame 1, ffmpeg 5.1 here: 65% of RGB values, mean 0.88,
    /// at most 14 levels; the decoder flags alone change nothing there), and every tracker result and reference
    /// figure so far was produced with the default decode. Ignored for video files.
    /// </summary>
    public bool BitExact { get; init; }

    /// <summary>Name of the sequence; null derives it from the path (see <see cref="FrameSources.Open"/>).</summary>
    public string? Name { get; init; }

    public static FrameSourceOptions Default { get; } = new();
}
