namespace ReasonTrack.Evaluation;

/// <summary>Everything computed for one tracker under one protocol.</summary>
public sealed class TrackerEvaluation
{
    /// <summary>Display name (the results folder's name unless given as <c>name=dir</c>).</summary>
    public required string Tracker { get; init; }

    /// <summary>Per-sequence curves in evaluation order (averaged over runs when there are several).</summary>
    public required IReadOnlyList<SequenceCurves> Sequences { get; init; }

    public required TrackerSummary Overall { get; init; }

    /// <summary>Per-attribute aggregates, in the benchmark's attribute order (attributes with too few sequences omitted).</summary>
    public IReadOnlyList<AttributeSummary> PerAttribute { get; init; } = [];

    /// <summary>Number of runs averaged (pytracking's <c>_000</c>, <c>_001</c>, ... folders).</summary>
    public int Runs { get; init; } = 1;

    /// <summary>Sequences the protocol skipped for this tracker.</summary>
    public IReadOnlyList<string> SkippedSequences { get; init; } = [];

    /// <summary>Where the results came from and how they were matched.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
