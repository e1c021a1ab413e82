namespace ReasonTrack.Media.Palette;

/// <summary>
/// What the values of a decoded single-channel PNG are, following what Pillow's <c>np.array(Image.open(path))</c>
/// returns (the DAVIS toolkit reads masks that way).
/// </summary>
public enum PngLabelKind
{
    /// <summary>Colour type 3 (palette, 1/2/4/8 bits): the palette indices, unscaled.</summary>
    PaletteIndex,

    /// <summary>Colour type 0 at 8 bits: the grey values.</summary>
    Gray8,

    /// <summary>
    /// Colour type 0 at 1 bit: Pillow's mode "1", which numpy turns into booleans (0 and 1 here).
    /// </summary>
    Bilevel,

    /// <summary>Colour type 0 at 2 or 4 bits: Pillow scales to 0..255 (2 bits x 85, 4 bits x 17); so do we.</summary>
    GrayScaled,

    /// <summary>Colour type 0 at 16 bits: Pillow's mode "I" (int32 values 0..65535).</summary>
    Gray16,
}
