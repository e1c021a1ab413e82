namespace ReasonTrack.Results;

/// <summary>Where one run of one tracker on one sequence is stored.</summary>
public sealed record ResultFile(string Sequence, string Path, string? TimePath)
{
    /// <summary>How the file name was matched to the sequence name (<c>exact</c>, <c>case-insensitive</c>).</summary>
    public string MatchedBy { get; init; } = "exact";
}
