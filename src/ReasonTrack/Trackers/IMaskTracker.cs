using ReasonTrack.Geometry.Masks;

namespace ReasonTrack.Trackers;

/// <summary>
/// A tracker that may also segment its target (an external tracker whose child sends masks, e.g. SAM 2 prompted with
/// the box). <see cref="LastMask"/> belongs to the result of the last <see cref="ITracker.Update"/>; null when that
/// reply carried none (a segmenter, if any, then makes the frame's mask from the box).
/// </summary>
public interface IMaskTracker : ITracker
{
    Mask? LastMask { get; }
}
