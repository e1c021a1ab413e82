using ReasonTrack.Media;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Reasoning.Modes;

/// <summary>
/// The acceptance figure of the reasoning layer: on a real sequence (Car4, 659 frames) with the real refiner, the
/// real HTTP client and a scripted server that answers every request after 1.5 s, realtime mode keeps at least 95% of
/// the frames/s the tracker has alone; sync mode pays the latency (measured with the interval trigger u = 100). The
/// same measurement as a command: <c>dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- reasoning-fps</c>.
/// </summary>
[Collection(MemoryMeasurement.Name)] // timing: run alone
public class RealtimeThroughputTests
{
    private const string Reply = "<think>The car is further away now.</think><d>yes</d><answer>a white car on the road</answer>";

    [Fact]
    public async Task Realtime_reasoning_through_http_with_a_1_5_s_model_keeps_95_percent_of_the_trackers_frames_per_second()
    {
        var ct = TestContext.Current.CancellationToken;
        var (frames, gt) = ModeFixtures.Frames("Car4", int.MaxValue);
        await using var server = await FakeVlmServer.StartAsync("reasoningtrack-3b", ct);
        server.DefaultReply = FakeReply.Text(Reply).After(TimeSpan.FromSeconds(1.5));
        using var client = ModeFixtures.Client(server, "reasoningtrack-3b");

        double Alone()
        {
            using var t = TrackerRegistry.Create("default");
            return SequenceTracking.Run(t, new InMemoryFrameSource("Car4", frames), gt[0], cancellation: ct).TrackingFramesPerSecond;
        }

        (double Fps, IReadOnlyList<ReasoningLogRecord> Log, List<string?> Descriptions) WithReasoning(ScheduleMode mode, UpdateTriggerOptions triggers, int count)
        {
            using var log = new ReasoningLog(null);
            var session = new ReasoningSession
            {
                Tracker = TrackerRegistry.Create("default"),
                Reasoners = [new DescriptionRefiner(client, DescriptionStrategy.Initial, triggers)],
                Schedule = mode,
                Log = log,
                FinishTimeout = TimeSpan.FromSeconds(5),
            };
            var o = session.Run(new InMemoryFrameSource("Car4", frames.Take(count).ToList()), gt[0], "a white car", cancellation: ct);
            return (o.TrackingFramesPerSecond, log.Records, session.Descriptions);
        }

        // Best of three for both, interleaved, so that JIT warm-up and a noisy neighbour flatter neither side.
        var realtimeTriggers = UpdateTriggerOptions.Released; // the released motion trigger: asks far more often than the model can answer
        double alone = 0;
        (double Fps, IReadOnlyList<ReasoningLogRecord> Log, List<string?> Descriptions) realtime = (0, [], []);
        for (int round = 0; round < 3; round++)
        {
            alone = Math.Max(alone, Alone());
            var r = WithReasoning(ScheduleMode.Realtime, realtimeTriggers, frames.Count);
            if (r.Fps > realtime.Fps) realtime = r;
        }
        var sync = WithReasoning(ScheduleMode.Sync, new UpdateTriggerOptions { Motion = false, Interval = 100 }, frames.Count);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Car4 {frames.Count} frames, default tracker: alone {alone:0.0} frames/s; realtime reasoning (1.5 s model, motion trigger) {realtime.Fps:0.0} frames/s " +
            $"({realtime.Fps / alone:P1}; {realtime.Log.Count(r => r.Status == "ok")} answers applied, {realtime.Log.Count(r => r.Status == "superseded")} superseded); " +
            $"sync reasoning (u = 100, {sync.Log.Count} calls) {sync.Fps:0.0} frames/s");

        (realtime.Fps / alone).ShouldBeGreaterThanOrEqualTo(0.95, $"alone {alone:0.0} frames/s, realtime {realtime.Fps:0.0}");
        realtime.Log.Count(r => r.Status == "ok" && r.AppliedAtFrame > r.Frame).ShouldBeGreaterThan(0);
        realtime.Descriptions[^1].ShouldBe("a white car on the road");
        sync.Log.Count.ShouldBe(6); // frames 101, 202, ..., 606 (1-based: asked one frame after the interval is reached)
        sync.Fps.ShouldBeLessThan(alone / 2);
    }
}
