namespace ReasonTrack.Media.Synthetic;

/// <summary>Outline of a <see cref="SyntheticMaskSequence"/>'s target (each rotated by the sequence's angle).</summary>
public enum SyntheticShape
{
    /// <summary>An ellipse.</summary>
    Ellipse,

    /// <summary>A rotated rectangle.</summary>
    Rectangle,

    /// <summary>A rhombus (the L1 ball): its box holds half of background.</summary>
    Diamond,
}
