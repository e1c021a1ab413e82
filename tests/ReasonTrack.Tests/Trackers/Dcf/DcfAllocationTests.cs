using ReasonTrack.Media;
using ReasonTrack.Media.Synthetic;
using ReasonTrack.Trackers;
using ReasonTrack.Trackers.Dcf;

namespace ReasonTrack.Tests.Trackers.Dcf;

/// <summary>The per-frame path of the default tracker allocates nothing once initialized (measured on this thread).</summary>
public class DcfAllocationTests
{
    [Theory]
    [InlineData("dcf", PixelFormat.Gray8)]
    [InlineData("dcf", PixelFormat.Rgb24)] // colour: opponent channels and RGB histogram bins
    [InlineData("dcf-v1", PixelFormat.Gray8)]
    public void Updates_allocate_nothing_while_tracking(string trackerName, PixelFormat format)
    {
        var seq = new SyntheticSequence(new SyntheticSequenceOptions { Width = 320, Height = 240, Frames = 260, TargetWidth = 40, TargetHeight = 30, Occlusion = null, Distractor = false, Format = format });
        using var tracker = (DcfTracker)TrackerRegistry.Create(trackerName);
        using var frame = new ImageFrame(320, 240, format);
        seq.Render(0, frame);
        tracker.Initialize(frame, seq.GroundTruth[0]);
        for (int i = 1; i < 160; i++) { seq.Render(i, frame); tracker.Update(frame); } // warm-up: JIT tiering allocates while methods are recompiled
        int next = 160;
        long allocated = AllocationProbe.SteadyStateBytes(() => { seq.Render(next++, frame); tracker.Update(frame); }, callsPerWindow: 10, windows: 10);
        tracker.IsRedetecting.ShouldBeFalse();
        allocated.ShouldBe(0, $"{allocated} bytes in the best window of 10 updates");
    }

    /// <summary>
    /// 10,000 frames of a generated colour sequence with a full occlusion in the middle (so re-detection runs and
    /// its search grid widens to the whole frame): after the first 1,000 frames the tracker allocates less than
    /// 64 KB in all, where any per-frame allocation (24 bytes at the least) would make 216 KB over the 9,000 frames;
    /// what it may allocate is the re-detection grid growing once to its largest size, and runtime noise (JIT).
    /// The template is 64 px instead of 150 to keep the test short on two shared cores: the buffers are sized the
    /// same way at any template size.
    /// </summary>
    [Fact]
    public void Memory_stays_flat_over_10000_frames_with_an_occlusion()
    {
        const int frames = 10_000;
        var seq = new SyntheticSequence(new SyntheticSequenceOptions { Width = 200, Height = 150, Frames = frames, TargetWidth = 30, TargetHeight = 22, Occlusion = (5000, 5060) });
        using var tracker = (DcfTracker)TrackerRegistry.Create("dcf", new Dictionary<string, string> { ["template-size"] = "64" });
        using var frame = new ImageFrame(200, 150, PixelFormat.Rgb24);
        seq.Render(0, frame);
        tracker.Initialize(frame, seq.GroundTruth[0]);
        for (int i = 1; i < 1000; i++) { seq.Render(i, frame); tracker.Update(frame); }
        long before = GC.GetAllocatedBytesForCurrentThread();
        bool redetected = false;
        for (int i = 1000; i < frames; i++)
        {
            seq.Render(i, frame);
            tracker.Update(frame);
            redetected |= tracker.IsRedetecting;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        redetected.ShouldBeTrue("the occlusion must send the tracker into re-detection, or the test proves less than it says");
        allocated.ShouldBeLessThan(64 * 1024, $"{allocated} bytes over 9,000 frames");
    }
}
