using ReasonTrack.Geometry;

namespace ReasonTrack.Media;

/// <summary>
/// Frames of one video or image sequence, decoded ahead of the consumer with bounded memory.
/// </summary>
public interface IFrameSource : IDisposable
{
    /// <summary>The sequence's name (a folder's name, or its parent's for <c>img</c>/<c>imgs</c>; a video's file stem).</summary>
    string Name { get; }

    /// <summary>Size of the frames (all frames are delivered at this size).</summary>
    ImageSize Size { get; }

    /// <summary>Number of frames when known in advance (image sequences; videos when the container says).</summary>
    int? FrameCount { get; }

    /// <summary>
    /// The frames in order. Each frame must be disposed by the consumer. Decoding runs ahead in the background; an
    /// unreadable frame is delivered with <see cref="FrameStatus.Unreadable"/> and a warning on <see cref="Warnings"/>.
    /// </summary>
    IEnumerable<ImageFrame> ReadFrames(CancellationToken cancellation = default);

    /// <summary>What went wrong without stopping the stream (skipped corrupt frames, size changes resized).</summary>
    IReadOnlyList<string> Warnings { get; }
}
