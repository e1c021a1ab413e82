using ReasonTrack.Geometry;

namespace ReasonTrack.Training.Data;

/// <summary>
/// What the VPTracker sampler drew for one pair: template and search frames, the outline scale, whether the outline
/// was meant to contain the target, the reference box it was placed around, and the outline rectangle itself.
/// </summary>
public sealed record VpTrackerDraw(int Template, int Search, int Scale, bool Inside, Box Reference, Box Outline);
