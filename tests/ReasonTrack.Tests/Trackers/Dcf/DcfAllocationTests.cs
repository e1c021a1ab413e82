using ReasonTrack.Media;
using ReasonTrack.Media.Synthetic;
using ReasonTrack.Trackers.Dcf;

namespace ReasonTrack.Tests.Trackers.Dcf;

/// <summary>The per-frame path of the default tracker allocates nothing once initialized (measured on this thread).</summary>
public class DcfAllocationTests
{
    [Fact]
    public void Updates_allocate_nothing_while_tracking()
    {
        var seq = new SyntheticSequence(new SyntheticSequenceOptions { Width = 320, Height = 240, Frames = 260, TargetWidth = 40, TargetHeight = 30, Occlusion = null, Distractor = false, Format = PixelFormat.Gray8 });
        using var tracker = new DcfTracker();
        using var frame = new ImageFrame(320, 240, PixelFormat.Gray8);
        seq.Render(0, frame);
        tracker.Initialize(frame, seq.GroundTruth[0]);
        for (int i = 1; i < 160; i++) { seq.Render(i, frame); tracker.Update(frame); } // warm-up: JIT tiering allocates while methods are recompiled
        int next = 160;
        long allocated = AllocationProbe.SteadyStateBytes(() => { seq.Render(next++, frame); tracker.Update(frame); }, callsPerWindow: 10, windows: 10);
        tracker.IsRedetecting.ShouldBeFalse();
        allocated.ShouldBe(0, $"{allocated} bytes in the best window of 10 updates");
    }
}
