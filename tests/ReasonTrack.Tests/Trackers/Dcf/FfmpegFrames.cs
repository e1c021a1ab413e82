using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Tests.Trackers.Dcf;

/// <summary>A real sequence decoded to grey frames, with one ground-truth box per frame.</summary>
public sealed record DecodedSequence(string Name, int Width, int Height, byte[][] Frames, Box[] GroundTruth)
{
    public ImageFrame Frame(int i) => new(Width, Height, PixelFormat.Gray8, Frames[i]) { Index = i };
}

/// <summary>Loads a shared sequence for the DCF tests (through <see cref="RealSequences"/>).</summary>
public static class FfmpegFrames
{
    public static DecodedSequence Load(string sequence)
    {
        var s = RealSequences.Annotations(sequence);
        var frames = RealSequences.Decode(s.Frames.Take(s.Length).ToList(), out int w, out int h);
        return new DecodedSequence(sequence, w, h, frames.Select(f => f.Data).ToArray(), s.GroundTruth);
    }
}
