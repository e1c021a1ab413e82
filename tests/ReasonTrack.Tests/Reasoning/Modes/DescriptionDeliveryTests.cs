using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Tests.Timing;
using ReasonTrack.Tests.Trackers;
using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Reasoning.Modes;

/// <summary>
/// Issue 12 item 3: language reaches trackers. A text-reading test tracker (<see cref="TextRecordingTracker"/>) records
/// the description it holds while each frame is tracked; the real refiner asks a scripted server. The expected frames
/// come from the released timing (seed-facts 9.1, <c>Evaluation/dutrack.py</c> ~178-311): the 0-based frame k is
/// checked after tracking when k % 10 == 0 and the new description is used in the forward pass of frame k+1. The boxes
/// are <see cref="RefinerTimingTests.BoxAt"/>'s script, so the released motion trigger fires on the checks at 20
/// (area), 30 and 40 (displacement) and nowhere else. <c>_descriptions.txt</c> must say, line by line, what the tracker held.
/// </summary>
public sealed class DescriptionDeliveryTests : IDisposable
{
    private const int Frames = 45;
    private const string Initial = "the initial text";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"rt-text-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static readonly FakeReply[] Replies =
    [
        FakeReply.Text("<think>a</think><d>yes</d><answer>text A</answer>"),
        FakeReply.Text("<think>b</think><d>yes</d><answer>text B</answer>"),
        FakeReply.Text("<think>c</think><d>no</d><answer>whatever</answer>"), // released: d = no puts the initial text back
    ];

    private static List<ImageFrame> Blank(int count) => Enumerable.Range(0, count).Select(_ => new ImageFrame(64, 48, PixelFormat.Rgb24)).ToList();

    /// <summary>Expected text per frame from runs of (first frame, text), per seed-facts 9.1.</summary>
    private static List<string?> Expected(params (int From, string Text)[] runs) =>
        Enumerable.Range(0, Frames).Select(i => (string?)runs.Last(r => r.From <= i).Text).ToList();

    [Fact]
    public async Task Sync_the_refined_text_reaches_the_tracker_on_the_frame_after_the_check_and_the_descriptions_file_agrees()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeVlmServer.StartAsync("reasoningtrack-3b", ct);
        server.Enqueue(Replies);
        using var client = ModeFixtures.Client(server, "reasoningtrack-3b");
        var tracker = new TextRecordingTracker(RefinerTimingTests.BoxAt);

        var tracked = ReasoningTracking.Track(Setup(ScheduleMode.Sync), client, tracker, new InMemoryFrameSource("marked", Blank(Frames)),
            RefinerTimingTests.BoxAt(0), Initial, Path.Combine(_dir, "marked.txt"));

