using System.Text.Json;
using ReasonTrack.IO;
using ReasonTrack.Tests.Reasoning;

namespace ReasonTrack.Tests.Cli;

/// <summary>
/// <c>track</c> and <c>run</c> with <c>--reasoner</c> through the real CLI against the scripted server: the reasoning
/// log and the per-frame descriptions beside the boxes, grounding when no box is given, and clean errors.
/// </summary>
public sealed class ReasoningCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-reason-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void RequireFfmpeg()
    {
        if (!File.Exists("/usr/bin/ffmpeg") && Environment.GetEnvironmentVariable("REASONTRACK_FFMPEG") is null)
            Assert.Skip("ffmpeg not installed (./setup.sh installs it)");
    }

    private static List<JsonElement> ReadLog(string path) =>
        File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public async Task Track_with_the_refiner_writes_the_reasoning_log_and_the_description_of_every_frame()
    {
        RequireFfmpeg();
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeVlmServer.StartAsync("reasoningtrack-3b", ct);
        server.DefaultReply = FakeReply.Text("<think>It is still the square.</think><d>yes</d><answer>a textured square near a look-alike</answer>");

        var o = await Task.Run(() => CliRunner.Run("track", "--example", "--out", _dir, "--video", Path.Combine(_dir, "v.mp4"),
            "--reasoner", "reasoningtrack", "--vlm-url", server.BaseUrl.ToString(), "--model", "reasoningtrack-3b",
            "--text", "a textured square", "--trigger", "interval", "--interval", "100"), ct);

        o.ExitCode.ShouldBe(0, o.Stdout + o.Stderr);
        o.Stdout.ShouldContain("sync reasoning");
        o.Stdout.ShouldContain("synthetic_reasoning.jsonl (2 ok)");
        string stem = Path.Combine(_dir, "synthetic");
        NumericTable.Read(stem + ".txt").RowCount.ShouldBe(300);
        var log = ReadLog(stem + "_reasoning.jsonl");
        // Interval 100: asked about 0-based frame 100 (1-based 101, image 2 of the request), in force from the next
        // frame; the next at 0-based 200 (1-based 201); a third would be about 0-based 300, past the last frame.
        log.Select(r => r.GetProperty("frame").GetInt32()).ShouldBe([101, 201]);
        log.Select(r => r.GetProperty("applied_at_frame").GetInt32()).ShouldBe([102, 202]);
        log.ShouldAllBe(r => r.GetProperty("mode").GetString() == "reasoningtrack" && r.GetProperty("trigger").GetString() == "interval");
        log[0].GetProperty("images").EnumerateArray().Select(e => e.GetString()).ShouldBe(["480x360", "480x360"]); // the generated sequence's frames, whole
        var descriptions = File.ReadAllLines(stem + "_descriptions.txt");
        descriptions.Length.ShouldBe(300);
        descriptions[100].ShouldBe("a textured square");
        descriptions[101].ShouldBe("a textured square near a look-alike");
        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Run_with_r1track_and_text_grounding_tracks_a_dataset_sequence_from_the_grounded_box()
    {
        RequireFfmpeg();
        var ct = TestContext.Current.CancellationToken;
        string root = SharedData.Require("data/sequences");
        string list = Path.Combine(_dir, "list.txt");
        File.WriteAllText(list, "Football1\n");
        await using var server = await FakeVlmServer.StartAsync("Qwen2.5-VL-3B-Instruct", ct);
        server.Enqueue(FakeReply.Text("```json\n[{\"bbox_2d\": [300, 120, 330, 160], \"label\": \"player\"}]\n```"));
        // A box of the template's size (84 px = 336 / factor 4) centred in the search crop: the target stays put.
        server.DefaultReply = FakeReply.Text("[126,126,210,210]");

        var o = await Task.Run(() => CliRunner.Run("run", "--dataset", "otb", "--root", root, "--sequences", list, "--out", _dir,
            "--reasoner", "r1track", "--vlm-url", server.BaseUrl.ToString(), "--model", "Qwen2.5-VL-3B-Instruct",
            "--text", "the player in the white shirt", "--ground-init"), ct);

        o.ExitCode.ShouldBe(0, o.Stdout + o.Stderr);
        o.Stdout.ShouldContain("reasoning: r1track");
        o.Stdout.ShouldContain("(otb)"); // the evaluation names its protocol
        int rows = NumericTable.Read(Path.Combine(_dir, "Football1.txt")).RowCount;
        rows.ShouldBe(74);
        var log = ReadLog(Path.Combine(_dir, "Football1_reasoning.jsonl"));
        log.Count.ShouldBe(74); // grounding on frame 1, then one call per frame
        log[0].GetProperty("trigger").GetString().ShouldBe("init");
        log[0].GetProperty("mode").GetString().ShouldBe("text-init-ours");
        log.Skip(1).ShouldAllBe(r => r.GetProperty("mode").GetString() == "r1track");
        log.Skip(1).ShouldAllBe(r => r.GetProperty("trigger").GetString() == "every-frame" && r.GetProperty("status").GetString() == "ok");
        File.ReadAllLines(Path.Combine(_dir, "Football1_descriptions.txt")).Length.ShouldBe(74);
        // The first box is the grounded one, not the ground truth's: [300,120,330,160] in the pixels of the image sent
        // (Qwen2.5: the frame resized client-side), scaled to the frame's own size.
        var grounding = server.Requests[0];
        grounding.Body.ShouldContain("Please return the coordinates of the player in the white shirt in JSON format.");
        var sent = grounding.Images().Single().Header!.Value;
        string firstFrame = Directory.GetFiles(Path.Combine(root, "Football1", "img")).Order(StringComparer.Ordinal).First();
        ReasonTrack.Media.ImageHeader.TryRead(File.ReadAllBytes(firstFrame), out var frame).ShouldBeTrue();
        (sent.Width, sent.Height).ShouldNotBe((frame.Width, frame.Height)); // resized, so the mapping is not the identity
        var row1 = NumericTable.Read(Path.Combine(_dir, "Football1.txt")).ToBoxes()[0];
        row1.X.ShouldBe(300.0 * frame.Width / sent.Width, 0.01);
        row1.Y.ShouldBe(120.0 * frame.Height / sent.Height, 0.01);
        (row1.X + row1.W).ShouldBe(330.0 * frame.Width / sent.Width, 0.01);
        (row1.Y + row1.H).ShouldBe(160.0 * frame.Height / sent.Height, 0.01);
    }

    [Theory]
    [InlineData("track")]
    [InlineData("run")]
    public void Help_names_the_released_files_and_marks_our_own_designs(string command)
    {
        var o = CliRunner.Run(command, "--help");
        o.ExitCode.ShouldBe(0, o.Stderr);
        foreach (string s in new[] { "infer_script/r1track.py", "--reject-border-boxes", "pre-0.680", "969f246", "instruction-ours", "text-init-ours", "TrackGPT released no code" })
            o.Stdout.ShouldContain(s);
    }

    [Theory]
    [InlineData("--reasoner r1track", "--model")]
    [InlineData("--reasoner bogus --model m", "--reasoner must be")]
    [InlineData("--think", "only makes sense with --reasoner")]
    [InlineData("--reject-border-boxes", "only makes sense with --reasoner")]
    [InlineData("--reasoner reasoningtrack --model m --schedule later", "--schedule must be sync or realtime")]
    [InlineData("--reasoner reasoningtrack --model m --text x --trigger sometimes", "--trigger takes")]
    [InlineData("--reasoner instruction --model m", "--instruction")]
    [InlineData("--reasoner r1track --model m --coords pixels", "--coords must be")]
    [InlineData("--reasoner r1track --model m --vlm-url ftp://x/v1", "--vlm-url must be")]
    public void Bad_reasoning_options_fail_cleanly(string options, string message)
    {
        var o = CliRunner.Run(["track", "--example", "--out", _dir, .. options.Split(' ')]).ShouldFailCleanly();
        o.Stderr.ShouldContain(message);
    }
}
