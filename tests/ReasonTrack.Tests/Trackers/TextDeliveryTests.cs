using ReasonTrack.Media;
using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Trackers;

/// <summary>
/// Issue 12 item 3 without reasoning: plain tracking (<c>track --text</c>, or <c>run</c> with the dataset's language
/// file) gives a tracker that reads text its description once, before it is initialized, and never again (nothing
/// refines it). The registry takes no user trackers yet, so this is checked at the library level, where
/// <c>track</c> calls it (<see cref="SequenceTracking.Run(ITracker, IFrameSource, Geometry.Box, Action{ImageFrame, TrackResult}?, IProgress{int}?, CancellationToken, string?)"/>).
/// </summary>
public class TextDeliveryTests
{
    [Fact]
    public void Plain_tracking_gives_a_text_tracker_the_description_before_it_initializes_and_it_holds_it_on_every_frame()
    {
        var seq = SequenceTrackingTests.Small(12);
        var tracker = new TextRecordingTracker(_ => seq.GroundTruth[0]);

        var outcome = SequenceTracking.Run(tracker, seq.AsFrameSource(), seq.GroundTruth[0], description: "the red car", cancellation: TestContext.Current.CancellationToken);

        outcome.Frames.ShouldBe(12);
        tracker.SetTextCalls.ShouldBe([(-1, "the red car")]);
        tracker.Initializations.Single().Text.ShouldBe("the red car");
        tracker.HeldPerFrame.ShouldBe(Enumerable.Repeat((string?)"the red car", 12));
    }

    [Fact]
    public void Without_a_description_a_text_tracker_is_told_there_is_none_once()
    {
        var seq = SequenceTrackingTests.Small(4);
        var tracker = new TextRecordingTracker(_ => seq.GroundTruth[0]);

        SequenceTracking.Run(tracker, seq.AsFrameSource(), seq.GroundTruth[0], cancellation: TestContext.Current.CancellationToken);

        tracker.SetTextCalls.ShouldBe([(-1, (string?)null)]);
        tracker.HeldPerFrame.ShouldAllBe(t => t == null);
    }

    [Fact]
    public void Visual_only_built_in_trackers_do_not_read_text_and_say_so()
    {
        // Built in: dcf, NanoTrack and identity are visual only; external passes descriptions to its child.
        foreach (var f in TrackerRegistry.All) f.ReadsText.ShouldBe(f.Name == "external", f.Name);
        using var tracker = TrackerRegistry.Create("identity");
        (tracker is ITextTracker).ShouldBeFalse();
        var seq = SequenceTrackingTests.Small(3);
        // A description given to a visual-only tracker changes nothing.
        SequenceTracking.Run(tracker, seq.AsFrameSource(), seq.GroundTruth[0], description: "ignored", cancellation: TestContext.Current.CancellationToken)
            .Boxes.ShouldAllBe(b => b == seq.GroundTruth[0]);
    }
}
