namespace ReasonTrack.Media;

/// <summary>
/// ffmpeg (or ffprobe) is not installed or not where it was configured to be. A type of its own so that the CLI can
/// print the install hint alone instead of a stack trace.
/// </summary>
public sealed class FfmpegNotFoundException : MediaException
{
    public FfmpegNotFoundException(string message) : base(null, message) { }
}
