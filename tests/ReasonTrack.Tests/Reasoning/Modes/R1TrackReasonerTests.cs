using ReasonTrack.Media;
using System.Globalization;
using ReasonTrack.Geometry;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Reasoning.Modes;

/// <summary>
/// R1-Track mode end to end on real frames (Car4, 360x240, init 70,51,107,87) through the HTTP client and the scripted
/// server. Expected crops and boxes are worked out by hand below from the released formulas, not from our code.
/// </summary>
public class R1TrackReasonerTests
{
    // sample_target for the init box, factor 4, out 336:
    //   side = ceil(sqrt(107*87) * 4) = ceil(96.483 * 4) = ceil(385.93) = 386
    //   x1 = round(70 + 53.5 - 193) = round(-69.5) = -70 (half to even), y1 = round(51 + 43.5 - 193) = round(-98.5) = -98
    //   box in crop = ((70+70)*336/386, (51+98)*336/386, (177+70)*336/386, (138+98)*336/386)
    //              = (121.87, 129.70, 215.00, 205.43) -> truncated [121,129,215,205]
    private const double Side = 386;
    private const double CropX1 = -70, CropY1 = -98;

    // rejectBorderBoxes null: the options' default, so the test sees what a user gets without asking.
    private static ReasoningSession Session(OpenAiCompatibleChatClient client, ReasoningLog log, bool think = false, ITargetGrounder? grounder = null, bool? rejectBorderBoxes = null) => new()
    {
        Tracker = TrackerRegistry.Create("identity"),
        Reasoners = [new R1TrackReasoner(client, rejectBorderBoxes is { } reject ? new R1TrackOptions { Think = think, RejectBorderBoxes = reject } : new R1TrackOptions { Think = think })],
        Schedule = ScheduleMode.Sync,
        Log = log,
        Grounder = grounder,
    };

    [Fact]
    public async Task Sends_the_released_request_maps_the_answer_back_and_keeps_the_box_on_a_bad_reply()
    {
        var ct = TestContext.Current.CancellationToken;
        var (frames, gt) = ModeFixtures.Frames("Car4", 3);
        gt[0].ShouldBe(new Box(70, 51, 107, 87));
        await using var server = await FakeVlmServer.StartAsync("r1track-3b", ct);
        server.Enqueue(FakeReply.Text("[100,110,200,190]"), FakeReply.Text("I cannot find the target."));
        using var client = ModeFixtures.Client(server, "r1track-3b");
        using var log = new ReasoningLog(null);

        var outcome = Session(client, log).Run(new InMemoryFrameSource("Car4", frames), gt[0], null, cancellation: ct);

        server.Requests.Count.ShouldBe(2);
        var first = server.Requests[0];
        first.Root.GetProperty("messages").GetArrayLength().ShouldBe(1); // no system message
        ModeFixtures.UserParts(first).Select(p => p.Type).ShouldBe(["image_url", "image_url", "text"]);
        ModeFixtures.UserParts(first)[2].Text.ShouldBe(
            "<image> <image>Given two images, you need to:\n1. Analyze and Identify the target object marked by bounding box [121,129,215,205] in <image_1>;\n2. Re-locate this target in <image_2>;\n3. Return [x_min, y_min, x_max, y_max] coordinates of the target in <image_2>.");
        first.Images().ShouldAllBe(i => i.DeclaredMime == "image/jpeg" && i.Header!.Value.Width == 336 && i.Header!.Value.Height == 336);
        first.Root.GetProperty("temperature").GetDouble().ShouldBe(0);
        first.Root.GetProperty("top_p").GetDouble().ShouldBe(0.5);
        first.Root.GetProperty("top_k").GetInt32().ShouldBe(20);
        first.Root.GetProperty("max_tokens").GetInt32().ShouldBe(512);

        // Frame 2: the answer mapped back, X = x / (336/386) + crop_x1.
        var b = outcome.Boxes[1];
        b.X.ShouldBe(100 * Side / 336 + CropX1, 1e-9);
        b.Y.ShouldBe(110 * Side / 336 + CropY1, 1e-9);
        (b.X + b.W).ShouldBe(200 * Side / 336 + CropX1, 1e-9);
        (b.Y + b.H).ShouldBe(190 * Side / 336 + CropY1, 1e-9);
        outcome.Scores[1].ShouldBe(1);

        // Frame 3: no list in the reply -> the previous crop-space box [100,110,200,190] in frame 3's search crop
        // (released fallback), score 0. Frame 3's crop is around frame 2's box (44.881, 28.369, 114.881, 91.905):
        //   side = ceil(sqrt(114.881 * 91.905) * 4) = ceil(411.01) = 412
        //   x1 = round(44.881 + 57.440 - 206) = round(-103.68) = -104, y1 = round(28.369 + 45.952 - 206) = round(-131.68) = -132
        outcome.Scores[2].ShouldBe(0);
        var c = outcome.Boxes[2];
        c.X.ShouldBe(100 * 412.0 / 336 - 104, 1e-9);
        c.Y.ShouldBe(110 * 412.0 / 336 - 132, 1e-9);
        (c.X + c.W).ShouldBe(200 * 412.0 / 336 - 104, 1e-9);
        (c.Y + c.H).ShouldBe(190 * 412.0 / 336 - 132, 1e-9);
        var records = log.Records;
        records.Select(r => (r.Frame, r.Mode, r.Trigger, r.Status)).ShouldBe([(2, "r1track", "every-frame", "ok"), (3, "r1track", "every-frame", "fallback")]);
        records[1].RawReply.ShouldBe("I cannot find the target.");
        records[1].ParseNote.ShouldNotBeNull();
        records.ShouldAllBe(r => r.Images.SequenceEqual(new[] { "336x336", "336x336" }));
    }

