namespace ReasonTrack.Trackers;

/// <summary>
/// The optional capability of a tracker that has something for the run's log after a sequence (an external tracker:
/// the last lines its child wrote to stderr). The run reports each message as a warning of the sequence.
/// </summary>
public interface ITrackerMessages
{
    /// <summary>Messages gathered so far (bounded by the tracker).</summary>
    IReadOnlyList<string> Messages { get; }
}
