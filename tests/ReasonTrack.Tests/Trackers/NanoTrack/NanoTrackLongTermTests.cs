using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Media.Synthetic;
using ReasonTrack.Trackers;
using ReasonTrack.Trackers.NanoTrack;

namespace ReasonTrack.Tests.Trackers.NanoTrack;

/// <summary>
/// The long-term layer (ours, issue 15 item 3) against ground truth: absent frames of VOT-LT yamaha (a held-out
/// sequence: the presence model was fitted without it) and a generated sequence with a full occlusion after which
/// the target reappears elsewhere (seed 101, not one of the calibration seeds 1-4), and a present target the lost
/// signal flags wrongly (Crossing, tuning half).
/// </summary>
public sealed class NanoTrackLongTermTests
{
    private static NanoTrackTracker Create(bool ours, NanoTrackVersion version = NanoTrackVersion.V2)
    {
        SharedData.Require($"models/nanotrack/v{(int)version}");
        var factory = new NanoTrackFactory(version);
        var settings = ours ? new Dictionary<string, string> { ["long-term"] = "ours" } : new Dictionary<string, string>();
        return new NanoTrackTracker(factory.ParseOptions(settings, new TrackerContext()));
    }

    private static List<TrackResult> Run(NanoTrackTracker tracker, IEnumerable<ImageFrame> frames, Box first) => Run(tracker, frames, first, out _);

    /// <param name="firstJump">Index into the results of the first frame re-acquired by a jump (-1: none).</param>
    private static List<TrackResult> Run(NanoTrackTracker tracker, IEnumerable<ImageFrame> frames, Box first, out int firstJump)
    {
        var results = new List<TrackResult>();
        firstJump = -1;
        bool init = true;
        foreach (var f in frames)
            using (f)
            {
                if (init) { tracker.Initialize(f, first); init = false; }
                else
                {
                    results.Add(tracker.Update(f));
                    if (firstJump < 0 && tracker.LongTerm is { Reacquisitions: > 0 }) firstJump = results.Count - 1;
                }
            }
        return results;
    }

    private static void SameBoxes(List<TrackResult> ours, List<TrackResult> released, int count)
    {
        for (int i = 0; i < count; i++)
        {
            var (a, b) = (ours[i].Box, released[i].Box);
            (Math.Abs(a.X - b.X) + Math.Abs(a.Y - b.Y) + Math.Abs(a.W - b.W) + Math.Abs(a.H - b.H)).ShouldBeLessThan(1e-6, $"frame {i + 1}: ours {a}, released {b}");
        }
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
        // The bike comes back after each of the first three spans (the fourth runs to the end of this excerpt or
        // nearly): found again on it, by the local update or by a jump, within 30 frames of its return.
        var returns = absent.Where(i => i + 1 < gt.Length && !gt[i + 1].HasNaN).Select(i => i + 1).ToList();
        returns.Count.ShouldBeGreaterThanOrEqualTo(3);
        foreach (int back in returns.Take(3))
            Enumerable.Range(back, Math.Min(30, gt.Length - back)).Any(i => r1[i - 1].Found && Overlap.Iou(r1[i - 1].Box, gt[i]) > 0.5)
                .ShouldBeTrue($"found again on the bike within 30 frames of frame {back}");
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
        var r1 = Run(ours, Frames(), syn.GroundTruth[0], out int jump);
        // While lost the box is the tracker's own local estimate, the released one, not frozen at the last found box.
        (jump + 1).ShouldBeInRange(1350, 1450, "re-acquired by a jump after the target reappeared");
        SameBoxes(r1, r0, jump);
        double After(List<TrackResult> r) => Enumerable.Range(1450, 1550).Average(i => Overlap.Iou(r[i - 1].Box, syn.GroundTruth[i]));
        Enumerable.Range(1200, 150).Count(i => !r1[i - 1].Found).ShouldBeGreaterThan(140, "lost while hidden");
        After(r1).ShouldBeGreaterThan(0.5, "re-acquired at the new place");
        After(r0).ShouldBeLessThan(0.2, "the released tracker does not re-detect");
    }

    /// <summary>
    /// The failure of the first version (KiteSurf, wakeboard7 on the held-out half) reproduced on the tuning half:
    /// v1 on Crossing changes appearance, the presence falls below 0.5 on frames where the box is still on the
    /// pedestrian, and a look-alike (another pedestrian) elsewhere reaches the re-acquire threshold. Ours must then
    /// keep the released tracker's own box: no jump, and every box equal to the released one.
    /// </summary>
    [Fact]
    public void PresentTargetFlaggedLostKeepsTheReleasedBox()
    {
        var seq = RealSequences.Annotations("Crossing");
        var paths = seq.Frames.Take(seq.Length).ToList();
        IEnumerable<ImageFrame> Frames() => FfmpegFrameSource.FromImages(paths, new FrameSourceOptions { Format = PixelFormat.Rgb24 }).ReadFrames();
        var gt = seq.GroundTruth;
        using var released = Create(false, NanoTrackVersion.V1);
        using var ours = Create(true, NanoTrackVersion.V1);
        var r0 = Run(released, Frames(), gt[0]);
        var r1 = Run(ours, Frames(), gt[0], out int jump);
        int falseLost = Enumerable.Range(1, gt.Length - 1).Count(i => !r1[i - 1].Found && Overlap.Iou(r1[i - 1].Box, gt[i]) > 0.5);
        falseLost.ShouldBeGreaterThan(10, "the case must raise the lost signal on a present target, or the test proves less than it says");
        ours.LongTerm!.RedetectionFrames.ShouldBeGreaterThan(10);
        jump.ShouldBe(-1, "no jump to a look-alike");
        SameBoxes(r1, r0, r0.Count);
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
