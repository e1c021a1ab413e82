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

    /// <summary>Name of the sequence; null derives it from the path (see <see cref="FrameSources.Open"/>).</summary>
    public string? Name { get; init; }

    public static FrameSourceOptions Default { get; } = new();
}
