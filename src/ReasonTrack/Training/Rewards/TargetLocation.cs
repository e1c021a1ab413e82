using ReasonTrack.Geometry;

namespace ReasonTrack.Training.Rewards;

/// <summary>
/// A localizer's answer: the box in frame-2 pixels (xywh), or null when the localizer found none (the judge then
/// counts IoU 0, where the released tracker always returns some box), plus what was said, for the score record.
/// </summary>
/// <param name="Box">The target in frame 2, xywh pixels, or null.</param>
/// <param name="RawReply">The model's reply text, when the localizer is a model.</param>
/// <param name="Note">Why no box, or what was tolerated in reading it; null when nothing to say.</param>
public sealed record TargetLocation(Box? Box, string? RawReply = null, string? Note = null);
