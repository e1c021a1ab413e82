using ReasonTrack.Geometry.Masks;
using ReasonTrack.Media.Palette;

namespace ReasonTrack.Media;

/// <summary>
/// Draws masks on frames in place (ours, issue 16 item 5): a translucent fill (each target pixel blended with the
/// colour, <c>out = (src * (256 - a) + colour * a + 128) &gt;&gt; 8</c>, <c>a = round(Opacity * 256)</c>) and an opaque
/// outline: the target pixels with a non-target pixel within <see cref="OutlineWidth"/> steps left, right, up or down
/// (the image border is not an edge). Per-object colours default to the DAVIS palette (<see cref="ColourOf"/>), so the
/// video shows each object in the colour its PNG has. Plain pixel code on the frame buffer, independent of the
/// box/label drawing; allocation-free per frame once the first frame sized the scratch buffer. Not thread-safe.
/// </summary>
public sealed class MaskOverlay
{
    private byte[] _dense = [];

    /// <summary>Opacity of the fill, 0 (none) to 1 (the colour).</summary>
    public double Opacity { get; init; } = 0.45;

    /// <summary>Outline thickness in pixels (0: no outline).</summary>
    public int OutlineWidth { get; init; } = 2;

    /// <summary>The colour of object <paramref name="objectId"/>: its DAVIS palette entry (1 = (128, 0, 0), 2 = (0, 128, 0), ...).</summary>
    public static Rgb ColourOf(int objectId)
    {
        var (r, g, b) = DavisPalette.Color(objectId & 0xff);
        return new Rgb(r, g, b);
    }

    /// <summary>Overlays <paramref name="mask"/> (the frame's size) on <paramref name="frame"/> in <paramref name="colour"/>.</summary>
    public void Draw(ImageFrame frame, Mask mask, Rgb colour)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(mask);
        if (mask.Width != frame.Width || mask.Height != frame.Height)
            throw new ArgumentException($"the mask is {mask.Width}x{mask.Height}, the frame {frame.Width}x{frame.Height}", nameof(mask));
        if (!(Opacity >= 0 && Opacity <= 1)) throw new InvalidOperationException($"MaskOverlay.Opacity must be in [0, 1], got {Opacity}");
        if (mask.IsEmpty) return;
        int w = frame.Width, h = frame.Height, ch = frame.Channels, t = OutlineWidth;
        if (t > 0)
        {
            if (_dense.Length != w * h) _dense = new byte[w * h];
            mask.CopyTo(_dense);
        }
        int a = (int)Math.Round(Opacity * 256);
        Span<byte> c = stackalloc byte[3];
        colour.WriteTo(c, frame.Format);
        var px = frame.Pixels;
        var runs = mask.Runs;
        int p = 0;
        for (int i = 0; i < runs.Length; i++)
        {
            int n = runs[i];
            if ((i & 1) == 1)
            {
                for (int q = p; q < p + n; q++)
                {
                    int o = q * ch;
                    if (t > 0 && OnEdge(q % w, q / w, w, h, t))
                        for (int k = 0; k < ch; k++) px[o + k] = c[k];
                    else
                        for (int k = 0; k < ch; k++) px[o + k] = (byte)((px[o + k] * (256 - a) + c[k] * a + 128) >> 8);
                }
            }
            p += n;
        }
    }

    private bool OnEdge(int x, int y, int w, int h, int t)
    {
        var m = _dense;
        int p = y * w + x;
        for (int d = 1; d <= t; d++)
        {
            if (x - d >= 0 && m[p - d] == 0) return true;
            if (x + d < w && m[p + d] == 0) return true;
            if (y - d >= 0 && m[p - d * w] == 0) return true;
            if (y + d < h && m[p + d * w] == 0) return true;
        }
        return false;
    }
}
