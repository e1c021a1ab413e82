using System.Globalization;
using ReasonTrack.Geometry;

namespace ReasonTrack.Benchmarks;

/// <summary>The boxes of a shared sequence's <c>groundtruth_rect.txt</c> (comma, space or tab separated), for the crop benches.</summary>
internal static class SequenceBoxes
{
    public static List<Box> Read(string sequenceFolder) =>
        File.ReadLines(Path.Combine(sequenceFolder, "groundtruth_rect.txt"))
            .Select(l => l.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .Select(v => new Box(v[0], v[1], v[2], v[3])).ToList();
}
