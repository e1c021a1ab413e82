using System.Text.Json;
using ReasonTrack.Tests.Reasoning;

namespace ReasonTrack.Tests.Cli;

/// <summary>
/// Issue 10, item 3: a sequence whose model calls failed is a failed sequence (non-zero exit, listed, not resumed as
/// done) unless <c>--allow-vlm-failures</c>; a server that cannot be reached stops the run at the first call.
/// Fail fast is measured in calls made and frames processed, never in seconds.
/// </summary>
public sealed class VlmFailureCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-vlmfail-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void RequireFfmpeg()
    {
        if (!File.Exists("/usr/bin/ffmpeg") && Environment.GetEnvironmentVariable("REASONTRACK_FFMPEG") is null)
            Assert.Skip("ffmpeg not installed (./setup.sh installs it)");
    }

    private CliRunner.Outcome RunR1Track(Uri url, params string[] more)
    {
        string root = SharedData.Require("data/sequences");
        string list = Path.Combine(_dir, "list.txt");
        File.WriteAllText(list, "Football1\n");
        return CliRunner.Run(["run", "-d", "otb", "-a", root, "-s", list, "-o", Path.Combine(_dir, "out"),
            "--reasoner", "r1track", "--vlm-url", url.ToString(), "--model", "Qwen2.5-VL-3B-Instruct", .. (more.Contains("--vlm-retries") ? more : ["--vlm-retries", "0", .. more])]);
    }

    [Fact]
    public async Task A_sequence_whose_model_only_answered_errors_fails_and_a_later_run_tracks_it_again()
    {
        RequireFfmpeg();
        var ct = TestContext.Current.CancellationToken;
        await using var broken = await FakeVlmServer.StartAsync("Qwen2.5-VL-3B-Instruct", ct);
        broken.DefaultReply = FakeReply.Status(400, "{\"error\":{\"message\":\"model not loaded\"}}");

        var failed = await Task.Run(() => RunR1Track(broken.BaseUrl), ct);
        failed.ExitCode.ShouldNotBe(0, failed.Stdout + failed.Stderr);
        failed.Stderr.ShouldContain("failed: Football1: the model never answered");
        File.Exists(Path.Combine(_dir, "out", "Football1.txt")).ShouldBeTrue(); // kept for inspection
        File.Exists(Path.Combine(_dir, "out", "Football1.txt.failed")).ShouldBeTrue();

        await using var working = await FakeVlmServer.StartAsync("Qwen2.5-VL-3B-Instruct", ct);
        working.DefaultReply = FakeReply.Text("[126,126,210,210]");
        var again = await Task.Run(() => RunR1Track(working.BaseUrl), ct);
        again.ExitCode.ShouldBe(0, again.Stdout + again.Stderr);
        again.Stdout.ShouldContain("0 already done, 1 to track"); // today: "1 already done", the failed sequence skipped
        File.Exists(Path.Combine(_dir, "out", "Football1.txt.failed")).ShouldBeFalse();
        working.Requests.Count.ShouldBe(73); // one call per frame after the first
    }

    [Fact]
    public async Task Allow_vlm_failures_keeps_the_old_behaviour_explicitly()
    {
        RequireFfmpeg();
        var ct = TestContext.Current.CancellationToken;
        await using var broken = await FakeVlmServer.StartAsync("Qwen2.5-VL-3B-Instruct", ct);
        broken.DefaultReply = FakeReply.Status(400);
        var o = await Task.Run(() => RunR1Track(broken.BaseUrl, "--allow-vlm-failures"), ct);
        o.ExitCode.ShouldBe(0, o.Stdout + o.Stderr);
        o.Stdout.ShouldContain("0 of 73 model call(s) answered, 73 failed");
        var again = await Task.Run(() => RunR1Track(broken.BaseUrl, "--allow-vlm-failures"), ct);
        again.Stdout.ShouldContain("1 already done");
    }

    [Fact]
    public async Task Track_fails_when_more_than_half_of_the_calls_failed()
    {
        RequireFfmpeg();
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeVlmServer.StartAsync("reasoningtrack-3b", ct);
        // Interval 50 over 300 frames: 5 calls; 2 answered, 3 errors = 60% > 50%.
        server.Enqueue(FakeReply.Text("<d>no</d>"), FakeReply.Status(400), FakeReply.Status(400), FakeReply.Status(400));
        server.DefaultReply = FakeReply.Text("<d>no</d>");
        var o = await Task.Run(() => CliRunner.Run("track", "--example", "--out", _dir, "--reasoner", "reasoningtrack", "--vlm-url", server.BaseUrl.ToString(),
            "--model", "reasoningtrack-3b", "--text", "a textured square", "--trigger", "interval", "--interval", "50", "--vlm-retries", "0"), ct);
        server.Requests.Count.ShouldBe(5);
        o.ShouldFailCleanly();
        o.Stderr.ShouldContain("3 of 5 model calls failed");
        File.Exists(Path.Combine(_dir, "synthetic.txt")).ShouldBeTrue();
    }

    [Fact]
    public void A_refused_connection_on_the_first_call_stops_the_run_at_once_naming_the_url_without_credentials()
    {
        RequireFfmpeg();
        // Port 1 on loopback: nothing listens, the connection is refused. Default retries (3): today each of the 300
        // frames' calls was retried with backoff (about 2.7 s per frame) and the command exited 0 after minutes.
        var o = CliRunner.Run("track", "--example", "--out", _dir, "--reasoner", "r1track", "--vlm-url", "http://user:secret@127.0.0.1:1/v1",
            "--model", "Qwen2.5-VL-3B-Instruct");
        o.ShouldFailCleanly();
        o.Stderr.ShouldContain("cannot reach the VLM server at http://127.0.0.1:1/v1/chat/completions");
        o.Stderr.ShouldNotContain("secret");
        var log = File.ReadAllLines(Path.Combine(_dir, "synthetic_reasoning.jsonl"));
        log.Length.ShouldBe(1); // one call, on the second frame, and the sequence stopped there
        JsonDocument.Parse(log[0]).RootElement.GetProperty("status").GetString().ShouldBe("error");
        File.Exists(Path.Combine(_dir, "synthetic.txt")).ShouldBeFalse(); // nothing half-done is filed as a result
    }

    [Fact]
    public void A_dead_server_stops_a_dataset_run_before_the_first_sequence_is_filed()
    {
        RequireFfmpeg();
        var o = RunR1Track(new Uri("http://127.0.0.1:1/v1"), "--vlm-retries", "3");
        o.ShouldFailCleanly();
        o.Stderr.ShouldContain("http://127.0.0.1:1/v1");
        File.ReadAllLines(Path.Combine(_dir, "out", "Football1_reasoning.jsonl")).Length.ShouldBe(1);
        File.Exists(Path.Combine(_dir, "out", "Football1.txt")).ShouldBeFalse();
    }
}
