namespace ReasonTrack.Media.Palette;

/// <summary>
/// The 256-colour palette of DAVIS annotation PNGs, the PASCAL VOC colour map: entry i takes its bits, from the low
/// end, three at a time into the high bits of R, G and B (0 black, 1 (128,0,0), 2 (0,128,0), 3 (128,128,0), ...,
/// 255 (224,224,192)). Checked against the palette of DAVIS-layout files.
/// </summary>
public static class DavisPalette
{
    private static readonly byte[] Rgb = Build();

    /// <summary>768 bytes: R, G, B of entries 0..255.</summary>
    public static ReadOnlySpan<byte> Colors => Rgb;

    /// <summary>The colour of entry <paramref name="index"/>.</summary>
    public static (byte R, byte G, byte B) Color(int index) => (Rgb[3 * index], Rgb[3 * index + 1], Rgb[3 * index + 2]);

    private static byte[] Build()
    {
        var p = new byte[768];
        for (int i = 0; i < 256; i++)
        {
            int r = 0, g = 0, b = 0, c = i;
            for (int j = 0; j < 8; j++)
            {
                r |= ((c >> 0) & 1) << (7 - j);
                g |= ((c >> 1) & 1) << (7 - j);
                b |= ((c >> 2) & 1) << (7 - j);
                c >>= 3;
            }
            p[3 * i] = (byte)r;
            p[3 * i + 1] = (byte)g;
            p[3 * i + 2] = (byte)b;
        }
        return p;
    }
}
