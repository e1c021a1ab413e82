namespace ReasonTrack.Trackers.NanoTrack;

/// <summary>Settings of <see cref="NanoTrackLongTerm"/> (ours, issue 15 item 3).</summary>
public sealed record NanoTrackLongTermOptions
{
    /// <summary>The presence model; <see cref="NanoTrackPresenceModel.Calibrated"/> unless replaced.</summary>
    public NanoTrackPresenceModel Presence { get; init; } = NanoTrackPresenceModel.Calibrated;

    /// <summary><see cref="TrackResult.Found"/> = presence probability at or above this.</summary>
    public double FoundThreshold { get; init; } = 0.5;

    /// <summary>Consecutive frames not found that switch the tracker to global re-detection.</summary>
    public int LostFrames { get; init; } = 3;

    /// <summary>In re-detection, the presence probability a window (re-centred on its best point) must reach to re-acquire.</summary>
    public double ReacquireThreshold { get; init; } = 0.9;

    /// <summary>
    /// In re-detection, how much a global candidate's presence must exceed the local box's before the tracker jumps
    /// to it (the local box is kept when both look alike).
    /// </summary>
    public double ReacquireMargin { get; init; } = 0.3;

    /// <summary>
    /// In re-detection, the tracker jumps only while the local box's recent presence (exponential mean, weight 0.2
    /// per frame) is at most this; 1 = no gate.
    /// </summary>
    public double LocalGate { get; init; } = 0.3;

    /// <summary>Search windows evaluated per frame while lost, besides the one at the last confident box.</summary>
    public int RedetectWindows { get; init; } = 4;
}
