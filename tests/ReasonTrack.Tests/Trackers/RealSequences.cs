using System.Collections.Concurrent;
using ReasonTrack.Datasets;
using ReasonTrack.Media;

namespace ReasonTrack.Tests.Trackers;

/// <summary>
/// The real sequences of ../shared/data/sequences for tracker tests, read with the library itself: annotations and
/// frame files through the otb loader (which applies frames.txt), pixels through the ffmpeg frame source (whose
/// decoding Media tests check against ffmpeg run on each JPEG alone). Decoded frames are cached per test process.
/// </summary>
public static class RealSequences
{
    public static readonly string[] All =
        ["Car4", "Couple", "Crossing", "Diving", "Dog", "Football1", "KiteSurf", "bag", "uav_wakeboard7", "votlt_yamaha_first530"];

    private static readonly ConcurrentDictionary<string, Lazy<byte[][]>> Cache = new();

    /// <summary>Ground truth and frame paths of one sequence (skips the test when ../shared is absent).</summary>
    public static Sequence Annotations(string name)
    {
        SharedData.Require(Path.Combine("data", "sequences", name));
        var ds = DatasetRegistry.Get("otb").Load(SharedData.Require(Path.Combine("data", "sequences")), new DatasetLoadOptions { Sequences = [name] });
        return ds.Sequences[0];
    }

    /// <summary>The frames as grey images the caller owns (skips the test when ffmpeg is not installed).</summary>
    public static List<ImageFrame> Decode(IReadOnlyList<string> paths, out int width, out int height)
    {
        var key = string.Join('\n', paths);
        int w = 0, h = 0;
        var pixels = Cache.GetOrAdd(key, _ => new Lazy<byte[][]>(() =>
        {
            try
            {
                using var source = FfmpegFrameSource.FromImages(paths, new FrameSourceOptions { Format = PixelFormat.Gray8 });
                var list = new List<byte[]>(paths.Count);
                foreach (var f in source.ReadFrames())
                    using (f)
                    {
                        if (f.Status != FrameStatus.Ok) throw new InvalidDataException($"{f.Origin} could not be decoded");
                        list.Add(f.Pixels.ToArray());
                    }
                return list.ToArray();
            }
            catch (FfmpegNotFoundException)
            {
                return [];
            }
        })).Value;
        if (pixels.Length == 0) Assert.Skip("ffmpeg is not installed (./setup.sh installs it); these tests decode real frames with it");
        if (!ImageHeader.TryRead(File.ReadAllBytes(paths[0]), out var header)) throw new InvalidDataException($"cannot read the size of {paths[0]}");
        (w, h) = (header.Width, header.Height);
        width = w;
        height = h;
        return pixels.Select((p, i) => new ImageFrame(w, h, PixelFormat.Gray8, p) { Index = i }).ToList();
    }
}
