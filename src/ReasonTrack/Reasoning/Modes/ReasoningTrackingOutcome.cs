using ReasonTrack.Trackers;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>A sequence tracked with reasoning: the tracking outcome and how its model calls ended.</summary>
public sealed record ReasoningTrackingOutcome(TrackingOutcome Outcome, ReasoningCallCounts Calls);
