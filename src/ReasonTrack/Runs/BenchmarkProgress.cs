using ReasonTrack.Datasets;

namespace ReasonTrack.Runs;

/// <summary>Where a <see cref="BenchmarkRun"/> stands after a sequence: the sequence just finished, how many of the sequences to track are finished, frames and seconds of tracking work so far.</summary>
public sealed record BenchmarkProgress(Sequence Sequence, int Done, int Todo, long Frames, double TrackingSeconds)
{
    /// <summary>Frames per second of tracking work so far (decoding excluded); 0 before any frame.</summary>
    public double FramesPerSecond => TrackingSeconds > 0 ? Frames / TrackingSeconds : 0;
}
