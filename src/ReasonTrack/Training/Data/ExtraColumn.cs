namespace ReasonTrack.Training.Data;

/// <summary>A named text column of a training row beyond images, prompt and answer (kept in order, unlike a dictionary).</summary>
public sealed record ExtraColumn(string Name, string Value);
