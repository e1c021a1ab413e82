namespace ReasonTrack.Evaluation;

/// <summary>Choices of an evaluation run that are not part of a protocol's rules.</summary>
public sealed record EvaluationOptions
{
    public MissingResultPolicy Missing { get; init; } = MissingResultPolicy.Error;

    /// <summary>Overrides the protocol's own handling of empty result files (null = the protocol's).</summary>
    public EmptyResultPolicy? EmptyResults { get; init; }

    /// <summary>Sequences evaluated in parallel (null = one per core).</summary>
    public int? Parallelism { get; init; }

    /// <summary>
    /// Lines of one result file read by a lenient rule (a row padded or widened as dlmread does, a blank line
    /// skipped, <c>inf</c>) each get a warning naming <c>file:line</c>; at most this many per file are listed, then a count.
    /// </summary>
    public int MaxRowWarningsPerFile { get; init; } = 5;

    /// <summary>Subset label for titles, e.g. "Testing Set".</summary>
    public string? Subset { get; init; }
}
