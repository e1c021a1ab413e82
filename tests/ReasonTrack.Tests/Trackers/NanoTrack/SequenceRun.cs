using System.Diagnostics;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Trackers.NanoTrack;

/// <summary>
/// A tracker run over a decoded sequence: initialised on row 0's ground truth, updated on every later frame. Only
/// <see cref="ITracker.Update"/> is timed (crop, both networks of the search branch, decode), not JPEG decoding.
/// </summary>
public sealed record SequenceRun(string Sequence, IReadOnlyList<TrackResult> Results, IReadOnlyList<double> Iou, double UpdateMilliseconds)
{
    /// <summary>Mean continuous IoU over frames 1.. whose ground truth is present.</summary>
    public double MeanIou => Iou.Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Average();

    public double MsPerFrame => UpdateMilliseconds / Math.Max(1, Results.Count);

    public double FramesPerSecond => 1000 / MsPerFrame;

    public static SequenceRun Track(ITracker tracker, SequenceData seq, IReadOnlyList<ImageFrame> frames)
    {
        tracker.Initialize(frames[0], seq.GroundTruth[0]);
        var results = new List<TrackResult>(frames.Count);
        var iou = new List<double>(frames.Count);
        long ticks = 0;
        for (int i = 1; i < frames.Count; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            var r = tracker.Update(frames[i]);
            ticks += Stopwatch.GetTimestamp() - t0;
            results.Add(r);
            iou.Add(Overlap.Iou(r.Box, seq.GroundTruth[i]));
        }
        return new SequenceRun(seq.Name, results, iou, ticks * 1000.0 / Stopwatch.Frequency);
    }
}
