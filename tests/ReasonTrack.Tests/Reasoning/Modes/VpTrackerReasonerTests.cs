using ReasonTrack.Media;
using ReasonTrack.Geometry;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Parsing;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Reasoning.Modes;

/// <summary>VPTracker mode on real frames (Car4, 360x240, init 70,51,107,87) through the HTTP client and the scripted server.</summary>
public class VpTrackerReasonerTests
{
    [Fact]
    public async Task Sends_template_full_frame_and_language_and_applies_the_released_checks()
    {
        var ct = TestContext.Current.CancellationToken;
        var (frames, gt) = ModeFixtures.Frames("Car4", 4);
        await using var server = await FakeVlmServer.StartAsync("vptracker-4b", ct);
        server.Enqueue(
            FakeReply.Text("```json\n{\n  \"visible\": \"yes\", \n  \"bbox\":[72, 50, 180, 140]\n}\n```"),
            FakeReply.Text("```json\n{\"visible\": \"no\", \"bbox\": [0, 0, 0, 0]}\n```"),
            FakeReply.Text("```json\n{\"visible\": \"yes\", \"bbox\": [300, 10, 400, 100]}\n```")); // 400 > 360: rejected
        using var client = ModeFixtures.Client(server, "vptracker-4b");
        using var log = new ReasoningLog(null);
        var session = new ReasoningSession
        {
            Tracker = TrackerRegistry.Create("identity"),
            Reasoners = [new VpTrackerReasoner(client, new VpTrackerOptions { Parsing = ReplyParsing.Released })],
            Schedule = ScheduleMode.Sync,
            Log = log,
        };

        var outcome = session.Run(new InMemoryFrameSource("Car4", frames), gt[0], "a white car", cancellation: ct);

        server.Requests.Count.ShouldBe(3);
        var first = server.Requests[0];
        first.Root.GetProperty("messages").GetArrayLength().ShouldBe(1);
        // Interleaved as the fork's template places the images (issue 11 item 2): text, template, text, search, text.
        var parts = ModeFixtures.UserParts(first);
        parts.Select(p => p.Type).ShouldBe(["text", "image_url", "text", "image_url", "text"]);
        parts[0].Text.ShouldBe("You are a visual object tracker.\nGiven the visual information of the target object, including an initial visual template <template>");
        parts[2].Text.ShouldBe("</template>, \nand the language description of the target object, including an initial language description <ref>a white car</ref>.\n\nThen, detect the target object is in search image <search>");
        parts[4].Text!.ShouldStartWith("</search>.\n    1. determine whether the target is visible in the search image.");
        parts[4].Text!.ShouldEndWith("If you cannot find it, then search for the target outside the rectangular bounding box.");
        parts.ShouldAllBe(p => p.Text == null || !p.Text.Contains("<image>"));
        // Template: side ceil(sqrt(107*87)*2) = 193, corner (round(123.5-96.5), round(94.5-96.5)) = (27, -2),
        // clipped to the image: x 27..220, y 0..191 -> 193 x 191. Search: the whole 360x240 frame.
        var images = first.Images();
        (images[0].Header!.Value.Width, images[0].Header!.Value.Height).ShouldBe((193, 191));
        (images[1].Header!.Value.Width, images[1].Header!.Value.Height).ShouldBe((360, 240));
        first.Root.GetProperty("temperature").GetDouble().ShouldBe(0);
        first.Root.GetProperty("max_tokens").GetInt32().ShouldBe(1024);
        first.Has("top_p").ShouldBeFalse();
        first.Has("top_k").ShouldBeFalse();

        // The visual prompt on the image actually sent: red, 3 px, 4x the init box around its centre (123.5, 94.5):
        // 428 x 348, so its right edge is at x = 123.5 + 214 = 337.5 and the other edges fall outside the frame.
        using var sent = ReasonTrack.Tests.Media.PngTestDecoder.Decode(images[1].Bytes);
        // (Car4's frames are grey: drawn on them unconverted, the rectangle would be grey and fail this.)
        bool Red(int x, int y) { var p = sent.Row(y).Slice(x * 3, 3); return p[0] > 150 && p[1] < 90 && p[2] < 90; }
        for (int y = 10; y < 230; y += 10)
        {
            Enumerable.Range(333, 9).Any(x => Red(x, y)).ShouldBeTrue($"no red near x = 337 on row {y}");
            Red(300, y).ShouldBeFalse();
            Red(20, y).ShouldBeFalse();
        }

        outcome.Boxes[1].ShouldBe(new Box(72, 50, 108, 90));
        (outcome.Found[2], outcome.Boxes[2]).ShouldBe((false, new Box(72, 50, 108, 90))); // visible: no -> previous box, not found
        outcome.Boxes[3].ShouldBe(new Box(72, 50, 108, 90)); // out of the image -> previous box
        log.Records.Select(r => (r.Frame, r.Status, r.Decision)).ShouldBe([(2, "ok", "visible=yes"), (3, "ok", "visible=no"), (4, "fallback", "no usable box")]);
        log.Records[2].ParseNote!.ShouldContain("outside");
    }

    [Fact]
    public void A_relocation_answer_is_stale_when_late_or_when_the_tracker_recovered_and_rejected_when_its_size_is_implausible()
    {
        var r = new VpTrackerReasoner(new NoCallChatClient(), new VpTrackerOptions { Role = VpTrackerRole.Relocator, MaxAnswerAge = 30, MaxSizeChange = 4 });
        using var frame = new ReasonTrack.Media.ImageFrame(100, 100, ReasonTrack.Media.PixelFormat.Gray8);
        var state = new ReasoningState("x");
        r.Consider(0, frame, new TrackResult(new Box(10, 10, 20, 20), 1, true), state);
        var answer = new ReasoningAnswer { Box = new Box(50, 50, 22, 18), Visible = true };

        state.Current = new TrackResult(new Box(10, 10, 20, 20), 0.1, false);
        r.Apply(answer, askedFrame: 10, currentFrame: 41, state).ShouldBe(AnswerUse.Stale);
        state.Correction.ShouldBeNull();
        state.Current = new TrackResult(new Box(10, 10, 20, 20), 1, true);
        r.Apply(answer, askedFrame: 10, currentFrame: 12, state).ShouldBe(AnswerUse.Stale);
        state.Current = new TrackResult(new Box(10, 10, 20, 20), 0.1, false);
        r.Apply(answer with { Box = new Box(0, 0, 90, 90) }, askedFrame: 10, currentFrame: 12, state).ShouldBe(AnswerUse.Rejected); // 4.5x wider
        state.Correction.ShouldBeNull();
        r.Apply(answer, askedFrame: 10, currentFrame: 40, state).ShouldBe(AnswerUse.Applied);
        state.Correction.ShouldBe(new TrackResult(new Box(50, 50, 22, 18), 1, true));
    }
}
