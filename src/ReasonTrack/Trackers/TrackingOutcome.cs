using ReasonTrack.Geometry;

namespace ReasonTrack.Trackers;

/// <summary>What one tracker produced on one sequence: one row per frame.</summary>
public sealed class TrackingOutcome
{
    public required string Sequence { get; init; }
    public required string Tracker { get; init; }

    /// <summary>Boxes (frame 1 = the initial box).</summary>
    public required Box[] Boxes { get; init; }

    /// <summary>Confidence per frame (frame 1: 1; frames that could not be read: NaN).</summary>
    public required double[] Scores { get; init; }

    /// <summary>Whether the tracker reported the target in view.</summary>
    public required bool[] Found { get; init; }

    /// <summary>Seconds of tracking work per frame (initialization on frame 1, update after), decoding excluded.</summary>
    public required double[] Times { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public int Frames => Boxes.Length;

    /// <summary>Frames per second of tracking work alone (frames 2..N).</summary>
    public double TrackingFramesPerSecond
    {
        get
        {
            double t = 0;
            for (int i = 1; i < Times.Length; i++) t += Times[i];
            return t > 0 ? (Times.Length - 1) / t : double.NaN;
        }
    }
}
