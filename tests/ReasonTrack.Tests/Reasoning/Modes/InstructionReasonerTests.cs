using System.Globalization;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Reasoning.Modes;

/// <summary>
/// Instruction tracking (TrackGPT-style) on real frames: the first box comes from grounding the instruction on the
/// first frame (Qwen2.5-VL convention: the frame is sent at its smart-resize size, 364x252 for 360x240), the default
/// tracker follows, and when its score falls below half its first score the model re-grounds on the current frame.
/// </summary>
public class InstructionReasonerTests
{
    private const int DropFrame = 25; // 0-based

    /// <summary>From <see cref="DropFrame"/> on, reports a wrong box with a collapsed score until re-initialized.</summary>
    private sealed class ScoreDropTracker(ITracker inner) : ITracker
    {
        private bool _dropped, _done;
        public string Name => inner.Name;
        public void Initialize(ImageFrame frame, Box box) { _dropped = false; inner.Initialize(frame, box); }

        public TrackResult Update(ImageFrame frame)
        {
            if (frame.Index == DropFrame && !_done) { _dropped = true; _done = true; }
            return _dropped ? new TrackResult(new Box(5, 5, 30, 30), 0.1, true) : inner.Update(frame);
        }

        public void Dispose() => inner.Dispose();
    }

    [Fact]
    public async Task Grounds_the_instruction_then_rethinks_when_the_score_halves()
    {
        var ct = TestContext.Current.CancellationToken;
        var (frames, gt) = ModeFixtures.Frames("Car4", 50);
        const string Instruction = "the vehicle that is about to pass under the bridge";
        await using var server = await FakeVlmServer.StartAsync("Qwen2.5-VL-7B-Instruct", ct);
        int calls = 0;
        server.Responder = _ =>
        {
            // Call 1 grounds frame 1, call 2 frame 26 (sync: asked on the frame of the drop). Answer in 364x252 pixels.
            var g = gt[calls++ == 0 ? 0 : DropFrame];
            string C(double v, double scale) => Math.Round(v * scale).ToString(CultureInfo.InvariantCulture);
            return FakeReply.Text($"The only vehicle near the bridge is the white car.\n```json\n[{{\"bbox_2d\": [{C(g.X, 364 / 360.0)}, {C(g.Y, 252 / 240.0)}, {C(g.X + g.W, 364 / 360.0)}, {C(g.Y + g.H, 252 / 240.0)}], \"label\": \"white car\"}}]\n```");
        };
        using var client = ModeFixtures.Client(server, "Qwen2.5-VL-7B-Instruct");
        using var log = new ReasoningLog(null);
        var reasoner = new InstructionReasoner(client, new InstructionOptions { Instruction = Instruction });
        var session = new ReasoningSession
        {
            Tracker = new ScoreDropTracker(TrackerRegistry.Create("default")),
            Reasoners = [reasoner],
            Grounder = reasoner,
            Schedule = ScheduleMode.Sync,
            Log = log,
        };

        var outcome = session.Run(new InMemoryFrameSource("Car4", frames), null, null, cancellation: ct);

        server.Requests.Count.ShouldBe(2);
        var ground = server.Requests[0];
        var parts = ModeFixtures.UserParts(ground);
        parts.Select(p => p.Type).ShouldBe(["image_url", "text"]);
        parts[1].Text.ShouldBe(InstructionPrompts.GroundingPrompt(Instruction));
        parts[1].Text!.ShouldContain("Instruction: " + Instruction + "\n");
        (ground.Images()[0].Header!.Value.Width, ground.Images()[0].Header!.Value.Height).ShouldBe((364, 252));
        ground.Root.GetProperty("temperature").GetDouble().ShouldBe(0);

        // The grounded box is the ground truth to within the rounding of the model's integer pixels (< 1 px).
        Math.Abs(outcome.Boxes[0].X - gt[0].X).ShouldBeLessThan(1);
        Math.Abs(outcome.Boxes[0].W - gt[0].W).ShouldBeLessThan(2);
        var rethink = log.Records.Single(r => r.Trigger == "rethink");
        (rethink.Frame, rethink.Status, rethink.AppliedAtFrame).ShouldBe((DropFrame + 1, "ok", DropFrame + 1));
        log.Records[0].Trigger.ShouldBe("init");
        // Everything TrackGPT-like is our design (TrackGPT released no code): the log says so in the mode name.
        log.Records.Select(r => r.Mode).ShouldAllBe(m => m == "instruction-ours");
        double after = Enumerable.Range(DropFrame, frames.Count - DropFrame).Average(i => Overlap.Iou(outcome.Boxes[i], gt[i]));
        after.ShouldBeGreaterThan(0.7);
    }
}
