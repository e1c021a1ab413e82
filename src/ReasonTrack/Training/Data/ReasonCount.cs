namespace ReasonTrack.Training.Data;

/// <summary>How many pairs or videos were skipped for one reason.</summary>
public sealed record ReasonCount(string Reason, int Count);
