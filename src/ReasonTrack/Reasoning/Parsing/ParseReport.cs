namespace ReasonTrack.Reasoning.Parsing;

/// <summary>
/// What happened while reading one model reply: an outcome, the issues noticed and a short human-readable account.
/// Parsers never throw on bad model output; they return this so the caller can log and count failures.
/// </summary>
public sealed class ParseReport
{
    internal ParseReport(ParseOutcome outcome, IReadOnlyList<ParseIssue> issues, string message)
    {
        Outcome = outcome;
        Issues = issues;
        Message = message;
    }

    public ParseOutcome Outcome { get; }

    /// <summary>Issues in the order they were noticed, each at most once.</summary>
    public IReadOnlyList<ParseIssue> Issues { get; }

    /// <summary>Semicolon-separated notes (empty when the reply was read as is).</summary>
    public string Message { get; }

    public bool Has(ParseIssue issue) => Issues.Contains(issue);

    public override string ToString() => Message.Length == 0 ? Outcome.ToString() : $"{Outcome}: {Message}";
}
