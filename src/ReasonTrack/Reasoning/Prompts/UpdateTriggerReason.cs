namespace ReasonTrack.Reasoning.Prompts;

/// <summary>Why a description update was triggered (several may hold at once).</summary>
[Flags]
public enum UpdateTriggerReason
{
    None = 0,

    /// <summary><c>min(area)/max(area)</c> fell below the threshold (released: 0.95).</summary>
    AreaChange = 1,

    /// <summary>The top-left corner moved more than the image-size threshold (released: size/32).</summary>
    Displacement = 2,

    /// <summary>A fixed number of frames has passed since the last update (ablation: u = 50..1000).</summary>
    Interval = 4,

    /// <summary>The tracker's confidence dropped below a fraction of its first-frame confidence.</summary>
    ConfidenceDrop = 8,
}
