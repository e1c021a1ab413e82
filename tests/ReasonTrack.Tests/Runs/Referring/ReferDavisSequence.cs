using ReasonTrack.Media;
using ReasonTrack.Media.Palette;

namespace ReasonTrack.Tests.Runs.Referring;

/// <summary>
/// A generated Refer-DAVIS17 folder (DAVIS 2017 layout + <c>davis_text_annotations/Davis17_annot1.txt</c>): one video,
/// <c>balls</c>, <see cref="Frames"/> JPEG frames of <see cref="Width"/>x<see cref="Height"/> (multiples of 28, so
/// Qwen2.5-VL's smart resize keeps the size) of a static grey noise texture with a red disc (object 1, "the red ball")
/// moving right and a blue disc (object 2, "the blue ball") moving left and down, never overlapping; the annotation
/// PNGs are the discs' pixels exactly. No third-party data.
/// </summary>
internal sealed class ReferDavisSequence : IDisposable
{
    public const int Width = 224, Height = 168, Frames = 12, Radius = 14;
    public const string Video = "balls";
    public static readonly (byte R, byte G, byte B) Red = (220, 30, 30), Blue = (30, 60, 220);

    public ReferDavisSequence()
    {
        Root = Directory.CreateTempSubdirectory("rt-refdavis-").FullName;
        string images = Path.Combine(Root, "JPEGImages", "480p", Video), annotations = Path.Combine(Root, "Annotations", "480p", Video);
        Directory.CreateDirectory(images);
        Directory.CreateDirectory(annotations);
        Directory.CreateDirectory(Path.Combine(Root, "ImageSets", "2017"));
        File.WriteAllText(Path.Combine(Root, "ImageSets", "2017", "val.txt"), Video + "\n");
        Directory.CreateDirectory(Path.Combine(Root, "davis_text_annotations"));
        File.WriteAllText(Path.Combine(Root, "davis_text_annotations", "Davis17_annot1.txt"), $"{Video} 1 \"the red ball\"\n{Video} 2 \"the blue ball\"\n");
        var rng = new Random(16);
        var texture = new byte[Width * Height];
        for (int i = 0; i < texture.Length; i++) texture[i] = (byte)rng.Next(90, 150);
        for (int f = 0; f < Frames; f++)
        {
            var rgb = new byte[Width * Height * 3];
            var labels = new byte[Width * Height];
            for (int i = 0; i < texture.Length; i++) rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = texture[i];
            var (c1, c2) = Centres(f);
            for (int y = 0; y < Height; y++)
                for (int x = 0; x < Width; x++)
                {
                    int i = y * Width + x;
                    if (Inside(x, y, c1)) { labels[i] = 1; (rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]) = Red; }
                    else if (Inside(x, y, c2)) { labels[i] = 2; (rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]) = Blue; }
                }
            string name = f.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
            File.WriteAllBytes(Path.Combine(images, name + ".jpg"), JpegEncoder.Encode(rgb, Width, Height, PixelFormat.Rgb24, 95));
            IndexedPngWriter.Write(Path.Combine(annotations, name + ".png"), labels, Width, Height);
            Labels.Add(labels);
        }
    }

    public string Root { get; }

    /// <summary>The annotation label maps, per frame (raster order).</summary>
    public List<byte[]> Labels { get; } = [];

    /// <summary>The discs' centres in frame <paramref name="f"/>: red moves +3 px/frame in x, blue -3 in x and +1 in y.</summary>
    public static ((int X, int Y) Red, (int X, int Y) Blue) Centres(int f) => ((50 + 3 * f, 60), (170 - 3 * f, 100 + f));

    private static bool Inside(int x, int y, (int X, int Y) c) => (x - c.X) * (x - c.X) + (y - c.Y) * (y - c.Y) <= Radius * Radius;

    /// <summary>
    /// The J of the disc's tight box as its mask (the IoU of the box with the disc), averaged over the frames davis2017
    /// scores (all but the first and last), from the generated geometry: what a perfectly grounded and tracked box scores.
    /// </summary>
    public double TightBoxJ(byte id) => ScoredMean(f =>
    {
        var (x0, y0, x1, y1, area) = Extent(f, id);
        return (double)area / ((x1 - x0 + 1) * (y1 - y0 + 1));
    });

    /// <summary>
    /// The best J any box can score on the disc (searched over boxes around its centre, half-sides 6..16 px, centre
    /// offsets -1..1 px), averaged like <see cref="TightBoxJ"/>: an upper bound of every box-shaped mask (a box smaller
    /// than the tight one can overlap a disc better).
    /// </summary>
    public double BestBoxJ(byte id) => ScoredMean(f =>
    {
        var (x0, y0, x1, y1, area) = Extent(f, id);
        int cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
        double best = 0;
        for (int dx = -1; dx <= 1; dx++)
            for (int dy = -1; dy <= 1; dy++)
                for (int hx = 6; hx <= 16; hx++)
                    for (int hy = 6; hy <= 16; hy++)
                    {
                        int inter = 0;
                        for (int y = cy + dy - hy; y <= cy + dy + hy; y++)
                            for (int x = cx + dx - hx; x <= cx + dx + hx; x++)
                                if (x >= 0 && y >= 0 && x < Width && y < Height && Labels[f][y * Width + x] == id) inter++;
                        int box = (2 * hx + 1) * (2 * hy + 1);
                        best = Math.Max(best, (double)inter / (area + box - inter));
                    }
        return best;
    });

    private (int X0, int Y0, int X1, int Y1, int Area) Extent(int f, byte id)
    {
        int area = 0, x0 = int.MaxValue, x1 = -1, y0 = int.MaxValue, y1 = -1;
        for (int i = 0; i < Labels[f].Length; i++)
        {
            if (Labels[f][i] != id) continue;
            area++;
            int x = i % Width, y = i / Width;
            x0 = Math.Min(x0, x); x1 = Math.Max(x1, x); y0 = Math.Min(y0, y); y1 = Math.Max(y1, y);
        }
        return (x0, y0, x1, y1, area);
    }

    private static double ScoredMean(Func<int, double> perFrame)
    {
        double sum = 0;
        for (int f = 1; f < Frames - 1; f++) sum += perFrame(f);
        return sum / (Frames - 2);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
