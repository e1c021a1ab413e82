using ReasonTrack.Geometry;
using ReasonTrack.Geometry.Masks;
using ReasonTrack.Media;
using ReasonTrack.Segmentation;
using ReasonTrack.Trackers;
using ReasonTrack.Trackers.External;

namespace ReasonTrack.Tests.Trackers.External;

/// <summary>
/// Issue 16 item 2: masks through the external-tracker bridge (docs/tracker-protocol.md, "mask"): a child's COCO RLE
/// string, and the shipped adapter's forwarding of <c>target_mask</c> / <c>segmentation</c> and of its
/// <c>segment(image, box)</c> callable, parsed into <see cref="Mask"/> and filed per frame by <see cref="MaskRecorder"/>.
/// The expected masks are written by hand from the children's documented answers.
/// </summary>
public sealed class ExternalMaskTests
{
    private static ImageFrame Frame(int index) => new(6, 4, PixelFormat.Rgb24) { Index = index };

    private static Mask BoxMask() => Mask.FromDense(new byte[]
    {
        0, 0, 0, 0, 0, 0,
        0, 0, 1, 1, 1, 0,
        0, 0, 1, 1, 1, 0,
        0, 0, 0, 0, 0, 0,
    }, 6, 4);

    /// <summary>Tracks frames 0..n-1 through the recorder as SequenceTracking does: Initialize, then Update + Observe.</summary>
    private static MaskRecorder Run(ExternalTracker tracker, int frames, SegmenterOptions? segmenter = null)
    {
        var recorder = new MaskRecorder(tracker, segmenter);
        var first = Frame(0);
        tracker.Initialize(first, new Box(1, 2, 2, 1));
        recorder.Observe(first, new TrackResult(new Box(1, 2, 2, 1), 1, true));
        for (int i = 1; i < frames; i++)
        {
            var f = Frame(i);
            recorder.Observe(f, tracker.Update(f));
        }
        return recorder;
    }

    [Fact]
    public void A_coco_compressed_string_from_a_child_becomes_the_frames_mask()
    {
        using var t = new ExternalTracker(ExternalChildren.Options("masking_adapter.py", "coco"));
        using var recorder = Run(t, 3);
        // Initialized at (1, 2): the child's mask is that one pixel, raster index 2 * 6 + 1.
        var expected = new byte[24];
        expected[13] = 1;
        t.LastMask!.ToDense().ShouldBe(expected);
        recorder.Masks!.Get(0, 1).ShouldBeNull(); // frame 1 is the initialization: no reply mask, no segmenter
        recorder.Masks.Get(1, 1)!.ToDense().ShouldBe(expected);
        recorder.Masks.Get(2, 1)!.ToDense().ShouldBe(expected);
    }

    [Fact]
    public void Target_mask_probabilities_are_thresholded_and_frames_without_one_fall_back_to_the_segmenter()
    {
        ExternalChildren.RequireNumpy();
        using var t = new ExternalTracker(ExternalChildren.Options("masking_adapter.py", "target_mask"));
        // The colour-free box segmenter fills in frames whose reply has no mask; its box is the reply's [2, 1, 3, 2].
        using var recorder = Run(t, 4, new SegmenterOptions { Kind = SegmenterKind.Box });
        recorder.Masks!.Get(0, 1).ShouldBe(Mask.FromBox(new Box(1, 2, 2, 1), 6, 4));
        recorder.Masks.Get(1, 1).ShouldBe(BoxMask());
        recorder.Masks.Get(3, 1).ShouldBe(BoxMask());
        // Frame 3 (the child's 2nd track call) sent probabilities: > 0.5 is target, so (2, 1) at 0.4 is not.
        var own = BoxMask().ToDense();
        own[1 * 6 + 2] = 0;
        recorder.Masks.Get(2, 1)!.ToDense().ShouldBe(own);
    }

    [Fact]
    public void A_segmentation_label_map_and_the_adapters_segment_callable_are_forwarded()
    {
        ExternalChildren.RequireNumpy();
        using (var t = new ExternalTracker(ExternalChildren.Options("masking_adapter.py", "segmentation")))
        {
            t.Initialize(Frame(0), new Box(1, 1, 1, 1));
            t.Update(Frame(1));
            t.LastMask.ShouldBe(BoxMask());
        }
        using (var t = new ExternalTracker(ExternalChildren.Options("masking_adapter.py", "segment")))
        {
            t.Initialize(Frame(0), new Box(1, 1, 1, 1));
            t.Update(Frame(1));
            t.LastMask.ShouldBeNull(); // the callable returned None on its first call
            t.Update(Frame(2));
            t.LastMask.ShouldBe(BoxMask());
            t.Initialize(Frame(3), new Box(1, 1, 1, 1));
            t.LastMask.ShouldBeNull(); // a re-initialization has no mask of its own
        }
    }
}
