namespace ReasonTrack.Reasoning.Logging;

/// <summary>Where and how <see cref="SentImageThumbnails"/> keeps what the model saw (ours).</summary>
public sealed record SentImageThumbnailOptions
{
    /// <summary>Folder name under <see cref="Directory"/> holding the thumbnails.</summary>
    public const string FolderName = "vlm-thumbnails";

    /// <summary>The run's output folder; thumbnails go to <c>&lt;Directory&gt;/vlm-thumbnails/</c>.</summary>
    public required string Directory { get; init; }

    /// <summary>Longest side of a thumbnail in pixels (smaller images are kept at their size).</summary>
    public int MaxSide { get; init; } = 320;

    /// <summary>JPEG quality of the thumbnails.</summary>
    public int JpegQuality { get; init; } = 85;
}
