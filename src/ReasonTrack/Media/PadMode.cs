namespace ReasonTrack.Media;

/// <summary>What fills the part of a crop that lies outside the image.</summary>
public enum PadMode
{
    /// <summary>Black.</summary>
    Zero,

    /// <summary>The frame's mean colour per channel (SiamFC/SiamRPN/OSTrack crops), so padding carries no edge.</summary>
    Mean,
}
