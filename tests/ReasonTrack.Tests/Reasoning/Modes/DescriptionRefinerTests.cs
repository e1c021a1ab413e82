using ReasonTrack.Media;
using System.Text.Json;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Tests.Trackers;
using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Reasoning.Modes;

/// <summary>
/// ReasoningTrack mode end to end on real frames: the default tracker, the refiner, our HTTP client and a scripted
/// OpenAI-compatible server on 127.0.0.1. Checks the request as the released system sends it and what the loop does
/// with the answers, including a server error.
/// </summary>
public class DescriptionRefinerTests
{
    [Fact]
    public async Task Refines_the_description_with_released_requests_and_survives_a_server_error()
    {
        var ct = TestContext.Current.CancellationToken;
        var s = RealSequences.Annotations("Car4");
        var frames = RealSequences.Decode(s.Frames.Take(70).ToList(), out int w, out int h);
        await using var server = await FakeVlmServer.StartAsync("reasoningtrack-3b", ct);
        server.Enqueue(
            FakeReply.Text("<think>Okay, the car is now partly in shadow.</think><d>yes</d> <answer>a white car driving under a bridge</answer>"),
            FakeReply.Status(400, "{\"error\":\"bad request\"}"),
            FakeReply.Text("<think>Nothing changed.</think><d>no</d><answer>a white car</answer>"));
        using var client = new OpenAiCompatibleChatClient(new VlmClientOptions { BaseUrl = server.BaseUrl, Model = "reasoningtrack-3b", MaxRetries = 0 });
        using var log = new ReasoningLog(null);
        var refiner = new DescriptionRefiner(client, DescriptionStrategy.Initial, new UpdateTriggerOptions { Interval = 20 });
        var session = new ReasoningSession { Tracker = TrackerRegistry.Create("default"), Reasoners = [refiner], Schedule = ScheduleMode.Sync, Log = log };

        var outcome = session.Run(new InMemoryFrameSource("Car4", frames), s.GroundTruth[0], "a white car", cancellation: ct);

        outcome.Frames.ShouldBe(70);
        server.Requests.Count.ShouldBe(3);
        var first = server.Requests[0].Root;
        first.GetProperty("model").GetString().ShouldBe("reasoningtrack-3b");
        first.TryGetProperty("temperature", out _).ShouldBeFalse();
        first.TryGetProperty("max_tokens", out _).ShouldBeFalse();
        var msgs = first.GetProperty("messages");
        msgs[0].GetProperty("role").GetString().ShouldBe("system");
        msgs[0].GetProperty("content").GetString().ShouldBe(ReasoningTrackPrompts.SystemPrompt);
        var parts = msgs[1].GetProperty("content").EnumerateArray().ToList();
        parts.Select(p => p.GetProperty("type").GetString()).ShouldBe(["image_url", "image_url", "text"]);
        parts[2].GetProperty("text").GetString().ShouldBe("a white car");
        var images = server.Requests[0].Images();
        images.Count.ShouldBe(2);
        images.ShouldAllBe(i => i.DeclaredMime == "image/jpeg" && i.Header!.Value.Width == w && i.Header!.Value.Height == h);
        // The released strategy refines the initial text every time.
        server.Requests[2].Root.GetProperty("messages")[1].GetProperty("content")[2].GetProperty("text").GetString().ShouldBe("a white car");

        // Triggers are found on a frame and the request goes out on the next one. Index 20: the interval (20 frames
        // since frame 0) and a check frame; indices 40 and 60 are check frames where the released motion rule fires
        // (the car shrinks against the box at the last update) before the next interval would.
        var records = log.Records;
        records.Select(r => (r.Frame, r.Status)).ShouldBe([(22, "ok"), (42, "error"), (62, "ok")]);
        records[1].Trigger.ShouldContain("areachange"); // motion rule: min(area)/max(area) < 0.95
        records[2].Trigger.ShouldContain("areachange");
        records[1].Error.ShouldNotBeNull();
        session.Descriptions[20].ShouldBe("a white car");
        session.Descriptions[21].ShouldBe("a white car driving under a bridge");
        session.Descriptions[50].ShouldBe("a white car driving under a bridge"); // the error changed nothing
        session.Descriptions[^1].ShouldBe("a white car"); // d = no: the initial text is back in force
    }
}
