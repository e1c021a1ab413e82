namespace ReasonTrack.Reports.Svg;

/// <summary>One axis of a line plot: its title, range and tick spacing (ticks at <c>Min + k * TickStep</c>).</summary>
public sealed record PlotAxis(string Title, double Min, double Max, double TickStep)
{
    /// <summary>Tick values, computed as <c>Min + k * TickStep</c> and rounded to 10 decimals so labels are clean.</summary>
    public IReadOnlyList<double> Ticks()
    {
        if (!(Max > Min) || !(TickStep > 0) || !double.IsFinite(Min) || !double.IsFinite(Max))
            throw new ArgumentException($"axis '{Title}': need finite Min < Max and TickStep > 0");
        int n = (int)Math.Floor((Max - Min) / TickStep + 1e-9);
        var ticks = new List<double>(n + 1);
        for (int k = 0; k <= n; k++) ticks.Add(Math.Round(Min + k * TickStep, 10));
        return ticks;
    }
}
