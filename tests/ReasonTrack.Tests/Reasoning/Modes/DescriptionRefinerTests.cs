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
        // These frames are decoded pixels with no file behind them: the released file bytes fall back to lossless PNG,
        // labelled as such, and the log says why.
        images.ShouldAllBe(i => i.DeclaredMime == "image/png" && i.Header!.Value.Kind == ImageFileKind.Png && i.Header!.Value.Width == w && i.Header!.Value.Height == h);
        log.Records[0].ImageEncodings.ShouldBe(["png (fallback: no source file)", "png (fallback: no source file)"]);
        // The released strategy refines the initial text every time.
        server.Requests[2].Root.GetProperty("messages")[1].GetProperty("content")[2].GetProperty("text").GetString().ShouldBe("a white car");

        // Requests name the check frame (1-based in the log); the answer is in force from the next frame. Index 20: the interval (20 frames
        // since frame 0) and a check frame; indices 40 and 60 are check frames where the released motion rule fires
        // (the car shrinks against the box at the last update) before the next interval would.
        var records = log.Records;
        records.Select(r => (r.Frame, r.Status)).ShouldBe([(21, "ok"), (41, "error"), (61, "ok")]);
        records[1].Trigger.ShouldContain("areachange"); // motion rule: min(area)/max(area) < 0.95
        records[2].Trigger.ShouldContain("areachange");
        records[1].Error.ShouldNotBeNull();
        session.Descriptions[20].ShouldBe("a white car");
        session.Descriptions[21].ShouldBe("a white car driving under a bridge");
        session.Descriptions[50].ShouldBe("a white car driving under a bridge"); // the error changed nothing
        session.Descriptions[^1].ShouldBe("a white car"); // d = no: the initial text is back in force
    }

    /// <summary>
    /// The real ReasoningTrack pair (TNLLT JE_Assian_ship_v01, frames 715 and 1091) as the refiner sends it, answered
    /// by the server with real model outputs: a d = yes output from the 997 SFT samples, then the README example (d = no).
    /// </summary>
    [Fact]
    public async Task Sends_the_real_frame_pair_and_applies_real_model_outputs()
    {
        var ct = TestContext.Current.CancellationToken;
        string dir = SharedData.Require("data/reasoningtrack-sample");
        using var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "data.json")));
        string description = meta.RootElement.GetProperty("language_description").GetString()!;
        var box = TrackCommandBox(meta.RootElement.GetProperty("img1_groundtruth").GetString()!);
        // A d = yes output of the SFT set, its answer read here with the released regex, independently of our parser.
        string sftDir = SharedData.Require("data/reasoningtrack-sft");
        string realYes = Directory.GetFiles(sftDir, "*.json").Order(StringComparer.Ordinal)
            .SelectMany(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.EnumerateArray().Select(e => e.GetProperty("output").GetString()!).ToList())
            .First(o => System.Text.RegularExpressions.Regex.Match(o, "<d>(.*?)</d>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value.Trim() == "yes");
        string realAnswer = System.Text.RegularExpressions.Regex.Match(realYes, "<answer>(.*?)</answer>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value.Trim();
        const string ReadmeExample = "<think>Okay, let's see. The initial text is \"a ship\". I need to check if this needs updating based on the two frames provided.</think><d>no</d><answer>a ship</answer>";

        string[] paths = [Path.Combine(dir, "img1.jpg"), .. Enumerable.Repeat(Path.Combine(dir, "img2.jpg"), 5)];
        var frames = new List<ImageFrame>();
        using (var source = FfmpegFrameSource.FromImages(paths, new FrameSourceOptions { Format = PixelFormat.Rgb24 }))
            foreach (var f in source.ReadFrames(ct))
                using (f) frames.Add(f.Clone());
        await using var server = await FakeVlmServer.StartAsync("reasoningtrack-3b", ct);
        server.Enqueue(FakeReply.Text(realYes), FakeReply.Text(ReadmeExample));
        using var client = new OpenAiCompatibleChatClient(new VlmClientOptions { BaseUrl = server.BaseUrl, Model = "reasoningtrack-3b", MaxRetries = 0 });
        using var log = new ReasoningLog(null);
        var session = new ReasoningSession
        {
            Tracker = TrackerRegistry.Create("identity"),
            Reasoners = [new DescriptionRefiner(client, DescriptionStrategy.Initial, new UpdateTriggerOptions { Motion = false, Interval = 2 })],
            Schedule = ScheduleMode.Sync,
            Log = log,
        };

        session.Run(new InMemoryFrameSource("JE_Assian_ship_v01", frames), box, description, cancellation: ct);

        // Trigger on index 2, sent with the frame of the last update (index 0 = img1) and the check frame (img2); in force from index 3.
        server.Requests.Count.ShouldBe(2);
        var request = server.Requests[0];
        var images = request.Images();
        images.Count.ShouldBe(2);
        images[0].Bytes.Length.ShouldNotBe(images[1].Bytes.Length); // two different frames, in order
        images.ShouldAllBe(i => i.DeclaredMime == "image/jpeg" && i.Header!.Value.Width == frames[0].Width && i.Header!.Value.Height == frames[0].Height);
        // Released (Evaluation/i2d.py): the files' own bytes, not a re-encoding.
        images[0].Bytes.ShouldBe(File.ReadAllBytes(paths[0]));
        images[1].Bytes.ShouldBe(File.ReadAllBytes(paths[1]));
        request.Root.GetProperty("messages")[1].GetProperty("content")[2].GetProperty("text").GetString().ShouldBe("the wooden ship on the river");
        session.Descriptions[2].ShouldBe(description);
        session.Descriptions[3].ShouldBe(realAnswer);
        session.Descriptions[5].ShouldBe(description); // README example: d = no, the initial text is back
        log.Records.Select(r => r.Decision).ShouldBe(["d=yes", "d=no"]);
    }

    private static ReasonTrack.Geometry.Box TrackCommandBox(string text)
    {
        var v = text.Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new ReasonTrack.Geometry.Box(v[0], v[1], v[2], v[3]);
    }
}
