namespace ReasonTrack.Training.Data;

/// <summary>What a run did, and the whole set's summary (all parts in the folder, not only this run's).</summary>
public sealed record MakeDataResult
{
    public required TrainingSetSummary Summary { get; init; }

    /// <summary>Videos assigned to this shard (after the limit).</summary>
    public int VideosInShard { get; init; }

    /// <summary>Videos skipped because their part was already on disk.</summary>
    public int Resumed { get; init; }

    /// <summary>Videos processed in this run (including those that produced no rows).</summary>
    public int Processed { get; init; }

    /// <summary>Rows written by this run.</summary>
    public int PairsThisRun { get; init; }

    /// <summary>Videos that failed (no part written: a rerun retries them), <c>name: reason</c>, ordinal order.</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];

    /// <summary>Files assembled (relative to the folder).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];
}
