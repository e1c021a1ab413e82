using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Media.Synthetic;
using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Trackers;

public class SequenceTrackingTests
{
    internal static SyntheticSequence Small(int frames) =>
        new(new SyntheticSequenceOptions { Width = 160, Height = 120, Frames = frames, TargetWidth = 24, TargetHeight = 18, Occlusion = null, Format = PixelFormat.Gray8 });

    [Fact]
    public void Identity_tracker_gives_one_row_per_frame_starting_with_the_initial_box()
    {
        var seq = Small(40);
        using var tracker = TrackerRegistry.Create("identity");
        var o = SequenceTracking.Run(tracker, seq.AsFrameSource(), seq.GroundTruth[0], cancellation: TestContext.Current.CancellationToken);
        o.Frames.ShouldBe(40);
        o.Boxes.ShouldAllBe(b => b == seq.GroundTruth[0]);
        o.Times.ShouldAllBe(t => t >= 0);
        o.Scores[0].ShouldBe(1);
    }

    [Fact]
    public void An_unreadable_frame_keeps_the_last_box_and_is_reported()
    {
        var seq = Small(6);
        using var tracker = new MovingTracker();
        var o = SequenceTracking.Run(tracker, new MarkUnreadable(seq.AsFrameSource(), 3), seq.GroundTruth[0], cancellation: TestContext.Current.CancellationToken);
        o.Boxes[3].ShouldBe(o.Boxes[2]);
        o.Found[3].ShouldBeFalse();
        double.IsNaN(o.Scores[3]).ShouldBeTrue();
        o.Boxes[4].ShouldNotBe(o.Boxes[3]);
        o.Warnings.ShouldContain(w => w.Contains("frame 4") && w.Contains("last box"));
    }

    [Theory]
    [InlineData(10, 10, 0, 20, "zero or negative size")]
    [InlineData(500, 500, 20, 20, "outside")]
    [InlineData(double.NaN, 10, 20, 20, "not a finite")]
    public void Bad_initial_boxes_are_rejected_with_a_reason(double x, double y, double w, double h, string reason)
    {
        var seq = Small(3);
        using var tracker = TrackerRegistry.Create("identity");
        Should.Throw<ReasonTrackException>(() => SequenceTracking.Run(tracker, seq.AsFrameSource(), new Box(x, y, w, h))).Message.ShouldContain(reason);
    }

    /// <summary>Moves its box one pixel a frame, so kept boxes are visible.</summary>
    private sealed class MovingTracker : ITracker
    {
        private Box _b;
        public string Name => "moving";
        public void Initialize(ImageFrame frame, Box box) => _b = box;
        public TrackResult Update(ImageFrame frame) { _b = _b.Offset(1, 0); return new(_b, 0.9, true); }
        public void Dispose() { }
    }

    private sealed class MarkUnreadable(IFrameSource inner, int index) : IFrameSource
    {
        public string Name => inner.Name;
        public ImageSize Size => inner.Size;
        public int? FrameCount => inner.FrameCount;
        public IReadOnlyList<string> Warnings => inner.Warnings;
        public IEnumerable<ImageFrame> ReadFrames(CancellationToken cancellation = default)
        {
            foreach (var f in inner.ReadFrames(cancellation))
            {
                if (f.Index == index) f.Status = FrameStatus.Unreadable;
                yield return f;
            }
        }
        public void Dispose() => inner.Dispose();
    }
}

/// <summary>The loop's own memory over a long sequence, measured alone.</summary>
[Collection(MemoryMeasurement.Name)]
public class SequenceTrackingMemoryTests
{
    /// <summary>
    /// Memory over 10,000 frames: managed heap measured (after full collections) at frame 2,000 and at the last
    /// frame. What may grow is only the per-frame result rows (~50 bytes a frame).
    /// </summary>
    [Fact]
    public void Memory_stays_flat_over_ten_thousand_frames()
    {
        var seq = SequenceTrackingTests.Small(10_000);
        using var tracker = TrackerRegistry.Create("identity");
        long at2000 = 0, atEnd = 0;
        SequenceTracking.Run(tracker, seq.AsFrameSource(), seq.GroundTruth[0], (f, _) =>
        {
            if (f.Index == 1999) at2000 = GC.GetTotalMemory(forceFullCollection: true);
            if (f.Index == 9999) atEnd = GC.GetTotalMemory(forceFullCollection: true);
        }, cancellation: TestContext.Current.CancellationToken);
        (atEnd - at2000).ShouldBeLessThan(2_000_000);
    }
}

public class TrackerRegistryTests
{
    [Fact]
    public void Setting_names_match_with_hyphens_or_underscores_and_unknown_ones_are_named()
    {
        using var a = TrackerRegistry.Create("default", new Dictionary<string, string> { ["found-threshold"] = "0.45", ["learning_rate"] = "0.03" });
        a.Name.ShouldNotBeNull();
        Should.Throw<InvalidSettingException>(() => TrackerRegistry.Create("default", new Dictionary<string, string> { ["warp-speed"] = "9" })).Message.ShouldContain("warp-speed");
        Should.Throw<InvalidSettingException>(() => TrackerRegistry.Create("default", new Dictionary<string, string> { ["found_threshold"] = "abc" })).Message.ShouldContain("found-threshold");
        TrackerRegistry.Get("DEFAULT").Name.ShouldBe("dcf");
    }
}
