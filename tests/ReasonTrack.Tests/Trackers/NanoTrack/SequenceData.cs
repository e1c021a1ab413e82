using ReasonTrack.Geometry;

namespace ReasonTrack.Tests.Trackers.NanoTrack;

/// <summary>One of shared/data/sequences: the frame file and ground-truth box of each row (read by <see cref="RealSequences"/>).</summary>
public sealed record SequenceData(string Name, IReadOnlyList<string> Frames, IReadOnlyList<Box> GroundTruth)
{
    public static readonly string[] All = RealSequences.All;

    public static SequenceData Load(string name)
    {
        var s = RealSequences.Annotations(name);
        if (s.Frames.Count < s.Length) throw new InvalidDataException($"{name}: {s.Frames.Count} frames for {s.Length} ground-truth rows");
        return new SequenceData(name, s.Frames.Take(s.Length).ToList(), s.GroundTruth);
    }
}
