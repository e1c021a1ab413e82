using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Trackers;

/// <summary>
/// The tracker contract (OpenCV's shape): initialize on a frame and a box, then update frame by frame.
/// Implementations are single-threaded objects; create one per sequence.
/// </summary>
public interface ITracker : IDisposable
{
    /// <summary>The tracker's registry name.</summary>
    string Name { get; }

    /// <summary>Starts tracking the target in <paramref name="box"/> (x, y, w, h) on <paramref name="frame"/>.</summary>
    /// <exception cref="ArgumentException">The box is empty, not finite, or does not overlap the image.</exception>
    void Initialize(ImageFrame frame, Box box);

    /// <summary>Finds the target in the next frame.</summary>
    TrackResult Update(ImageFrame frame);
}
