namespace ReasonTrack.Media;

/// <summary>Where annotated frames go: a video file or a folder of images. Disposing finishes the output.</summary>
public interface IFrameSink : IDisposable
{
    /// <summary>Writes one frame (copied or encoded before returning; the caller may reuse it).</summary>
    void Write(ImageFrame frame);
}
