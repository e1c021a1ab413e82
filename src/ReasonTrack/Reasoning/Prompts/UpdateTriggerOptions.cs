namespace ReasonTrack.Reasoning.Prompts;

/// <summary>When ReasoningTrack asks the VLM again. Defaults are the released motion trigger with no interval and no confidence rule.</summary>
public sealed record UpdateTriggerOptions
{
    /// <summary>The motion test runs on frames whose 0-based index is a multiple of this (released: every 10 frames).</summary>
    public int CheckEvery { get; init; } = 10;

    /// <summary>The released motion test (area ratio or corner displacement on check frames); off for interval-only or confidence-only runs.</summary>
    public bool Motion { get; init; } = true;

    /// <summary>Update when <c>min(area)/max(area)</c> is strictly below this.</summary>
    public double AreaRatio { get; init; } = 0.95;

    /// <summary>Update when the corner moved strictly more than image size / this.</summary>
    public double DistanceDivisor { get; init; } = 32;

    public DisplacementRule Displacement { get; init; } = DisplacementRule.EuclideanEither;

    /// <summary>Fixed interval in frames since the last update (ablation u = 50, 100, 300, 500, 1000); null = off.</summary>
    public int? Interval { get; init; }

    /// <summary>
    /// Update when score &lt; this x first-frame score; null = off. Ours: it fires at most once per
    /// <see cref="CheckEvery"/> frames since the last update, so a low-score spell does not ask on every frame.
    /// </summary>
    public double? ConfidenceDropFactor { get; init; }

    /// <summary>The released trigger.</summary>
    public static UpdateTriggerOptions Released { get; } = new();
}