        tracked.Outcome.Frames.ShouldBe(Frames);
        server.Requests.Count.ShouldBe(3);
        // Checks at 0-based 20, 30, 40: the new text is held from 21, 31, 41 (d = no at 40: the initial text again).
        tracker.HeldPerFrame.ShouldBe(Expected((0, Initial), (21, "text A"), (31, "text B"), (41, Initial)));
        // Given once before the first initialize, then only on a change, each time just before the frame it is for.
        tracker.SetTextCalls.ShouldBe([(-1, Initial), (20, "text A"), (30, "text B"), (40, Initial)]);
        tracker.Initializations.Single().Text.ShouldBe(Initial);
        ReadDescriptions("marked").ShouldBe(tracker.HeldPerFrame);
        // The log agrees: asked about 1-based 21, 31, 41; applied from 22, 32, 42.
        ReadLog("marked").ShouldBe([(21, (int?)22, "ok"), (31, 32, "ok"), (41, 42, "ok")]);
    }

    /// <summary>
    /// Realtime: each answer is held by the test after the server replied and released from the loop itself at a
    /// chosen frame (no sleeps); the loop then waits, in the same observer call, until the session reports the answer
    /// in (<see cref="ReasoningSession.AnswerArrived"/>), so the answer has arrived before the loop goes on whichever
    /// thread finished the call: the first frame tracked after arrival is the next one. (An earlier version relied on
    /// the release running the rest of the call inline on the loop thread; on a loaded CI machine it once did not.)
    /// </summary>
    [Fact]
    public async Task Realtime_the_refined_text_reaches_the_tracker_on_the_first_frame_tracked_after_the_answer_arrives()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeVlmServer.StartAsync("reasoningtrack-3b", ct);
        server.Enqueue(Replies);
        using var inner = ModeFixtures.Client(server, "reasoningtrack-3b");
        using var client = new HoldingChatClient(inner, calls: 3);
        var tracker = new TextRecordingTracker(RefinerTimingTests.BoxAt);
        int arrived = 0;
        Directory.CreateDirectory(_dir);
        var log = new ReasoningLog(Path.Combine(_dir, "held_reasoning.jsonl"));
        var session = new ReasoningSession
        {
            Tracker = tracker,
            Reasoners = [new DescriptionRefiner(client, DescriptionStrategy.Initial)],
            Schedule = ScheduleMode.Realtime,
            Log = log,
            AnswerArrived = (_, _, _) => Interlocked.Increment(ref arrived),
        };
        // Call 0 (check 20) arrives during frame 24, call 1 (check 30) during 34, call 2 (check 40) during the last frame.
        var releaseAt = new Dictionary<int, int> { [24] = 0, [34] = 1, [Frames - 1] = 2 };
        void Observe(ImageFrame frame, TrackResult _)
        {
            if (!releaseAt.TryGetValue(frame.Index, out int call)) return;
            client.Release(call);
            WatchedClock.Until(() => Volatile.Read(ref arrived) == call + 1, $"the answer to call {call} with the session");
        }

        var outcome = await Task.Run(() => session.Run(new InMemoryFrameSource("held", Blank(Frames)), RefinerTimingTests.BoxAt(0), Initial, Observe, cancellation: ct), ct)
            .WaitAsync(WatchedClock.HangGuard, ct);
        log.Dispose();

        outcome.Frames.ShouldBe(Frames);
        // Nothing new while an answer is held; each is in force from the frame after the one it arrived on.
        tracker.HeldPerFrame.ShouldBe(Expected((0, Initial), (25, "text A"), (35, "text B")));
        tracker.SetTextCalls.ShouldBe([(-1, Initial), (24, "text A"), (34, "text B")]);
        session.Descriptions.ShouldBe(tracker.HeldPerFrame);
        // The answer about the last frame arrived with no frame left to track: stale, nothing delivered.
        ReadLog("held").ShouldBe([(21, (int?)26, "ok"), (31, 36, "ok"), (41, null, "stale")]);
    }

    [Fact]
    public async Task A_visual_only_tracker_runs_as_before_with_the_same_boxes_requests_and_descriptions()
    {
        var ct = TestContext.Current.CancellationToken;
        var runs = new List<(TrackingOutcome Outcome, int Requests, List<string?> Descriptions)>();
        foreach (var tracker in new ITracker[] { new TextRecordingTracker(RefinerTimingTests.BoxAt), new VisualOnlyTracker() })
        {
            await using var server = await FakeVlmServer.StartAsync("reasoningtrack-3b", ct);
            server.Enqueue(Replies);
            using var client = ModeFixtures.Client(server, "reasoningtrack-3b");
            string name = tracker is ITextTracker ? "text" : "visual";
            var tracked = ReasoningTracking.Track(Setup(ScheduleMode.Sync), client, tracker, new InMemoryFrameSource(name, Blank(Frames)),
                RefinerTimingTests.BoxAt(0), Initial, Path.Combine(_dir, name + ".txt"));
            runs.Add((tracked.Outcome, server.Requests.Count, ReadDescriptions(name)));
        }
        runs[1].Outcome.Boxes.ShouldBe(runs[0].Outcome.Boxes);
        runs[1].Requests.ShouldBe(runs[0].Requests);
        // The file records the description in force either way; only a text tracker is given it.
        runs[1].Descriptions.ShouldBe(runs[0].Descriptions);
        runs[1].Descriptions[21].ShouldBe("text A");
    }

    /// <summary>
    /// A corrected box (VLM-as-tracker, re-localization) restarts the tracker: the restart carries the description in
    /// force then (here "text B", refined after the check at 30), not the initial one, and costs no extra SetText.
    /// </summary>
    [Fact]
    public async Task A_restart_on_a_corrected_box_carries_the_description_in_force()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeVlmServer.StartAsync("reasoningtrack-3b", ct);
        server.Enqueue(Replies);
        using var client = ModeFixtures.Client(server, "reasoningtrack-3b");
        using var log = new ReasoningLog(null);
        var tracker = new TextRecordingTracker(RefinerTimingTests.BoxAt);
        var corrected = new Box(5, 5, 16, 16);
        var session = new ReasoningSession
        {
            Tracker = tracker,
            Reasoners = [new DescriptionRefiner(client, DescriptionStrategy.Initial), new CorrectOnce(35, corrected)],
            Schedule = ScheduleMode.Sync,
            Log = log,
        };

        var outcome = session.Run(new InMemoryFrameSource("corrected", Blank(Frames)), RefinerTimingTests.BoxAt(0), Initial, cancellation: ct);

        outcome.Boxes[35].ShouldBe(corrected);
        tracker.Initializations.ShouldBe([(0, RefinerTimingTests.BoxAt(0), Initial), (35, corrected, "text B")]);
        tracker.SetTextCalls.Count.ShouldBe(4);
        tracker.HeldPerFrame.ShouldBe(Expected((0, Initial), (21, "text A"), (31, "text B"), (41, Initial)));
        session.Descriptions.ShouldBe(tracker.HeldPerFrame);
    }

    private static ReasoningSetupOptions Setup(ScheduleMode schedule) => new()
    {
        Kind = ReasonerKind.ReasoningTrack,
        Model = "reasoningtrack-3b",
        Schedule = schedule, // released triggers and the initial strategy are the defaults
    };

    private List<string?> ReadDescriptions(string sequence) =>
        File.ReadAllLines(Path.Combine(_dir, sequence + "_descriptions.txt")).Select(l => (string?)l).ToList();

    private List<(int Frame, int? AppliedAt, string Status)> ReadLog(string sequence) =>
        File.ReadAllLines(Path.Combine(_dir, sequence + "_reasoning.jsonl")).Select(l =>
        {
            var r = JsonDocument.Parse(l).RootElement;
            int? applied = r.TryGetProperty("applied_at_frame", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetInt32() : null;
            return (r.GetProperty("frame").GetInt32(), applied, r.GetProperty("status").GetString()!);
        }).ToList();

    /// <summary>The scripted boxes without the text capability.</summary>
    private sealed class VisualOnlyTracker : ITracker
    {
        public string Name => "visual-only";
        public void Initialize(ImageFrame frame, Box box) { }
        public TrackResult Update(ImageFrame frame) => new(RefinerTimingTests.BoxAt(frame.Index), 1, true);
        public void Dispose() { }
    }

    /// <summary>A reasoner that places the target once, on <paramref name="at"/> (as a VLM-as-tracker answer does).</summary>
    private sealed class CorrectOnce(int at, Box box) : IFrameReasoner
    {
        public string Mode => "correct-once";

        public ReasoningRequest? Consider(int frame, ImageFrame image, TrackResult tracked, ReasoningState state) =>
            frame == at ? new ReasoningRequest("test", _ => Task.FromResult(new ReasoningAnswer { Box = box })) : null;

        public AnswerUse Apply(ReasoningAnswer answer, int askedFrame, int currentFrame, ReasoningState state)
        {
            state.Correction = new TrackResult(answer.Box!.Value, 1, true);
            return AnswerUse.Applied;
        }
    }

    /// <summary>
    /// Holds the n-th reply after the server has sent it until <see cref="Release"/>(n); Release first waits until the
    /// reply is in and held. Where the rest of the call then runs is not assumed: the test waits for the session's
    /// report that the answer arrived.
    /// </summary>
    private sealed class HoldingChatClient(IChatClient inner, int calls) : DelegatingChatClient(inner)
    {
        private readonly TaskCompletionSource[] _release = Enumerable.Range(0, calls).Select(_ => new TaskCompletionSource()).ToArray();
        private readonly bool[] _held = new bool[calls];
        private int _calls = -1;

        public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            int n = Interlocked.Increment(ref _calls);
            var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            await new HoldUntil(_release[n].Task, () => Volatile.Write(ref _held[n], true));
            return response;
        }

        public void Release(int n)
        {
            WatchedClock.Until(() => Volatile.Read(ref _held[n]), $"the server's reply to call {n} held");
            _release[n].SetResult();
        }
    }

    /// <summary>Awaits <paramref name="gate"/> and calls <paramref name="registered"/> once the continuation is registered on it.</summary>
    private readonly struct HoldUntil(Task gate, Action registered) : ICriticalNotifyCompletion
    {
        public HoldUntil GetAwaiter() => this;
        public bool IsCompleted => false;
        public void GetResult() { }

        public void OnCompleted(Action continuation)
        {
            gate.ConfigureAwait(false).GetAwaiter().OnCompleted(continuation);
            registered();
        }

        public void UnsafeOnCompleted(Action continuation)
        {
            gate.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(continuation);
            registered();
        }
    }
}
