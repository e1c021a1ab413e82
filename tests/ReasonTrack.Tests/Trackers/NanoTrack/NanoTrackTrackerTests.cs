using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Trackers;
using ReasonTrack.Trackers.NanoTrack;

namespace ReasonTrack.Tests.Trackers.NanoTrack;

public sealed class NanoTrackTrackerTests
{
    private static NanoTrackTracker Create(NanoTrackVersion version, NanoTrackOptions? options = null)
    {
        SharedData.Require("models/nanotrack/v" + (int)version);
        return new NanoTrackTracker(options ?? NanoTrackOptions.ForVersion(version));
    }

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    /// <summary>
    /// Car4 (OTB, a car on a road, scale change and shadows) is an easy sequence for any working Siamese tracker.
    /// Observed mean IoU: v1 0.830, v2 0.782, v3 0.861; the bound sits well below, yet far above what a tracker
    /// that stays on the initial box or drifts gets (the car moves across the frame: staying put scores ~0.1).
    /// </summary>
    [Theory]
    [InlineData(NanoTrackVersion.V1, 0.7)]
    [InlineData(NanoTrackVersion.V2, 0.7)]
    [InlineData(NanoTrackVersion.V3, 0.75)]
    public void TracksCar4(NanoTrackVersion version, double minMeanIou)
    {
        var seq = SequenceData.Load("Car4");
        var frames = RealSequences.Decode(seq.Frames, out _, out _);
        using var tracker = Create(version);

        var run = SequenceRun.Track(tracker, seq, frames);

        Log($"{tracker.Name} Car4: mean IoU {run.MeanIou:F3}, {run.MsPerFrame:F2} ms/frame ({run.FramesPerSecond:F0} frames/s), {tracker.RuntimeDescription}");
        run.MeanIou.ShouldBeGreaterThan(minMeanIou);
        run.Iou.Count(v => v < 0.3).ShouldBeLessThan(run.Iou.Count / 20, "lost on more than 5% of frames");
        run.Results.ShouldAllBe(r => r.Box.HasPositiveSize && r.Found);
        // Staying on the first box is far worse: the test measures tracking, not a trivially high overlap.
        seq.GroundTruth.Skip(1).Average(g => Overlap.Iou(seq.GroundTruth[0], g)).ShouldBeLessThan(minMeanIou - 0.3);
    }

    /// <summary>
    /// All ten shared sequences, for the report (mean IoU, frames/s, scores). Averages observed: v2 0.644, v3 0.715
    /// (Diving is the hard one: v2 0.09). Bounds below those.
    /// </summary>
    [Theory]
    [InlineData(NanoTrackVersion.V2, 0.55)]
    [InlineData(NanoTrackVersion.V3, 0.6)]
    public void AllSharedSequences(NanoTrackVersion version, double minAverageIou)
    {
        using var tracker = Create(version);
        var ious = new List<double>();
        foreach (string name in SequenceData.All)
        {
            var seq = SequenceData.Load(name);
            var frames = RealSequences.Decode(seq.Frames, out _, out _);
            var run = SequenceRun.Track(tracker, seq, frames);
            var present = run.Results.Where((_, i) => !seq.GroundTruth[i + 1].HasNaN).Select(r => r.Score).Order().ToList();
            var absent = run.Results.Where((_, i) => seq.GroundTruth[i + 1].HasNaN).Select(r => r.Score).Order().ToList();
            Log($"{tracker.Name} {name,-22} IoU {run.MeanIou:F3}  {run.MsPerFrame:F2} ms/frame  {run.FramesPerSecond:F0} frames/s  " +
                $"score (target present) p05 {Pct(present, 0.05):F3} median {Pct(present, 0.5):F3}; (absent, n={absent.Count}) median {Pct(absent, 0.5):F3}  " +
                $"found {run.Results.Count(r => r.Found)}/{run.Results.Count}");
            run.Results.ShouldAllBe(r => r.Box.HasPositiveSize);
            ious.Add(run.MeanIou);
        }
        ious.Average().ShouldBeGreaterThan(minAverageIou);
    }

