using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Reasoning.Crops;

/// <summary>A crop around a target: the image, where it came from, and the target's box in crop coordinates.</summary>
public sealed record TargetCrop(ImageFrame Image, CropMapping Mapping, BoxXyxy TargetInCrop);
