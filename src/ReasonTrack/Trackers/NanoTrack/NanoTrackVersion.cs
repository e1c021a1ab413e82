namespace ReasonTrack.Trackers.NanoTrack;

/// <summary>The released NanoTrack models (shared/models/nanotrack/v1..v3).</summary>
public enum NanoTrackVersion
{
    V1 = 1,
    V2 = 2,
    V3 = 3,
}
