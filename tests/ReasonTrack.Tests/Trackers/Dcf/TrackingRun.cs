using System.Diagnostics;
using ReasonTrack.Geometry;
using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Trackers.Dcf;

/// <summary>Result of replaying one sequence: boxes per frame, AUC under the OTB rule, tracking speed.</summary>
public sealed record TrackingRun(TrackResult[] Results, double Auc, double FramesPerSecond)
{
    /// <summary>
    /// Runs a tracker over the sequence (initialised on frame 0's ground truth) and scores it with the OTB success
    /// rule: success(t) = fraction of frames with IoU &gt; t, t = 0, 0.05, ..., 1, AUC = mean of the 21 values, frames
    /// with NaN ground truth left out. The first frame counts (with its perfect box), as in OTB. Speed counts
    /// Update calls only.
    /// </summary>
    public static TrackingRun Replay(ITracker tracker, DecodedSequence seq, Func<int, byte[]>? frameOverride = null)
    {
        var results = new TrackResult[seq.Frames.Length];
        using (var f0 = seq.Frame(0)) tracker.Initialize(f0, seq.GroundTruth[0]);
        results[0] = new TrackResult(seq.GroundTruth[0], double.PositiveInfinity, true);
        var sw = new Stopwatch();
        for (int i = 1; i < seq.Frames.Length; i++)
        {
            using var f = new global::ReasonTrack.Media.ImageFrame(seq.Width, seq.Height, global::ReasonTrack.Media.PixelFormat.Gray8, frameOverride?.Invoke(i) ?? seq.Frames[i]) { Index = i };
            sw.Start();
            results[i] = tracker.Update(f);
            sw.Stop();
        }
        double fps = (seq.Frames.Length - 1) / Math.Max(sw.Elapsed.TotalSeconds, 1e-9);
        return new TrackingRun(results, OtbAuc(results.Select(r => r.Box).ToArray(), seq.GroundTruth), fps);
    }

    public static double OtbAuc(Box[] predicted, Box[] truth)
    {
        var ious = new List<double>();
        for (int i = 0; i < truth.Length; i++)
        {
            if (truth[i].HasNaN) continue;
            double v = Overlap.Iou(predicted[i], truth[i]);
            ious.Add(double.IsNaN(v) ? 0 : v);
        }
        double total = 0;
        for (int k = 0; k <= 20; k++)
        {
            double t = k * 0.05;
            total += ious.Count(v => v > t) / (double)ious.Count;
        }
        return total / 21;
    }
}
