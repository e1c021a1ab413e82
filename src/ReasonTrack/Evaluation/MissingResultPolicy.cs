namespace ReasonTrack.Evaluation;

/// <summary>What a sequence with no result file does.</summary>
public enum MissingResultPolicy
{
    /// <summary>Stop with an error listing, per tracker, the sequences without results (the toolkits crash on them).</summary>
    Error,

    /// <summary>
    /// Evaluate only the sequences every tracker has (pytracking's <c>skip_missing_seq</c>), with a warning naming
    /// what was left out. Figures are then not comparable with full-benchmark figures.
    /// </summary>
    SkipSequence,
}
