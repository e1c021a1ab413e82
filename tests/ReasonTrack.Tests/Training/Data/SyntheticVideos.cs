using ReasonTrack.Datasets;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Training.Data;

namespace ReasonTrack.Tests.Training.Data;

/// <summary>
/// Generated datasets for make-data tests that need no ../shared and no ffmpeg: sequences with a stated resolution,
/// placeholder frame paths, and a frame loader that paints each requested frame (grey background, the target's
/// box white) so crops can be checked against the pixels.
/// </summary>
internal static class SyntheticVideos
{
    public static readonly ImageSize Size = new(160, 120);

    /// <summary>A dataset of <paramref name="count"/> videos of <paramref name="frames"/> frames; a target moving on a line.</summary>
    public static Dataset Create(int count, int frames, Func<int, int, bool>? absent = null, string? language = "a white box")
    {
        var seqs = new List<Sequence>();
        for (int v = 0; v < count; v++)
        {
            var gt = new Box[frames];
            var abs = new bool[frames];
            for (int f = 0; f < frames; f++)
            {
                abs[f] = absent?.Invoke(v, f) ?? false;
                gt[f] = abs[f] ? Box.NaN : new Box(20 + f % 60 + v, 30 + (f * 7 % 40), 18 + v % 5, 14 + f % 6);
            }
            string name = $"synthetic-{v:D2}";
            var paths = Enumerable.Range(1, frames).Select(i => $"/nonexistent/{name}/{i:D8}.jpg").ToList();
            seqs.Add(new Sequence(name, gt, () => paths) { Absent = abs, Resolution = Size, Language = language });
        }
        return new Dataset("synthetic", "Synthetic", "/nonexistent", seqs);
    }

    /// <summary>The loader for <see cref="MakeDataRun.LoadFrames"/>: frame i of a path list is painted from the path's sequence boxes.</summary>
    public static Func<IReadOnlyList<string>, IEnumerable<int>, Dictionary<int, ImageFrame>> Loader(Dataset dataset) => (paths, indices) =>
    {
        var seq = dataset.Sequences.First(s => ReferenceEquals(s.Frames, paths) || s.Frames.SequenceEqual(paths));
        return indices.Distinct().ToDictionary(i => i, i => Paint(Size, seq.GroundTruth[i]));
    };

    /// <summary>An RGB image of one grey level with <paramref name="target"/> filled white (nothing when NaN).</summary>
    public static ImageFrame Paint(ImageSize size, Box target, byte background = 60)
    {
        var img = new ImageFrame(size.Width, size.Height, PixelFormat.Rgb24);
        img.Pixels.Fill(background);
        if (target.IsFinite)
            Drawing.FillRectangle(img, (int)Math.Round(target.X), (int)Math.Round(target.Y), (int)Math.Round(target.W), (int)Math.Round(target.H), Rgb.White);
        return img;
    }
}
