using ReasonTrack.Media;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Tests.Timing;
using ReasonTrack.Tests.Trackers;
using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Reasoning.Modes;

/// <summary>
/// The frame loop with a reasoner whose model answers only when the test says so (the request's JPEG encoding is
/// real, the answer waits for a gate the loop itself opens at a chosen frame). Realtime mode must go on tracking
/// while a call is pending; sync mode applies every answer on the frame it was asked about. Nothing here depends on
/// speed; frames/s are measured by <c>bench/ReasonTrack.Benchmarks reasoning-fps</c>.
/// </summary>
public class ReasoningSessionTests
{
    private sealed class GatedRefiner(int every, int openAt, bool waitForFirstAnswer) : IFrameReasoner
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _returned;
        public string Mode => "reasoningtrack";
        public int Applied;

        public ReasoningRequest? Consider(int frame, ImageFrame image, TrackResult tracked, ReasoningState state)
        {
            if (frame == openAt) _gate.TrySetResult(); // the loop reached this frame with every call so far still pending
            // Test device, not the behaviour under test: one frame after the gate opens, let the first answer get out of
            // the model before the loop goes on, so that its being applied does not depend on thread scheduling.
            if (waitForFirstAnswer && frame == openAt + 1) WatchedClock.Until(() => Volatile.Read(ref _returned) > 0, "the first answer");
            if (frame == 0 || frame % every != 0) return null;
            // On the loop thread only the copy; encoding and the call happen in the background.
            var copy = image.Clone();
            string size = $"{image.Width}x{image.Height}";
            return new ReasoningRequest("interval", async ct =>
            {
                var jpeg = JpegEncoder.Encode(copy, 90);
                await _gate.Task.WaitAsync(ct);
                Interlocked.Increment(ref _returned);
                return new ReasoningAnswer { Description = $"refined at {frame}", Decision = "d=yes", Images = [size], RawReply = $"<d>yes</d> ({jpeg.Length} bytes sent)" };
            });
        }

        public AnswerUse Apply(ReasoningAnswer answer, int askedFrame, int currentFrame, ReasoningState state)
        {
            state.Description = answer.Description;
            Applied++;
            return AnswerUse.Applied;
        }
    }

    private static (List<ImageFrame> Frames, ReasonTrack.Geometry.Box Init) Car4()
    {
        var s = RealSequences.Annotations("Car4");
        return (RealSequences.Decode(s.Frames.Take(s.Length).ToList(), out _, out _), s.GroundTruth[0]);
    }

    [Fact]
    public async Task Realtime_reasoning_goes_on_tracking_while_the_model_has_not_answered_and_logs_every_call()
    {
        var (frames, init) = Car4();
        const int openAt = 300;
        var refiner = new GatedRefiner(every: 10, openAt, waitForFirstAnswer: true);
        using var log = new ReasoningLog(null);
        var session = new ReasoningSession { Tracker = TrackerRegistry.Create("default"), Reasoners = [refiner], Schedule = ScheduleMode.Realtime, Log = log, FinishTimeout = WatchedClock.HangGuard };
        // The gate is opened by the loop at frame 300: a loop that waited for the model would never get there (the hang
        // guard then fails the test instead of hanging the suite).
        var outcome = await Task.Run(() => session.Run(new InMemoryFrameSource("Car4", frames), init, "a car", cancellation: TestContext.Current.CancellationToken),
            TestContext.Current.CancellationToken).WaitAsync(WatchedClock.HangGuard, TestContext.Current.CancellationToken);

        outcome.Frames.ShouldBe(frames.Count);
        session.Descriptions.Count.ShouldBe(frames.Count);
        // Nothing answered before the gate opened (at frame 300 answers can already be applied: Consider comes first).
        session.Descriptions.Take(openAt).ShouldAllBe(d => d == "a car");
        session.Descriptions[^1].ShouldStartWith("refined at ");
        var records = log.Records;
        // The call about frame 10 (1-based 11) was pending for 290 frames and applied after the gate opened.
        records.Single(r => r.Frame == 11).ShouldSatisfyAllConditions(
            r => r.Status.ShouldBe("ok"),
            r => r.AppliedAtFrame.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(openAt + 1)); // 1-based: frame 300 or later
        // Requests at frames 20..290 waited in the single slot while call 10 ran: each replaced by the next (27), and
        // 290 maybe too by 300, depending on whether call 10 finished first.
        records.Count(r => r.Status == "superseded").ShouldBeGreaterThanOrEqualTo(27);
        // Never applied before the frame asked about. After the gate opens an answer takes about a millisecond, so it
        // may already be back when the same frame's completed calls are drained (applied on the frame asked about):
        // whether it is depends on thread scheduling, so "later" is asserted only for the gated call above.
        records.Where(r => r.Status == "ok" && r.AppliedAtFrame is not null).ShouldAllBe(r => r.AppliedAtFrame >= r.Frame);
        // Every request is accounted for: answered (applied later than asked or stale at the end) or superseded.
        records.Count.ShouldBe(frames.Count / 10 - (frames.Count % 10 == 0 ? 1 : 0));
        records.ShouldAllBe(r => r.Status == "ok" || r.Status == "superseded" || r.Status == "stale");
    }

    [Fact]
    public void Sync_reasoning_waits_for_every_answer_before_the_next_frame()
    {
        var (frames, init) = Car4();
        var first = frames.Take(41).ToList();
        var refiner = new GatedRefiner(every: 10, openAt: 0, waitForFirstAnswer: false);
        using var log = new ReasoningLog(null);
        var session = new ReasoningSession { Tracker = TrackerRegistry.Create("default"), Reasoners = [refiner], Schedule = ScheduleMode.Sync, Log = log };
        session.Run(new InMemoryFrameSource("Car4", first), init, "a car", cancellation: TestContext.Current.CancellationToken);
        refiner.Applied.ShouldBe(4);
        log.Records.Count.ShouldBe(4);
        log.Records.ShouldAllBe(r => r.AppliedAtFrame == r.Frame); // applied on the frame asked about
        // The descriptions file records the text in force while the tracker ran: frame 10 was tracked before the answer.
        session.Descriptions[10].ShouldBe("a car");
        session.Descriptions[11].ShouldBe("refined at 10");
    }
}
