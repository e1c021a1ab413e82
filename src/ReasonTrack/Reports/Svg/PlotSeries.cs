namespace ReasonTrack.Reports.Svg;

/// <summary>
/// One curve: its legend label, the points, and the score shown in the legend as <c>[0.584] label</c> (legend and
/// styles follow the score, best first; NaN ranks last and shows as <c>[n/a]</c>).
/// </summary>
public sealed record PlotSeries(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y, double Score);
