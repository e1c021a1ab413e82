namespace ReasonTrack.Reports.Svg;

/// <summary>The four Matlab line styles: <c>'-'</c>, <c>'--'</c>, <c>':'</c>, <c>'-.'</c>.</summary>
public enum LineStyle
{
    Solid,
    Dashed,
    Dotted,
    DashDot,
}