    [Fact]
    public async Task Think_mode_prefixes_the_prompt_and_reads_the_answer_tag()
    {
        var ct = TestContext.Current.CancellationToken;
        var (frames, gt) = ModeFixtures.Frames("Car4", 2);
        await using var server = await FakeVlmServer.StartAsync("r1track-3b", ct);
        server.Enqueue(FakeReply.Text("<think>The car moved slightly left.</think>\n<answer>[100,110,200,190]</answer>"));
        using var client = ModeFixtures.Client(server, "r1track-3b");
        using var log = new ReasoningLog(null);

        var outcome = Session(client, log, think: true).Run(new InMemoryFrameSource("Car4", frames), gt[0], null, cancellation: ct);

        string text = ModeFixtures.UserParts(server.Requests[0])[2].Text!;
        text.ShouldStartWith("You FIRST think about the reasoning process as an internal monologue and then provide the final answer. \n The reasoning process MUST BE enclosed within <think> </think> tags. The final answer MUST BE put in <answer> </answer> tags. <image> <image>Given two images");
        outcome.Boxes[1].X.ShouldBe(100 * Side / 336 + CropX1, 1e-9);
        log.Records.Single().Status.ShouldBe("ok");
    }

    [Fact]
    public async Task Text_initialization_grounds_on_the_resized_first_frame_and_maps_xyxy_back()
    {
        var ct = TestContext.Current.CancellationToken;
        var (frames, _) = ModeFixtures.Frames("Car4", 2);
        await using var server = await FakeVlmServer.StartAsync("Qwen2.5-VL-3B-Instruct", ct);
        // Qwen2.5-VL's smart resize of 360x240: each side to the nearest multiple of 28 -> 364x252 (13 x 28, 9 x 28).
        server.Enqueue(FakeReply.Text("```json\n[{\"bbox_2d\": [71, 53, 179, 141], \"label\": \"white car\"}]\n```"), FakeReply.Text("[100,110,200,190]"));
        using var client = ModeFixtures.Client(server, "Qwen2.5-VL-3B-Instruct");
        using var log = new ReasoningLog(null);
        var grounder = new TextGrounder(client, CoordinateConventions.ForModel("Qwen2.5-VL-3B-Instruct"));

        var outcome = Session(client, log, grounder: grounder).Run(new InMemoryFrameSource("Car4", frames), null, "the white car", cancellation: ct);

        var ground = server.Requests[0];
        ModeFixtures.UserParts(ground).Select(p => p.Type).ShouldBe(["image_url", "text"]);
        ModeFixtures.UserParts(ground)[1].Text.ShouldBe("Please return the coordinates of the white car in JSON format.");
        var sent = ground.Images().Single().Header!.Value;
        (sent.Width, sent.Height).ShouldBe((364, 252));
        // xyxy in the 364x252 image -> frame pixels.
        var init = outcome.Boxes[0];
        init.X.ShouldBe(71 * 360.0 / 364, 1e-9);
        init.Y.ShouldBe(53 * 240.0 / 252, 1e-9);
        (init.X + init.W).ShouldBe(179 * 360.0 / 364, 1e-9);
        (init.Y + init.H).ShouldBe(141 * 240.0 / 252, 1e-9);
        log.Records[0].Trigger.ShouldBe("init");
        log.Records[0].Status.ShouldBe("ok");
        // The text initialization is ours (R1-Track's released one does not work); the tracking calls are released r1track.
        log.Records.Select(r => r.Mode).ShouldBe(["text-init-ours", "r1track"]);
        // The template box in the next prompt comes from the grounded box, not from any ground truth.
        server.Requests.Count.ShouldBe(2);
        string expected = string.Create(CultureInfo.InvariantCulture, $"{ExpectedTemplateText(init)}");
        ModeFixtures.UserParts(server.Requests[1])[2].Text!.ShouldContain($"bounding box {expected} in <image_1>");
    }

    [Fact]
    public async Task A_grounding_reply_without_a_box_is_a_clear_error_and_is_logged()
    {
        var ct = TestContext.Current.CancellationToken;
        var (frames, _) = ModeFixtures.Frames("Car4", 2);
        await using var server = await FakeVlmServer.StartAsync("Qwen2.5-VL-3B-Instruct", ct);
        server.Enqueue(FakeReply.Text("There is no such object in the image."));
        using var client = ModeFixtures.Client(server, "Qwen2.5-VL-3B-Instruct");
        using var log = new ReasoningLog(null);
        var session = Session(client, log, grounder: new TextGrounder(client, CoordinateConvention.Qwen25Absolute));

        var e = Should.Throw<ReasonTrackException>(() => session.Run(new InMemoryFrameSource("Car4", frames), null, "a red bus", cancellation: ct));
        e.Message.ShouldContain("grounding found no target on frame 1");
        log.Records.Single().Status.ShouldBe("fallback");
        log.Records.Single().RawReply.ShouldBe("There is no such object in the image.");
    }

