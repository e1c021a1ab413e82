using ReasonTrack.Media;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Tests.Trackers;
using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Reasoning.Modes;

/// <summary>
/// The frame loop with a reasoner whose model takes 1.5 s (simulated: the request's JPEG encoding is real, the
/// answer is a delay). Realtime mode must keep the tracker's own speed; sync mode pays the latency on every call.
/// </summary>
[Collection(MemoryMeasurement.Name)] // timing-sensitive: run alone
public class ReasoningSessionTests
{
    private sealed class SlowRefiner(TimeSpan latency, int every) : IFrameReasoner
    {
        public string Mode => "reasoningtrack";
        public int Applied;

        public ReasoningRequest? Consider(int frame, ImageFrame image, TrackResult tracked, ReasoningState state)
        {
            if (frame == 0 || frame % every != 0) return null;
            // On the loop thread only the copy; encoding and the call happen in the background.
            var copy = image.Clone();
            string size = $"{image.Width}x{image.Height}";
            return new ReasoningRequest("interval", async ct =>
            {
                var jpeg = JpegEncoder.Encode(copy, 90);
                await Task.Delay(latency, ct);
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
    public void Realtime_reasoning_with_a_slow_model_keeps_the_trackers_speed_and_logs_every_call()
    {
        var (frames, init) = Car4();
        // Baseline: the tracker alone (twice, keep the faster, so JIT warm-up does not flatter the comparison).
        double baseline = 0;
        for (int rep = 0; rep < 2; rep++)
        {
            using var t = TrackerRegistry.Create("default");
            baseline = Math.Max(baseline, SequenceTracking.Run(t, new InMemoryFrameSource("Car4", frames), init, cancellation: TestContext.Current.CancellationToken).TrackingFramesPerSecond);
        }

        var refiner = new SlowRefiner(TimeSpan.FromSeconds(1.5), every: 10);
        using var log = new ReasoningLog(null);
        var session = new ReasoningSession { Tracker = TrackerRegistry.Create("default"), Reasoners = [refiner], Schedule = ScheduleMode.Realtime, Log = log, FinishTimeout = TimeSpan.FromSeconds(5) };
        var outcome = session.Run(new InMemoryFrameSource("Car4", frames), init, "a car", cancellation: TestContext.Current.CancellationToken);
        double realtime = outcome.TrackingFramesPerSecond;
        TestContext.Current.TestOutputHelper?.WriteLine($"tracker alone {baseline:0.0} frames/s; realtime with a 1.5 s model {realtime:0.0} frames/s ({realtime / baseline:P1})");

        (realtime / baseline).ShouldBeGreaterThan(0.90, $"alone {baseline:0.0}, realtime {realtime:0.0}");
        session.Descriptions.Count.ShouldBe(frames.Count);
        session.Descriptions[0].ShouldBe("a car");
        session.Descriptions[^1].ShouldStartWith("refined at ");
        // Every request is accounted for: answered (applied later than asked), superseded, or finished at the end.
        var records = log.Records;
        records.Count(r => r.Status == "superseded").ShouldBeGreaterThan(0);
        records.Where(r => r.Status == "ok" && r.AppliedAtFrame is not null).ShouldAllBe(r => r.AppliedAtFrame > r.Frame);
        (records.Count).ShouldBe(frames.Count / 10 - (frames.Count % 10 == 0 ? 1 : 0));
    }

    [Fact]
    public void Sync_reasoning_waits_for_every_answer_before_the_next_frame()
    {
        var (frames, init) = Car4();
        var first = frames.Take(41).ToList();
        var refiner = new SlowRefiner(TimeSpan.FromMilliseconds(300), every: 10);
        using var log = new ReasoningLog(null);
        var session = new ReasoningSession { Tracker = TrackerRegistry.Create("default"), Reasoners = [refiner], Schedule = ScheduleMode.Sync, Log = log };
        var outcome = session.Run(new InMemoryFrameSource("Car4", first), init, "a car", cancellation: TestContext.Current.CancellationToken);
        refiner.Applied.ShouldBe(4);
        log.Records.ShouldAllBe(r => r.AppliedAtFrame == r.Frame); // applied on the frame asked about
        outcome.Times.Sum().ShouldBeGreaterThan(4 * 0.3);
        session.Descriptions[10].ShouldBe("refined at 10");
        session.Descriptions[9].ShouldBe("a car");
    }
}
