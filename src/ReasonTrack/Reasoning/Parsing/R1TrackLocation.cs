using ReasonTrack.Geometry;

namespace ReasonTrack.Reasoning.Parsing;

/// <summary>
/// One R1-Track step's result: the frame box to report and keep, the crop-space box to fall back on next time,
/// whether the reply's box was actually used, and what happened.
/// </summary>
public sealed record R1TrackLocation(Box Box, BoxXyxy LastCropBox, bool Updated, ParseReport Report);