    /// <summary>Replies in order, with no HTTP: for tests that drive Consider/Work/Apply by hand.</summary>
    private sealed class ScriptedChatClient(params string[] replies) : Microsoft.Extensions.AI.IChatClient
    {
        private int _next;

        public Task<Microsoft.Extensions.AI.ChatResponse> GetResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages,
            Microsoft.Extensions.AI.ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Microsoft.Extensions.AI.ChatResponse(new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.Assistant, replies[_next++])));

        public IAsyncEnumerable<Microsoft.Extensions.AI.ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages,
            Microsoft.Extensions.AI.ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;
        public void Dispose() { }
    }

    [Fact]
    public async Task In_realtime_a_fallback_computed_before_a_newer_answer_was_applied_is_stale_and_does_not_move_the_box_back()
    {
        var ct = TestContext.Current.CancellationToken;
        var (frames, gt) = ModeFixtures.Frames("Car4", 3);
        // Request 2 is made (and would run) before answer 1 is applied, as happens when a call is waiting in realtime mode.
        var r = new R1TrackReasoner(new ScriptedChatClient("[100,110,200,190]", "no idea"));
        var state = new ReasoningState(null);
        r.Consider(0, frames[0], new TrackResult(gt[0], 1, true), state).ShouldBeNull();
        var first = r.Consider(1, frames[1], new TrackResult(gt[0], 1, true), state)!;
        var second = r.Consider(2, frames[2], new TrackResult(gt[0], 1, true), state)!;
        var a1 = await first.Work(ct);
        var a2 = await second.Work(ct);

        r.Apply(a1, 1, 2, state).ShouldBe(AnswerUse.Applied);
        var moved = state.Correction!.Value;
        moved.Box.X.ShouldBe(100 * Side / 336 + CropX1, 1e-9);
        state.Correction = null;
        a2.Status.ShouldBe("fallback");
        r.Apply(a2, 2, 3, state).ShouldBe(AnswerUse.Stale); // its fallback was the box before answer 1
        state.Correction.ShouldBeNull();
    }

    /// <summary>The template box text for an init box, by the released formulas written out independently.</summary>
    private static string ExpectedTemplateText(Box b)
    {
        double side = Math.Ceiling(Math.Sqrt(b.W * b.H) * 4);
        double x1 = Math.Round(b.X + 0.5 * b.W - side * 0.5, MidpointRounding.ToEven);
        double y1 = Math.Round(b.Y + 0.5 * b.H - side * 0.5, MidpointRounding.ToEven);
        double f = 336 / side;
        int T(double v) => (int)Math.Truncate(v);
        return $"[{T((b.X - x1) * f)},{T((b.Y - y1) * f)},{T((b.X + b.W - x1) * f)},{T((b.Y + b.H - y1) * f)}]";
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_border_touching_answer_is_applied_as_released_and_refused_only_with_the_pre_0680_rule(bool rejectBorderBoxes)
    {
        var ct = TestContext.Current.CancellationToken;
        var (frames, gt) = ModeFixtures.Frames("Car4", 2);
        await using var server = await FakeVlmServer.StartAsync("r1track-3b", ct);
        // Frame 2's search crop is frame 1's (side 386 at (-70, -98)): crop (0, 0) maps to (-70, -98), left of and
        // above the frame, so the clipped box has x = 0 and y = 0.
        server.Enqueue(FakeReply.Text("[0,0,200,190]"));
        using var client = ModeFixtures.Client(server, "r1track-3b");
        using var log = new ReasoningLog(null);

        var outcome = Session(client, log, rejectBorderBoxes: rejectBorderBoxes ? true : null).Run(new InMemoryFrameSource("Car4", frames), gt[0], null, cancellation: ct);

        var b = outcome.Boxes[1];
        if (!rejectBorderBoxes)
        {
            // infer_script/r1track.py at HEAD: x = max(0, -70) = 0, y = max(0, -98) = 0, w = max(1, min(200*386/336, 360 - 0)),
            // h = max(1, min(190*386/336, 240 - 0)); applied.
            b.X.ShouldBe(0);
            b.Y.ShouldBe(0);
            b.W.ShouldBe(200 * Side / 336, 1e-9);
            b.H.ShouldBe(190 * Side / 336, 1e-9);
            outcome.Scores[1].ShouldBe(1);
            log.Records.Single().Status.ShouldBe("ok");
        }
        else
        {
            // Before commit 969f246: x == 0 -> the previous box is kept.
            b.ShouldBe(gt[0]);
            outcome.Scores[1].ShouldBe(0);
            log.Records.Single().Status.ShouldBe("fallback");
            log.Records.Single().ParseNote!.ShouldContain("pre-0.680");
        }
    }
}
