namespace ReasonTrack.Evaluation;

/// <summary>
/// The complete outcome of one evaluation: every tracker under one protocol on one dataset. Reports are written from
/// this object only (computing and presenting are separate).
/// </summary>
public sealed class EvaluationReport
{
    /// <summary>Protocol key, e.g. <c>lasot-matlab</c>. Every printed number names it.</summary>
    public required string Protocol { get; init; }

    /// <summary>One paragraph on what the protocol does.</summary>
    public required string ProtocolDescription { get; init; }

    /// <summary>Dataset display name, e.g. "LaSOT".</summary>
    public required string Dataset { get; init; }

    /// <summary>Subset label for titles, e.g. "Testing Set".</summary>
    public string? Subset { get; init; }

    public required ThresholdGrid SuccessGrid { get; init; }
    public required ThresholdGrid PrecisionGrid { get; init; }
    public required ThresholdGrid NormalizedPrecisionGrid { get; init; }

    /// <summary>Sequence names in evaluation order.</summary>
    public required IReadOnlyList<string> Sequences { get; init; }

    /// <summary>Trackers in the order given (not ranked; reports rank by the score they show).</summary>
    public required IReadOnlyList<TrackerEvaluation> Trackers { get; init; }

    /// <summary>Warnings to show the user (quirks, repaired rows, partial results).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>When the protocol's headline for normalized precision is the area under the curve (TNL2K).</summary>
    public bool NormalizedPrecisionIsArea { get; init; }

    /// <summary>When the protocol's headline for precision is the area under the curve.</summary>
    public bool PrecisionIsArea { get; init; }

    public ThresholdGrid Grid(CurveKind kind) => kind switch
    {
        CurveKind.Success => SuccessGrid,
        CurveKind.Precision => PrecisionGrid,
        _ => NormalizedPrecisionGrid,
    };
}
