using ReasonTrack.Geometry;

namespace ReasonTrack.Reasoning.Parsing;

/// <summary>One detection from a grounding reply: corners (xyxy, in the pixels of the image the model saw) and label.</summary>
public readonly record struct GroundingBox(BoxXyxy Box, string? Label);
