using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Trackers.Identity;

/// <summary>
/// Always answers the initial box (got10k-toolkit's IdentityTracker): the floor every tracker must beat, and a
/// tracker with no cost of its own for testing pipelines end to end.
/// </summary>
public sealed class IdentityTracker : ITracker
{
    private Box _box;

    public string Name => "identity";

    public void Initialize(ImageFrame frame, Box box) => _box = box;

    public TrackResult Update(ImageFrame frame) => new(_box, 1, true);

    public void Dispose() { }
}
