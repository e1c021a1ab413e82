namespace ReasonTrack.Evaluation;

/// <summary>
/// One tracker on one sequence under one protocol: the three per-sequence curves (fractions in [0, 1]) and what the
/// protocol did to get them.
/// </summary>
public sealed class SequenceCurves
{
    public required string Sequence { get; init; }

    /// <summary>Success curve, one value per overlap threshold.</summary>
    public required double[] Success { get; init; }

    /// <summary>Precision curve, one value per pixel threshold.</summary>
    public required double[] Precision { get; init; }

    /// <summary>Normalized precision curve, one value per normalized threshold.</summary>
    public required double[] NormalizedPrecision { get; init; }

    /// <summary>Frames in the ground truth.</summary>
    public int Frames { get; init; }

    /// <summary>Frames that entered the counts (after removing absent / excluded frames).</summary>
    public int FramesEvaluated { get; init; }

    /// <summary>The denominator used for the fractions (protocol-defined; LaSOT divides by all frames).</summary>
    public double Denominator { get; init; }

    /// <summary>Result rows the protocol repaired (NaN or non-positive size replaced by the previous row).</summary>
    public int RepairedRows { get; init; }

    /// <summary>True when the protocol skipped this sequence (its curves are then all zero, as the toolkit stores them).</summary>
    public bool Skipped { get; init; }

    /// <summary>What the protocol noticed on this sequence (truncated results, quirks reproduced).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>What the user must be told about this sequence (an optional rule applied); the evaluator surfaces these.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// Overlaps of the frames that entered the success counts, kept where a protocol pools frames across sequences
    /// (GOT-10k's AO and SR). Null otherwise.
    /// </summary>
    public double[]? FrameOverlaps { get; init; }

    /// <summary>Per-frame tracking times in seconds from the result's time file, when present.</summary>
    public double[]? FrameTimes { get; init; }

    public double[] Curve(CurveKind kind) => kind switch
    {
        CurveKind.Success => Success,
        CurveKind.Precision => Precision,
        _ => NormalizedPrecision,
    };
}
