using ReasonTrack.Geometry;

namespace ReasonTrack.Training.Rewards;

/// <summary>
/// What the ReasoningTrack judge asks a localizer: find the target in <see cref="Frame2"/> from
/// <see cref="Description"/>. The frame-1 image and box are passed too, as the released judge starts its tracker from
/// them; a localizer that does not need them (VLM grounding) ignores them.
/// </summary>
/// <param name="Frame1">Path of frame 1 (the GRPO row's <c>pic1</c>).</param>
/// <param name="Box1">The target in frame 1 (the row's <c>bbox1</c>, xywh pixels), or null when the row has none.</param>
/// <param name="Frame2">Path of frame 2 (the row's <c>pic2</c>), where the target is localized.</param>
/// <param name="Description">The description to localize with.</param>
public sealed record TargetLocalizationRequest(string? Frame1, Box? Box1, string Frame2, string Description);
