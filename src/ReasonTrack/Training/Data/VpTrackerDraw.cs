namespace ReasonTrack.Training.Data;

/// <summary>
/// What the VPTracker sampler drew for one pair: template and search frames, their boxes as the row writes them, the
/// outline scale, and the outline the fork would draw (<see cref="VisualPromptPlacement.Released"/>; drawn by us only
/// in the stock ms-swift layout, which has no loader to draw it).
/// </summary>
public sealed record VpTrackerDraw(int Template, int Search, VpTrackerBox TemplateBox, VpTrackerBox SearchBox, int Scale, VisualPromptPlacement.Outline Outline);
