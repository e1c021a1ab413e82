namespace ReasonTrack.Trackers.External;

/// <summary>
/// An external tracker failed: it could not be started, exited, did not answer in time, replied something that is
/// not the protocol, or reported an error of its own. The message names the command, the request and frame, and holds
/// the child's last stderr lines. The tracker is unusable afterwards (the child is stopped).
/// </summary>
public sealed class ExternalTrackerException : ReasonTrackException
{
    public ExternalTrackerException(string message, string stderrTail, Exception? inner = null) : base(message, inner) => StderrTail = stderrTail;

    /// <summary>The child's last stderr lines at the time of the failure (may be empty).</summary>
    public string StderrTail { get; }
}
