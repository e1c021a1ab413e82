namespace ReasonTrack.Reports.Svg;

/// <summary>How one curve is drawn: a colour (<c>#rrggbb</c>) and a line style.</summary>
public readonly record struct SeriesStyle(string Colour, LineStyle Line)
{
    /// <summary>The SVG <c>stroke-dasharray</c> for <see cref="Line"/> (null for solid), scaled for a 2 px stroke.</summary>
    public string? DashArray => Line switch
    {
        LineStyle.Dashed => "7 4",
        LineStyle.Dotted => "2 3",
        LineStyle.DashDot => "8 3 2 3",
        _ => null,
    };
}