    private static double Pct(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];

    [Fact]
    public void UpdateAllocatesNothing()
    {
        var seq = SequenceData.Load("Car4");
        var frames = RealSequences.Decode(seq.Frames.Take(40).ToList(), out _, out _);
        using var tracker = Create(NanoTrackVersion.V2);
        tracker.Initialize(frames[0], seq.GroundTruth[0]);
        for (int i = 1; i < 10; i++) tracker.Update(frames[i]); // first calls may JIT
        int next = 10;
        AllocationProbe.SteadyStateBytes(() => tracker.Update(frames[10 + next++ % 30]), callsPerWindow: 10, windows: 6).ShouldBe(0);
    }

    [Fact]
    public void GreyFramesTrackLikeTheSameImageInColour()
    {
        // A grey frame is replicated to 3 channels; the same pixels given as Rgb24 (R = G = B) must produce the
        // same boxes, which checks the colour path's channel handling against the grey path.
        var seq = SequenceData.Load("Car4");
        var grey = RealSequences.Decode(seq.Frames.Take(30).ToList(), out _, out _);
        var colour = grey.Select(ToRgb).ToList();
        using var a = Create(NanoTrackVersion.V2);
        using var b = Create(NanoTrackVersion.V2);
        var ra = SequenceRun.Track(a, seq with { GroundTruth = seq.GroundTruth.Take(30).ToList() }, grey);
        var rb = SequenceRun.Track(b, seq with { GroundTruth = seq.GroundTruth.Take(30).ToList() }, colour);
        rb.Results.Select(r => r.Box).ShouldBe(ra.Results.Select(r => r.Box));
    }

    private static ImageFrame ToRgb(ImageFrame g)
    {
        var rgb = new ImageFrame(g.Width, g.Height, PixelFormat.Rgb24);
        var src = g.Pixels;
        var dst = rgb.Pixels;
        for (int i = 0; i < src.Length; i++) dst[3 * i] = dst[3 * i + 1] = dst[3 * i + 2] = src[i];
        return rgb;
    }

    [Fact]
    public void InitializeRejectsBadBoxesAndUpdateNeedsInitialize()
    {
        using var tracker = Create(NanoTrackVersion.V2);
        var frame = new ImageFrame(100, 80, PixelFormat.Gray8);
        Should.Throw<InvalidOperationException>(() => tracker.Update(frame));
        Should.Throw<ReasonTrackException>(() => tracker.Initialize(frame, new Box(10, 10, 0, 5)));
        Should.Throw<ReasonTrackException>(() => tracker.Initialize(frame, new Box(double.NaN, 10, 5, 5)));
        Should.Throw<ReasonTrackException>(() => tracker.Initialize(frame, new Box(200, 10, 5, 5)));
    }

    [Fact]
    public void TargetNearTheBorderIsPaddedAndStaysInTheImage()
    {
        // A bright square touching the top-left corner of a dark frame: the crops leave the image (mean-colour
        // padding) and the reference clips the centre to the image, so boxes stay finite and near the square.
        var frame = new ImageFrame(160, 120, PixelFormat.Gray8);
        for (int y = 0; y < 30; y++)
            for (int x = 0; x < 30; x++)
                frame.Data[y * 160 + x] = 230;
        using var tracker = Create(NanoTrackVersion.V2);
        tracker.Initialize(frame, new Box(0, 0, 30, 30));
        for (int i = 0; i < 5; i++)
        {
            var r = tracker.Update(frame);
            r.Box.IsFinite.ShouldBeTrue();
            r.Box.Center.X.ShouldBeInRange(0, 160);
            r.Box.Center.Y.ShouldBeInRange(0, 120);
            Overlap.Iou(r.Box, new Box(0, 0, 30, 30)).ShouldBeGreaterThan(0.3);
        }
    }
}
