namespace ReasonTrack.Results;

/// <summary>
/// One tracker's results as found on disk: the layout detected and, per run, the file of each sequence.
/// Reading the numbers is left to the evaluation protocol, which knows how its toolkit reads them.
/// </summary>
public sealed class ResultSource
{
    public required string TrackerName { get; init; }

    /// <summary>The folder the user gave.</summary>
    public required string Directory { get; init; }

    public required ResultLayout Layout { get; init; }

    /// <summary>One entry per run (pytracking <c>_000</c>, <c>_001</c>, ...; GOT-10k <c>_001</c>, ...); usually one.</summary>
    public required IReadOnlyList<IReadOnlyDictionary<string, ResultFile>> Runs { get; init; }

    /// <summary>Sequences of the dataset with no file in at least one run.</summary>
    public required IReadOnlyList<string> Missing { get; init; }

    /// <summary>Result files that match no sequence of the dataset (a typo, another split).</summary>
    public required IReadOnlyList<string> Unmatched { get; init; }

    /// <summary>What the locator did, in words (layout detected, case-insensitive matches).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
