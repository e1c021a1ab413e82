using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Media.Synthetic;
using ReasonTrack.Trackers;
using ReasonTrack.Trackers.NanoTrack;

namespace ReasonTrack.Tests.Trackers.NanoTrack;

/// <summary>
/// The long-term layer (ours, issue 15 item 3) against ground truth: absent frames of VOT-LT yamaha (a held-out
/// sequence: the presence model was fitted without it) and a generated sequence with a full occlusion after which
/// the target reappears elsewhere (seed 101, not one of the calibration seeds 1-4).
/// </summary>
public sealed class NanoTrackLongTermTests
{
    private static NanoTrackTracker Create(bool ours)
    {
        SharedData.Require("models/nanotrack/v2");
        var factory = new NanoTrackFactory(NanoTrackVersion.V2);
        var settings = ours ? new Dictionary<string, string> { ["long-term"] = "ours" } : new Dictionary<string, string>();
        return new NanoTrackTracker(factory.ParseOptions(settings, new TrackerContext()));
    }

    private static List<TrackResult> Run(NanoTrackTracker tracker, IEnumerable<ImageFrame> frames, Box first)
    {
        var results = new List<TrackResult>();
        bool init = true;
        foreach (var f in frames)
            using (f)
            {
                if (init) { tracker.Initialize(f, first); init = false; }
                else results.Add(tracker.Update(f));
            }
        return results;
    }

    [Fact]
    public void YamahaAbsentFramesAreReportedLost()
    {
        var seq = RealSequences.Annotations("votlt_yamaha_first530");
        var paths = seq.Frames.Take(seq.Length).ToList();
        IEnumerable<ImageFrame> Frames() => FfmpegFrameSource.FromImages(paths, new FrameSourceOptions { Format = PixelFormat.Rgb24 }).ReadFrames();
        var gt = seq.GroundTruth;
        using var released = Create(false);
        using var ours = Create(true);
        var r0 = Run(released, Frames(), gt[0]);
        var r1 = Run(ours, Frames(), gt[0]);
        var absent = Enumerable.Range(1, gt.Length - 1).Where(i => gt[i].HasNaN).ToList();
        absent.Count.ShouldBe(88); // four 22-frame out-of-view spans (provenance.txt)
        double Recall(List<TrackResult> r) => absent.Count(i => !r[i - 1].Found) / (double)absent.Count;
        double Precision(List<TrackResult> r) => absent.Count(i => !r[i - 1].Found) / (double)Math.Max(1, r.Count(x => !x.Found));
        Recall(r0).ShouldBeLessThan(0.2, "the released score stays high while the target is out of view");
        Recall(r1).ShouldBeGreaterThan(0.85);
        Precision(r1).ShouldBeGreaterThan(0.85);
        ours.LongTerm!.Reacquisitions.ShouldBeGreaterThanOrEqualTo(3, "the bike comes back after each of the first three spans");
    }

    [Fact]
    public void GeneratedOcclusionReacquiresAtTheNewPlace()
    {
        var o = new SyntheticSequenceOptions { Seed = 101, Frames = 3000, Occlusion = (1200, 1350), ReappearMirrored = true };
        var syn = new SyntheticSequence(o);
        IEnumerable<ImageFrame> Frames()
        {
            for (int i = 0; i < o.Frames; i++)
            {
                var f = new ImageFrame(o.Width, o.Height, o.Format);
                syn.Render(i, f);
                yield return f;
            }
        }
        // The target reappears far from where it was hidden: a local search cannot find it.
        var (hx, hy) = syn.GroundTruth[1199].Center;
        var (ax, ay) = syn.GroundTruth[1350].Center;
        Math.Sqrt((hx - ax) * (hx - ax) + (hy - ay) * (hy - ay)).ShouldBeGreaterThan(3 * Math.Max(o.TargetWidth, o.TargetHeight));
        using var released = Create(false);
        using var ours = Create(true);
        var r0 = Run(released, Frames(), syn.GroundTruth[0]);
        var r1 = Run(ours, Frames(), syn.GroundTruth[0]);
        double After(List<TrackResult> r) => Enumerable.Range(1450, 1550).Average(i => Overlap.Iou(r[i - 1].Box, syn.GroundTruth[i]));
        Enumerable.Range(1200, 150).Count(i => !r1[i - 1].Found).ShouldBeGreaterThan(140, "lost while hidden");
        After(r1).ShouldBeGreaterThan(0.5, "re-acquired at the new place");
        After(r0).ShouldBeLessThan(0.2, "the released tracker does not re-detect");
    }

    [Fact]
    public void RedetectionAllocatesNothing()
    {
        var o = new SyntheticSequenceOptions { Seed = 101, Frames = 3000, Occlusion = (1200, 1350), ReappearMirrored = true };
        var syn = new SyntheticSequence(o);
        var frames = Enumerable.Range(1190, 80).Select(i => { var f = new ImageFrame(o.Width, o.Height, o.Format); syn.Render(i, f); return f; }).ToList();
        using var tracker = Create(true);
        tracker.Initialize(frames[0], syn.GroundTruth[1190]);
        for (int i = 1; i < 25; i++) tracker.Update(frames[i]); // hidden from frame 1200: lost, then searching
        tracker.LongTerm!.IsRedetecting.ShouldBeTrue();
        int next = 0;
        AllocationProbe.SteadyStateBytes(() => tracker.Update(frames[25 + next++ % 50]), callsPerWindow: 5, windows: 4).ShouldBe(0);
        tracker.LongTerm.IsRedetecting.ShouldBeTrue();
    }
}
