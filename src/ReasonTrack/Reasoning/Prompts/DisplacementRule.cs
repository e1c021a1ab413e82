namespace ReasonTrack.Reasoning.Prompts;

/// <summary>
/// How "the distance between the two top-left corners exceeds imageHeight/32 or imageWidth/32" is read. The seed facts
/// allow two readings; the literal one is the default.
/// </summary>
public enum DisplacementRule
{
    /// <summary>Euclidean corner distance &gt; H/32 or &gt; W/32, i.e. &gt; min(W, H)/32 (literal reading).</summary>
    EuclideanEither,

    /// <summary>|dx| &gt; W/32 or |dy| &gt; H/32 (per-axis reading).</summary>
    PerAxis,
}
