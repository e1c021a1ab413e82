namespace ReasonTrack.Media;

/// <summary>An 8-bit colour for drawing and padding. On gray frames its luma is used.</summary>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    public static Rgb Black => new(0, 0, 0);
    public static Rgb White => new(255, 255, 255);
    public static Rgb Red => new(255, 0, 0);
    public static Rgb Green => new(0, 255, 0);
    public static Rgb Blue => new(0, 0, 255);
    public static Rgb Yellow => new(255, 255, 0);
    public static Rgb Cyan => new(0, 255, 255);
    public static Rgb Magenta => new(255, 0, 255);

    /// <summary>BT.601 luma, the same weights <see cref="ImageOps.RgbToGray"/> uses.</summary>
    public byte Luma => (byte)((77 * R + 150 * G + 29 * B + 128) >> 8);

    /// <summary>Writes the colour in a frame's layout: 1 byte (luma) for gray, 3 for RGB.</summary>
    public void WriteTo(Span<byte> pixel, PixelFormat format)
    {
        if (format == PixelFormat.Gray8) pixel[0] = Luma;
        else { pixel[0] = R; pixel[1] = G; pixel[2] = B; }
    }
}
