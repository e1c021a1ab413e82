namespace ReasonTrack.Evaluation;

/// <summary>The three curves of one-pass evaluation.</summary>
public enum CurveKind
{
    /// <summary>Fraction of frames with overlap above each threshold (x: overlap threshold 0..1).</summary>
    Success,

    /// <summary>Fraction of frames with centre error within each threshold (x: pixels 0..50).</summary>
    Precision,

    /// <summary>Fraction of frames with normalized centre error within each threshold (x: 0..0.5).</summary>
    NormalizedPrecision,
}
