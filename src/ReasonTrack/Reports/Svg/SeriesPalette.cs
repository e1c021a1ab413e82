namespace ReasonTrack.Reports.Svg;

/// <summary>
/// The colour and line style of the curve ranked <c>r</c> (0 = best), as the LaSOT toolkit's <c>plotDrawStyle</c>
/// assigns styles by rank. Ten well-separated colours times four line styles give 40 distinct combinations; rank
/// <c>r</c> gets colour <c>r mod 10</c> and style <c>(r + r div 10) mod 4</c>, so neighbouring ranks differ in both
/// colour and style and no combination repeats within 40 curves (beyond that the cycle restarts).
/// </summary>
public static class SeriesPalette
{
    /// <summary>Distinct combinations before the palette repeats.</summary>
    public const int Size = 40;

    private static readonly string[] Colours =
    [
        "#d62728", // red
        "#1f77b4", // blue
        "#2ca02c", // green
        "#000000", // black
        "#ff7f0e", // orange
        "#9467bd", // purple
        "#17becf", // cyan
        "#8c564b", // brown
        "#e377c2", // magenta
        "#7f7f00", // olive (darkened to stay visible when dotted)
    ];

    private static readonly LineStyle[] Lines = [LineStyle.Solid, LineStyle.Dashed, LineStyle.Dotted, LineStyle.DashDot];

    public static SeriesStyle At(int rank)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        int r = rank % Size;
        return new SeriesStyle(Colours[r % Colours.Length], Lines[(r + r / Colours.Length) % Lines.Length]);
    }
}
