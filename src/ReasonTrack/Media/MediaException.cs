namespace ReasonTrack.Media;

/// <summary>
/// A video or image could not be opened, decoded or written, or ffmpeg is missing. The message names the file (when
/// there is one) and, for ffmpeg failures, ends with the tail of ffmpeg's own error output so the cause is visible.
/// </summary>
public class MediaException : ReasonTrackException
{
    public MediaException(string? path, string message)
        : base(path is null ? message : $"{path}: {message}")
    {
        FilePath = path;
        Reason = message;
    }

    public MediaException(string? path, string message, Exception inner)
        : base(path is null ? message : $"{path}: {message}", inner)
    {
        FilePath = path;
        Reason = message;
    }

    /// <summary>The file at fault, or null when the fault is not one file's (ffmpeg missing).</summary>
    public string? FilePath { get; }

    /// <summary>The message without the file prefix.</summary>
    public string Reason { get; }
}
