namespace ReasonTrack.Reasoning.Modes;

/// <summary>The reasoning systems <c>--reasoner</c> selects.</summary>
public enum ReasonerKind
{
    /// <summary>ReasoningTrack: visual tracker every frame + description refiner.</summary>
    ReasoningTrack,

    /// <summary>R1-Track: the VLM is the tracker (template and search crops).</summary>
    R1Track,

    /// <summary>VPTracker: the VLM searches the whole frame on every frame, guided by the red rectangle.</summary>
    VpTracker,

    /// <summary>TrackGPT-style: an implicit instruction is grounded, the visual tracker follows, rethinking on score drops.</summary>
    Instruction,

    /// <summary>Visual tracker + VPTracker re-localization when it is lost + description refiner (when there is a description).</summary>
    Hybrid,
}
