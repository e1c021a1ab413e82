namespace ReasonTrack.Runs;

/// <summary>
/// A resumed run found results made by another configuration (or by an unknown one: results written before
/// configurations were recorded). The message names both configurations and the fields that differ.
/// </summary>
public sealed class RunConfigurationMismatchException : ReasonTrackException
{
    public RunConfigurationMismatchException(string message, string resultsDirectory, RunConfiguration? existing, RunConfiguration requested, IReadOnlyList<string> differences)
        : base(message)
    {
        ResultsDirectory = resultsDirectory;
        Existing = existing;
        Requested = requested;
        Differences = differences;
    }

    public string ResultsDirectory { get; }

    /// <summary>The same refusal with a front end's advice appended (e.g. which options choose another folder).</summary>
    public RunConfigurationMismatchException WithAdvice(string advice) =>
        new(Message + "\n" + advice, ResultsDirectory, Existing, Requested, Differences);

    /// <summary>The recorded configuration, or null when the results have no record.</summary>
    public RunConfiguration? Existing { get; }

    public RunConfiguration Requested { get; }

    /// <summary>"field: existing -> requested" per differing field.</summary>
    public IReadOnlyList<string> Differences { get; }
}
