namespace ReasonTrack.Evaluation;

/// <summary>Choices of an evaluation run that are not part of a protocol's rules.</summary>
public sealed record EvaluationOptions
{
    public MissingResultPolicy Missing { get; init; } = MissingResultPolicy.Error;

    /// <summary>Overrides the protocol's own handling of empty result files (null = the protocol's).</summary>
    public EmptyResultPolicy? EmptyResults { get; init; }

    /// <summary>Sequences evaluated in parallel (null = one per core).</summary>
    public int? Parallelism { get; init; }

    /// <summary>Subset label for titles, e.g. "Testing Set".</summary>
    public string? Subset { get; init; }
}
