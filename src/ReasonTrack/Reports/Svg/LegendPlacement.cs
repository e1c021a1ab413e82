namespace ReasonTrack.Reports.Svg;

/// <summary>Legend corner inside the axes (Matlab's 'Southwest', 'Southeast', 'Northwest', 'Northeast').</summary>
public enum LegendPlacement
{
    LowerLeft,
    LowerRight,
    UpperLeft,
    UpperRight,
}
