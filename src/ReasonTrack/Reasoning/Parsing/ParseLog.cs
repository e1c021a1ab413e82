namespace ReasonTrack.Reasoning.Parsing;

/// <summary>Collects issues and notes while a parser runs, then freezes them into a <see cref="ParseReport"/>.</summary>
internal sealed class ParseLog
{
    private readonly List<ParseIssue> _issues = [];
    private readonly List<string> _notes = [];
    private bool _repaired;
    private bool _fallback;

    /// <summary>Notes an issue that did not change the result (informational).</summary>
    public void Note(ParseIssue issue, string note)
    {
        if (!_issues.Contains(issue)) _issues.Add(issue);
        _notes.Add(note);
    }

    /// <summary>Notes an issue that was tolerated: the value is still used.</summary>
    public void Repair(ParseIssue issue, string note)
    {
        Note(issue, note);
        _repaired = true;
    }

    /// <summary>Notes an issue that made a default or previous value stand in.</summary>
    public void Fallback(ParseIssue issue, string note)
    {
        Note(issue, note);
        _fallback = true;
    }

    public bool IsFallback => _fallback;

    public bool HasIssue(ParseIssue issue) => _issues.Contains(issue);

    public ParseReport ToReport()
    {
        var outcome = _fallback ? ParseOutcome.Fallback : _repaired || _issues.Count > 0 ? ParseOutcome.Repaired : ParseOutcome.Ok;
        return new ParseReport(outcome, _issues.ToArray(), string.Join("; ", _notes));
    }
}
