namespace ReasonTrack.Runs;

/// <summary>What a <see cref="DatasetRunner"/> did: sequences resumed and tracked, the failures, frames and tracking time.</summary>
public sealed record RunSummary(int Resumed, int Tracked, IReadOnlyList<SequenceFailure> Failures, long Frames, double TrackingSeconds, IReadOnlyList<string> Warnings);
