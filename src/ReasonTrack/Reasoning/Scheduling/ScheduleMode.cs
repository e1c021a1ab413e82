namespace ReasonTrack.Reasoning.Scheduling;

/// <summary>How reasoning calls relate to the frame loop.</summary>
public enum ScheduleMode
{
    /// <summary>
    /// Each call completes before the next frame is processed: reproducible, and what the papers measured
    /// (ReasoningTrack ~15.6 fps, R1-Track ~1 fps).
    /// </summary>
    Sync,

    /// <summary>
    /// The frame loop never waits: calls run in the background, one at a time; a call asked for while one is
    /// running waits in a single pending slot, and a newer request replaces it (the replaced one is counted and
    /// logged as superseded). Results carry the frame they were asked about and are applied when they arrive.
    /// </summary>
    Realtime,
}
