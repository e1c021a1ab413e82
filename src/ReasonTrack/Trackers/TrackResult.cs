using ReasonTrack.Geometry;

namespace ReasonTrack.Trackers;

/// <summary>
/// A tracker's answer for one frame: the box, a confidence score (tracker-specific scale, higher is surer) and
/// whether the tracker believes the target is in view. When <see cref="Found"/> is false the box is the tracker's
/// best guess (usually the last confident box), reported so that results stay one row per frame.
/// </summary>
public readonly record struct TrackResult(Box Box, double Score, bool Found);
