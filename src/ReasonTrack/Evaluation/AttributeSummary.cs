namespace ReasonTrack.Evaluation;

/// <summary>A tracker's aggregate over the sequences that carry one attribute.</summary>
public sealed class AttributeSummary
{
    public required string Attribute { get; init; }

    /// <summary>Short name (e.g. <c>FOC</c>) for file names.</summary>
    public required string ShortName { get; init; }

    /// <summary>Sequences with the attribute (before any zero-curve drop).</summary>
    public required int SequenceCount { get; init; }

    public required TrackerSummary Summary { get; init; }
}
