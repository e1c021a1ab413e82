using ReasonTrack.Media;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Tests.Timing;
using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Reasoning.Modes;

/// <summary>
/// The reasoning layer end to end on a real sequence (Car4, 659 frames) with the real refiner, the real HTTP client
/// and a scripted server that holds every answer until the frame loop itself reaches frame 300: realtime mode tracks
/// all frames while the call is pending and applies the answer later; sync mode asks on the interval and applies on
/// the frame asked about. Checked by frame and call counts only. The frames/s this costs or keeps are measured, not
/// asserted, by <c>dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- reasoning-fps</c> (README).
/// </summary>
public class RealtimeOverHttpTests
{
    private const string Reply = "<think>The car is further away now.</think><d>yes</d><answer>a white car on the road</answer>";

    [Fact]
    public async Task Realtime_reasoning_through_http_tracks_every_frame_while_the_model_holds_its_answer()
    {
        var ct = TestContext.Current.CancellationToken;
        var (frames, gt) = ModeFixtures.Frames("Car4", int.MaxValue);
        await using var server = await FakeVlmServer.StartAsync("reasoningtrack-3b", ct);
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.DefaultReply = FakeReply.Text(Reply).Until(answer.Task);
        using var client = ModeFixtures.Client(server, "reasoningtrack-3b");
        const int openAt = 300;
        int requestsWhenOpened = -1;

        void Observe(ImageFrame frame, TrackResult _)
        {
            if (frame.Index == openAt)
            {
                // Test device: on a loaded machine the first request may still be on its way; wait until the server
                // holds it, so that what follows does not depend on thread scheduling.
                WatchedClock.Until(() => server.Requests.Count >= 1, "the first request reaches the server");
                requestsWhenOpened = server.Requests.Count;
                answer.SetResult(); // the loop got here with the model's answer still held
            }
            // Test device: let the held answer get through before going on, so its being applied does not depend on
            // thread scheduling (the loop has 358 frames left to apply it).
            if (frame.Index == openAt + 1) WatchedClock.Until(() => server.InFlight == 0, "the held answer is sent");
        }

        using var log = new ReasoningLog(null);
        var session = new ReasoningSession
        {
            Tracker = TrackerRegistry.Create("default"),
            Reasoners = [new DescriptionRefiner(client, DescriptionStrategy.Initial, UpdateTriggerOptions.Released)],
            Schedule = ScheduleMode.Realtime,
            Log = log,
            FinishTimeout = WatchedClock.HangGuard,
        };
        var outcome = await Task.Run(() => session.Run(new InMemoryFrameSource("Car4", frames), gt[0], "a white car", Observe, cancellation: ct), ct)
            .WaitAsync(WatchedClock.HangGuard, ct); // a loop that waited for the model would never reach frame 300

        var records = log.Records;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{records.Count} records: {records.Count(r => r.Status == "ok")} ok, {records.Count(r => r.Status == "superseded")} superseded, " +
            $"{records.Count(r => r.Status == "stale")} stale; {server.Requests.Count} requests ({requestsWhenOpened} before frame {openAt + 1})");
        outcome.Frames.ShouldBe(frames.Count);
        requestsWhenOpened.ShouldBe(1); // one call at a time: the rest waited in the slot and were superseded
        server.MaxConcurrentRequests.ShouldBe(1);
        records.Count(r => r.Status == "superseded").ShouldBeGreaterThan(0);
        var first = records.First(r => r.Status == "ok");
        first.AppliedAtFrame.ShouldNotBeNull().ShouldBeGreaterThan(openAt + 1); // asked early, applied after the answer came
        session.Descriptions.Take(openAt + 1).ShouldAllBe(d => d == "a white car");
        session.Descriptions[^1].ShouldBe("a white car on the road");
        // Every call is logged: each request the server got has one record; a request still waiting in the slot when
        // the sequence ended (a trigger near the end while a call ran, which depends on the machine's load) is logged
        // as "not started" and never reached the server.
        bool NotStarted(ReasoningLogRecord r) => r.Status == "error" && r.Error?.Contains("not started", StringComparison.Ordinal) == true;
        records.Count(r => r.Status != "superseded" && !NotStarted(r)).ShouldBe(server.Requests.Count);
        records.Count(NotStarted).ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public async Task Sync_reasoning_through_http_asks_on_the_interval_and_applies_from_the_next_frame()
    {
        var ct = TestContext.Current.CancellationToken;
        var (frames, gt) = ModeFixtures.Frames("Car4", int.MaxValue);
        await using var server = await FakeVlmServer.StartAsync("reasoningtrack-3b", ct);
        server.DefaultReply = FakeReply.Text(Reply);
        using var client = ModeFixtures.Client(server, "reasoningtrack-3b");
        using var log = new ReasoningLog(null);
        var session = new ReasoningSession
        {
            Tracker = TrackerRegistry.Create("default"),
            Reasoners = [new DescriptionRefiner(client, DescriptionStrategy.Initial, new UpdateTriggerOptions { Motion = false, Interval = 100 })],
            Schedule = ScheduleMode.Sync,
            Log = log,
        };
        var outcome = session.Run(new InMemoryFrameSource("Car4", frames), gt[0], "a white car", cancellation: ct);

        outcome.Frames.ShouldBe(frames.Count);
        // 1-based frames 101, 201, ..., 601: asked about the frame the interval is reached on, in force from the next one.
        log.Records.Select(r => r.Frame).ShouldBe([101, 201, 301, 401, 501, 601]);
        log.Records.ShouldAllBe(r => r.Status == "ok" && r.AppliedAtFrame == r.Frame + 1);
        session.Descriptions[^1].ShouldBe("a white car on the road");
    }
}
