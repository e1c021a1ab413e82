using System.Text.Json;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Tests.Reasoning;

namespace ReasonTrack.Tests.Cli;

/// <summary>
/// <c>reasontrack score</c> through the real CLI: means worked out by hand, the component counts, the JSON-lines
/// records, the judge against the scripted OpenAI-compatible server on the real frame pair, and bad input.
/// </summary>
public sealed class ScoreCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-score-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteJsonl(string name, params object[] rows)
    {
        string p = Path.Combine(_dir, name);
        File.WriteAllLines(p, rows.Select(r => JsonSerializer.Serialize(r)));
        return p;
    }

    private static string LastLine(string stdout) => stdout.TrimEnd().Split('\n')[^1].TrimEnd('\r');

    private static List<JsonElement> Records(string path) =>
        File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public void R1track_prints_the_mean_gates_and_bands_and_writes_records()
    {
        string input = WriteJsonl("r1.jsonl",
            new { response = "[0, 0, 100, 40]", answer = "[0,0,100,100]" },          // g = 0.4 -> 0.4
            new { response = "[0, 0, 100, 95]", answer = new[] { 0, 0, 100, 100 } }, // g = 0.95 -> 1.45
            new { response = "the car", ground_truth = "[0,0,100,100]" },           // unparseable -> -1
            new { response = "[0, 0, 100, 20]", answer = "[0,0,100,100]" });         // g = 0.2 -> 0
        string output = Path.Combine(_dir, "r1-scores.jsonl");
        var o = CliRunner.Run("score", "--reward", "r1track", "--input", input, "--out", output);
        o.ExitCode.ShouldBe(0, o.Stderr);
        // (0.4 + 1.45 - 1 + 0) / 4 = 0.2125
        LastLine(o.Stdout).ShouldBe("mean 0.212500 n 4");
        o.Stdout.ShouldContain("gates (-1): unparseable 1");
        o.Stdout.ShouldContain("shaping: g<=0 -> g 0, 0<g<0.4 -> 0 1, 0.4<=g<=0.75 -> g 1, 0.75<g<0.95 -> g+0.2 0, g>=0.95 -> g+0.5 1");

        var records = Records(output);
        records.Count.ShouldBe(4);
        records[0].GetProperty("value").GetDouble().ShouldBe(0.4, 1e-12);
        records[1].GetProperty("value").GetDouble().ShouldBe(1.45, 1e-12);
        records[2].GetProperty("gate").GetString().ShouldBe("unparseable");
        records[2].GetProperty("value").GetDouble().ShouldBe(-1);
        records[3].GetProperty("giou").GetDouble().ShouldBe(0.2, 1e-12);
        records.Select(r => r.GetProperty("line").GetInt32()).ShouldBe([1, 2, 3, 4]);
    }

    [Fact]
    public void R1track_think_uses_response_length_and_says_when_it_estimates()
    {
        string reply = "<think>The same red car, a little to the left.</think>\n<answer>[0, 0, 100, 75]</answer>";
        string input = WriteJsonl("think.jsonl",
            new { response = reply, answer = "[0,0,100,100]", response_length = 512 },       // 0.75 + 0.05 + 0.1*(-1) = 0.70
            new { response = reply, answer = "[0,0,100,100]", response_length = 100 },       // too short -> -1
            new { response = reply, answer = "[0,0,100,100]" },                              // ~20 estimated tokens -> too short -> -1
            new { response = reply + "\n", answer = "[0,0,100,100]", response_length = 300 }); // trailing newline: format -> -1
        var o = CliRunner.Run("score", "--reward", "r1track-think", "--input", input);
        o.ExitCode.ShouldBe(0, o.Stderr);
        // (0.70 - 1 - 1 - 1) / 4 = -0.575
        LastLine(o.Stdout).ShouldBe("mean -0.575000 n 4");
        o.Stdout.ShouldContain("gates (-1): empty 0, format 1, too_short 2");
        o.Stdout.ShouldContain("tokens: 3 rows from response_length, 1 estimated (pieces of the Qwen2/Qwen2.5 pre-tokenizer split");
        o.Stdout.ShouldContain("length term: 1 rows over 448 tokens, mean term -1.0000");
    }

    [Fact]
    public void Reasoningtrack_strict_and_format_on_a_real_alpaca_file()
    {
        // sft_dataset_TNLLT.json: 200 outputs, one without an answer. Python's re (outside this test): format 199,
        // strict 199, strict d yes 160, no 39, no match 1.
        string input = SharedData.Require("data/reasoningtrack-sft/sft_dataset_TNLLT.json");
        var strict = CliRunner.Run("score", "--reward", "reasoningtrack-strict", "--input", input, "--field", "output");
        strict.ExitCode.ShouldBe(0, strict.Stderr);
        LastLine(strict.Stdout).ShouldBe("mean 0.995000 n 200");
        strict.Stdout.ShouldContain("format ok: 199 of 200");
        strict.Stdout.ShouldContain("strict ok: 199 of 200");
        strict.Stdout.ShouldContain("yes 160, no 39, other 0, no match 1");
        var format = CliRunner.Run("score", "--reward", "reasoningtrack-format", "--input", input, "--field", "output");
        LastLine(format.Stdout).ShouldBe("mean 0.995000 n 200");
    }

    [Fact]
    public async Task Reasoningtrack_judge_localizes_twice_per_row_through_the_vlm_on_the_real_frame_pair()
    {
        var ct = TestContext.Current.CancellationToken;
        string sample = SharedData.Require("data/reasoningtrack-sample");
        const string original = "the wooden ship on the river";
        string problem = ReasoningTrackPrompts.GrpoProblem(original);
        // Frame-2 ground truth 130,62.7031,258,225 -> corners [130, 62.7031, 388, 287.7031].
        var full = FakeReply.Text("```json\n[{\"bbox_2d\": [130, 62.7031, 388, 287.7031], \"label\": \"ship\"}]\n```"); // IoU 1
        var half = FakeReply.Text("[{\"bbox_2d\": [259, 62.7031, 388, 287.7031]}]"); // right half: 129*225 / (258*225) = 0.5
        object Row(string response) => new { problem, pic1 = "img1.jpg", pic2 = "img2.jpg", bbox1 = "176,64.7031,243,232", answer = "130,62.7031,258,225", response };
        string input = WriteJsonl("grpo.jsonl",
            Row("<think>The ship moved left.</think><d>yes</d> <answer>the wooden ship moving left on the river</answer>"), // 1 vs 0.5: yes right -> 0.35
            Row("<think>Same ship.</think>\n<d>no</d>\n<answer>the wooden ship on the river</answer>"),                    // 0.5 vs 0.5: no right -> 0.35
            Row("<think>Same ship.</think><d>no</d><answer>a brown ship</answer>"),                                        // 1 vs 0.5: no wrong -> 0.2
            Row("<think>No decision.</think><answer>a ship</answer>"));                                                   // judged as released: d = no, 0.5 vs 0.5 -> 0.15
        await using var server = await FakeVlmServer.StartAsync("fake-vlm", ct);
        server.Enqueue(full, half, half, half, full, half, half, half);
        string output = Path.Combine(_dir, "judge.jsonl");

        var o = await Task.Run(() => CliRunner.Run("score", "--reward", "reasoningtrack-judge", "--input", input, "--out", output,
            "--vlm-url", server.BaseUrl.ToString(), "--model", "fake-vlm", "--image-root", sample), ct);

        o.ExitCode.ShouldBe(0, o.Stderr);
        // (0.35 + 0.35 + 0.2 + 0.15) / 4 = 0.2625
        LastLine(o.Stdout).ShouldBe("mean 0.262500 n 4");
        o.Stdout.ShouldContain("judge: 1 for 3 of 4 judged rows");
        o.Stdout.ShouldContain("VLM grounding");

        var sent = server.Requests.Select(r => r.Root.GetProperty("messages")[0].GetProperty("content")[1].GetProperty("text").GetString()).ToList();
        sent.ShouldBe([
            "Please return the coordinates of the wooden ship moving left on the river in JSON format.",
            "Please return the coordinates of the wooden ship on the river in JSON format.",
            "Please return the coordinates of the wooden ship on the river in JSON format.",
            "Please return the coordinates of the wooden ship on the river in JSON format.",
            "Please return the coordinates of a brown ship in JSON format.",
            "Please return the coordinates of the wooden ship on the river in JSON format.",
            "Please return the coordinates of a ship in JSON format.",
            "Please return the coordinates of the wooden ship on the river in JSON format.",
        ]);
        byte[] frame2 = File.ReadAllBytes(Path.Combine(sample, "img2.jpg"));
        server.Requests.ShouldAllBe(r => r.Images().Single().Bytes.SequenceEqual(frame2));

        var records = Records(output);
        records[0].GetProperty("iou").GetDouble().ShouldBe(1, 1e-9);
        records[0].GetProperty("iou2").GetDouble().ShouldBe(0.5, 1e-9);
        records[0].GetProperty("judge").GetInt32().ShouldBe(1);
        records[0].GetProperty("d").GetString().ShouldBe("yes");
        records[2].GetProperty("judge").GetInt32().ShouldBe(0);
        records[2].GetProperty("value").GetDouble().ShouldBe(0.2, 1e-12);
        records[3].GetProperty("iou").GetDouble().ShouldBe(0.5, 1e-9);
        records[3].GetProperty("judge_d").GetString().ShouldBe("no");
        records[3].GetProperty("judge").GetInt32().ShouldBe(1);
        records[3].GetProperty("format").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Judge_validates_every_row_before_the_first_vlm_request_and_names_each_bad_row()
    {
        var ct = TestContext.Current.CancellationToken;
        string sample = SharedData.Require("data/reasoningtrack-sample");
        object Good() => new { description = "the wooden ship on the river", pic2 = Path.Combine(sample, "img2.jpg"), answer = "130,62.7031,258,225", response = "<d>no</d><answer>a ship</answer>" };
        string input = WriteJsonl("grpo.jsonl", Good(), Good(),
            new { description = "d", answer = "130,62.7031,258,225", response = "<d>no</d>" },                               // row 3: no pic2
            new { description = "d", pic2 = "img2.jpg", answer = "1,2,3", response = "<d>no</d>" });                          // row 4: 3 numbers
        string output = Path.Combine(_dir, "judge.jsonl");
        File.WriteAllText(output, "previous run\n");
        await using var server = await FakeVlmServer.StartAsync("fake-vlm", ct);
        server.DefaultReply = FakeReply.Text("[{\"bbox_2d\": [130, 62, 388, 287]}]");

        var o = await Task.Run(() => CliRunner.Run("score", "--reward", "reasoningtrack-judge", "--input", input, "--out", output,
            "--vlm-url", server.BaseUrl.ToString(), "--model", "fake-vlm"), ct);

        o.ShouldFailCleanly();
        server.Requests.Count.ShouldBe(0); // no paid request for rows 1-2
        o.Stderr.ShouldContain("2 of 4 rows cannot be scored");
        o.Stderr.ShouldContain($"{input}:3: row 3: no 'pic2' field");
        o.Stderr.ShouldContain($"{input}:4: row 4: 'answer'");
        File.ReadAllText(output).ShouldBe("previous run\n");
    }

    [Fact]
    public async Task A_vlm_failure_mid_file_leaves_an_existing_out_untouched()
    {
        var ct = TestContext.Current.CancellationToken;
        string sample = SharedData.Require("data/reasoningtrack-sample");
        object Row() => new { description = "the wooden ship on the river", pic2 = Path.Combine(sample, "img2.jpg"), answer = "130,62.7031,258,225", response = "<think>t</think><d>yes</d><answer>a ship</answer>" };
        string input = WriteJsonl("grpo.jsonl", Row(), Row());
        string output = Path.Combine(_dir, "judge.jsonl");
        File.WriteAllText(output, "previous run\n");
        await using var server = await FakeVlmServer.StartAsync("fake-vlm", ct);
        var box = FakeReply.Text("[{\"bbox_2d\": [130, 62, 388, 287]}]");
        server.Enqueue(box, box);
        server.DefaultReply = FakeReply.Status(400, "{\"error\":{\"message\":\"bad image\"}}");

        var o = await Task.Run(() => CliRunner.Run("score", "--reward", "reasoningtrack-judge", "--input", input, "--out", output,
            "--vlm-url", server.BaseUrl.ToString(), "--model", "fake-vlm"), ct);

        o.ShouldFailCleanly();
        o.Stderr.ShouldContain($"{input}:2: row 2: the VLM request failed");
        File.ReadAllText(output).ShouldBe("previous run\n");
        Directory.GetFiles(_dir, "*.tmp").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failing_vlm_request_names_the_row()
    {
        var ct = TestContext.Current.CancellationToken;
        string sample = SharedData.Require("data/reasoningtrack-sample");
        await using var server = await FakeVlmServer.StartAsync("fake-vlm", ct);
        server.DefaultReply = FakeReply.Status(400, "{\"error\":{\"message\":\"bad image\"}}"); // not retried
        string input = WriteJsonl("grpo.jsonl", new
        {
            description = "the wooden ship on the river", pic2 = Path.Combine(sample, "img2.jpg"), answer = "130,62.7031,258,225",
            response = "<think>t</think><d>yes</d><answer>a ship</answer>",
        });
        var o = await Task.Run(() => CliRunner.Run("score", "--reward", "reasoningtrack-judge", "--input", input,
            "--vlm-url", server.BaseUrl.ToString(), "--model", "fake-vlm"), ct);
        o.ShouldFailCleanly();
        o.Stderr.ShouldContain($"{input}:1: row 1: the VLM request failed");
    }

    [Fact]
    public void Bad_input_fails_cleanly_naming_file_line_and_row()
    {
        string noReply = WriteJsonl("noreply.jsonl", new { response = "[0,0,1,1]", answer = "[0,0,1,1]" }, new { answer = "[0,0,1,1]" });
        CliRunner.Run("score", "--reward", "r1track", "--input", noReply).ShouldFailCleanly()
            .Stderr.ShouldContain($"{noReply}:2: row 2: no 'response' field");

        string noGt = WriteJsonl("nogt.jsonl", new { response = "[0,0,1,1]" });
        CliRunner.Run("score", "--reward", "r1track", "--input", noGt).ShouldFailCleanly()
            .Stderr.ShouldContain($"{noGt}:1: row 1: no ground truth");

        string badGt = WriteJsonl("badgt.jsonl", new { response = "[0,0,1,1]", answer = "0,0,1" });
        CliRunner.Run("score", "--reward", "r1track", "--input", badGt).ShouldFailCleanly()
            .Stderr.ShouldContain("row 1: ground truth \"0,0,1\" is not [x1, y1, x2, y2]");

        string badJson = Path.Combine(_dir, "bad.jsonl");
        File.WriteAllText(badJson, "{\"response\": \"x\"}\n{\"response\": \n");
        CliRunner.Run("score", "--reward", "reasoningtrack-format", "--input", badJson).ShouldFailCleanly()
            .Stderr.ShouldContain($"{badJson}:2: invalid JSON line");

        string badLength = WriteJsonl("badlen.jsonl", new { response = "x", answer = "[0,0,1,1]", response_length = -3 });
        CliRunner.Run("score", "--reward", "r1track-think", "--input", badLength).ShouldFailCleanly()
            .Stderr.ShouldContain("row 1: 'response_length' -3 is not a non-negative whole number");

        CliRunner.Run("score", "--reward", "r1track", "--input", Path.Combine(_dir, "missing.jsonl")).ShouldFailCleanly()
            .Stderr.ShouldContain("input file not found");
        CliRunner.Run("score", "--reward", "bleu", "--input", noReply).ShouldFailCleanly()
            .Stderr.ShouldContain("--reward must be one of r1track, r1track-think, reasoningtrack-format, reasoningtrack-strict, reasoningtrack-judge");
        CliRunner.Run("score", "--reward", "reasoningtrack-judge", "--input", noReply).ShouldFailCleanly()
            .Stderr.ShouldContain("needs --vlm-url");
        CliRunner.Run("score", "--reward", "r1track", "--input", noReply, "--model", "m").ShouldFailCleanly()
            .Stderr.ShouldContain("apply to --reward reasoningtrack-judge only");

        string noPic = WriteJsonl("nopic.jsonl", new { response = "<think>t</think><d>yes</d><answer>a</answer>", answer = "1,2,3,4", description = "x" });
        CliRunner.Run("score", "--reward", "reasoningtrack-judge", "--input", noPic, "--vlm-url", "http://127.0.0.1:9/v1", "--model", "m").ShouldFailCleanly()
            .Stderr.ShouldContain($"{noPic}:1: row 1: no 'pic2' field");
    }

    [Fact]
    public void Help_lists_every_option_and_reward()
    {
        var o = CliRunner.Run("score", "--help");
        o.ExitCode.ShouldBe(0);
        foreach (string s in new[] { "--reward", "--input", "--field", "--out", "--vlm-url", "--model", "--coords", "--image-root",
                     "r1track-think", "reasoningtrack-format", "reasoningtrack-strict", "reasoningtrack-judge", "response_length", "mean <value> n <count>", "VLM grounding" })
            o.Stdout.ShouldContain(s);
        CliRunner.Run("--help").Stdout.ShouldContain("score");
    }
}
