namespace ReasonTrack.Evaluation.Masks;

/// <summary>One object's summary of a per-frame measure (J or F): Mean, Recall (fraction above 0.5), Decay.</summary>
public sealed record DavisStatistic(double Mean, double Recall, double Decay);
