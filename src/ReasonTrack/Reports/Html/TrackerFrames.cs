using ReasonTrack.Geometry;

namespace ReasonTrack.Reports.Html;

/// <summary>What one tracker gave on one sequence, as the sequence page reads it from its result files.</summary>
public sealed class TrackerFrames
{
    /// <summary>Display name, as in the leaderboard.</summary>
    public required string Tracker { get; init; }

    /// <summary>Colour of the tracker on every page (<c>#rrggbb</c>, by leaderboard rank).</summary>
    public required string Colour { get; init; }

    /// <summary>The result file the boxes were read from (the first run's, when there are several).</summary>
    public required string ResultPath { get; init; }

    /// <summary>One box per result row (index 0 = frame 1), read as the protocol reads the file.</summary>
    public required Box[] Boxes { get; init; }

    /// <summary>Per-frame confidence from <c>&lt;seq&gt;_scores.txt</c> beside the result file (ReasonTrack's runs); null when absent.</summary>
    public double[]? Scores { get; init; }

    /// <summary>The reasoning timeline of this tracker on this sequence, when its run kept one; null otherwise.</summary>
    public ReasoningTimeline? Reasoning { get; init; }
}
