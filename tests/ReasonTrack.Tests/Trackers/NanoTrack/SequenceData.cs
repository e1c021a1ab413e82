using System.Globalization;
using ReasonTrack.Geometry;

namespace ReasonTrack.Tests.Trackers.NanoTrack;

/// <summary>
/// One of shared/data/sequences: ground truth rows (<c>groundtruth_rect.txt</c>, x,y,w,h, "nan" rows where the
/// target is absent) and the frame file of each row (<c>frames.txt</c> when present, else img/ in name order).
/// </summary>
public sealed record SequenceData(string Name, IReadOnlyList<string> Frames, IReadOnlyList<Box> GroundTruth)
{
    public static readonly string[] All =
        ["Car4", "Couple", "Crossing", "Diving", "Dog", "Football1", "KiteSurf", "bag", "uav_wakeboard7", "votlt_yamaha_first530"];

    public static SequenceData Load(string name)
    {
        string dir = SharedData.Require("data/sequences/" + name);
        var gt = File.ReadAllLines(Path.Combine(dir, "groundtruth_rect.txt"))
            .Where(l => l.Trim().Length > 0)
            .Select(l =>
            {
                var v = l.Split([',', '\t', ' '], StringSplitOptions.RemoveEmptyEntries)
                    .Select(s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
                return new Box(v[0], v[1], v[2], v[3]);
            }).ToList();
        string framesFile = Path.Combine(dir, "frames.txt");
        var frames = File.Exists(framesFile)
            ? File.ReadAllLines(framesFile).Where(l => l.Trim().Length > 0).Select(f => Path.Combine(dir, "img", f.Trim())).ToList()
            : Directory.GetFiles(Path.Combine(dir, "img"), "*.jpg").Order(StringComparer.Ordinal).ToList();
        if (frames.Count != gt.Count) throw new InvalidDataException($"{name}: {frames.Count} frames for {gt.Count} ground-truth rows");
        return new SequenceData(name, frames, gt);
    }
}
