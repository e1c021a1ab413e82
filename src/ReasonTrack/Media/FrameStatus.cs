namespace ReasonTrack.Media;

/// <summary>Whether a frame's pixels could be decoded.</summary>
public enum FrameStatus
{
    Ok,

    /// <summary>
    /// The frame file is missing, truncated or corrupt. The frame carries the previous frame's pixels (or black for
    /// the first) so that sizes stay constant; trackers should not update on it (the tracking loop keeps the last box).
    /// </summary>
    Unreadable,
}
