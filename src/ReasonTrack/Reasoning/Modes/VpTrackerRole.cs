namespace ReasonTrack.Reasoning.Modes;

/// <summary>How <see cref="VpTrackerReasoner"/> is used.</summary>
public enum VpTrackerRole
{
    /// <summary>VPTracker as released: the model locates the target on every frame (identity tracker underneath).</summary>
    EveryFrame,

    /// <summary>The global re-localizer of a hybrid run: asked only while the visual tracker says it lost the target.</summary>
    Relocator,
}
