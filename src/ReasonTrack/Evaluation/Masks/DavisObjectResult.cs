namespace ReasonTrack.Evaluation.Masks;

/// <summary>One object of one sequence: per-frame J and F over the scored frames and their statistics.</summary>
public sealed record DavisObjectResult
{
    public required string Sequence { get; init; }

    /// <summary>The object id (1-based, the PNG value).</summary>
    public required int ObjectId { get; init; }

    /// <summary>The toolkit's key, <c>&lt;seq&gt;_&lt;k&gt;</c>.</summary>
    public string Key => $"{Sequence}_{ObjectId}";

    /// <summary>The scored frame ids (annotation names without extension), parallel to <see cref="JPerFrame"/>.</summary>
    public required IReadOnlyList<string> FrameIds { get; init; }

    public required double[] JPerFrame { get; init; }

    public required double[] FPerFrame { get; init; }

    public required DavisStatistic J { get; init; }

    public required DavisStatistic F { get; init; }

    /// <summary>The counts behind each frame's J and F (null when not kept).</summary>
    public DavisFrameCounts[]? Counts { get; init; }
}
