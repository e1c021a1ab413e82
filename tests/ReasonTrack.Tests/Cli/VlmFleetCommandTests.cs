using System.Text.Json;
using ReasonTrack.Tests.Reasoning;
using ReasonTrack.Tests.Timing;

namespace ReasonTrack.Tests.Cli;

/// <summary>
/// Issue 12 item 4 through the CLI: <c>--vlm-url</c> repeated makes a fleet shared by every job of <c>run</c>, its
/// per-endpoint figures are printed and written as vlm-fleet.json, and <c>--vlm-endpoints</c> errors name file:line.
/// </summary>
public sealed class VlmFleetCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-fleetcli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Run_with_jobs_keeps_that_many_sequences_in_flight_against_one_shared_fleet_and_writes_its_figures()
    {
        if (!File.Exists("/usr/bin/ffmpeg") && Environment.GetEnvironmentVariable("REASONTRACK_FFMPEG") is null)
            Assert.Skip("ffmpeg not installed (./setup.sh installs it)");
        string root = SharedData.Require("data/sequences");
        var ct = TestContext.Current.CancellationToken;
        await using var a = await FakeVlmServer.StartAsync("Qwen2.5-VL-3B-Instruct", ct);
        await using var b = await FakeVlmServer.StartAsync("Qwen2.5-VL-3B-Instruct", ct);
        // Every reply is held until three requests are held at once. In sync mode one sequence has one call in flight,
        // so three held calls are three sequences in flight; a run that kept fewer would never release the gate.
        var three = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        a.DefaultReply = FakeReply.Text("[126,126,210,210]").Until(three.Task);
        b.DefaultReply = FakeReply.Text("[126,126,210,210]").Until(three.Task);
        int mostHeld = 0;
        var watcher = Task.Run(() =>
        {
            WatchedClock.Until(() => (mostHeld = Math.Max(mostHeld, a.InFlight + b.InFlight)) >= 3, "three sequences' calls held at once");
            three.SetResult();
        }, ct);
        string list = Path.Combine(_dir, "list.txt");
        File.WriteAllText(list, "Football1\nKiteSurf\nCrossing\n");
        string outDir = Path.Combine(_dir, "out");

        var run = await Task.Run(() => CliRunner.Run(["run", "-d", "otb", "-a", root, "-s", list, "-o", outDir, "-j", "3",
            "--reasoner", "r1track", "--model", "Qwen2.5-VL-3B-Instruct", "--vlm-retries", "0",
            "--vlm-url", a.BaseUrl.ToString(), "--vlm-url", b.BaseUrl.ToString()]), ct);
        await watcher.WaitAsync(WatchedClock.HangGuard, ct);

        run.ExitCode.ShouldBe(0, run.Stdout + run.Stderr);
        mostHeld.ShouldBeGreaterThanOrEqualTo(3);
        int calls = 73 + 83 + 119; // one call per frame after the first
        (a.Requests.Count + b.Requests.Count).ShouldBe(calls);
        a.Requests.Count.ShouldBeGreaterThan(0);
        b.Requests.Count.ShouldBeGreaterThan(0);
        run.Stdout.ShouldContain("a fleet of 2 servers");
        run.Stdout.ShouldContain($"{a.BaseUrl}: {a.Requests.Count} requests, {a.Requests.Count} answered, 0 errors, mean latency");
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "vlm-fleet.json")));
        var endpoints = doc.RootElement.GetProperty("endpoints");
        endpoints.GetArrayLength().ShouldBe(2);
        endpoints.EnumerateArray().Sum(e => e.GetProperty("requests").GetInt64()).ShouldBe(calls);
    }

    [Fact]
    public void A_bad_endpoints_file_is_refused_naming_file_and_line_and_the_two_ways_do_not_mix()
    {
        string file = Path.Combine(_dir, "fleet.txt");
        File.WriteAllText(file, "# servers\nhttp://127.0.0.1:8000/v1 max=2\nhttp://127.0.0.1:8001/v1 max=lots\n");
        var bad = CliRunner.Run(["track", "--example", "-o", Path.Combine(_dir, "o"), "--reasoner", "reasoningtrack", "--model", "m", "--vlm-endpoints", file]);
        bad.ExitCode.ShouldNotBe(0);
        bad.Stderr.ShouldContain($"{file}:3: max must be a whole number of at least 1, got 'lots'");

        File.WriteAllText(file, "http://127.0.0.1:8000/v1\n");
        var both = CliRunner.Run(["track", "--example", "-o", Path.Combine(_dir, "o"), "--reasoner", "reasoningtrack", "--model", "m", "--vlm-endpoints", file, "--vlm-url", "http://127.0.0.1:8002/v1"]);
        both.ExitCode.ShouldNotBe(0);
        both.Stderr.ShouldContain("--vlm-url or --vlm-endpoints, not both");
    }

    [Fact]
    public async Task A_fleet_whose_servers_are_all_unreachable_stops_at_the_first_call_naming_each_and_reports_its_figures()
    {
        var gone = await FakeVlmServer.StartAsync("Qwen2.5-VL-3B-Instruct", TestContext.Current.CancellationToken);
        var goneUrl = new UriBuilder(gone.BaseUrl) { UserName = "user", Password = "secret" }.Uri;
        await gone.DisposeAsync();
        string outDir = Path.Combine(_dir, "out");
        var o = CliRunner.Run("track", "--example", "--out", outDir, "--reasoner", "r1track", "--model", "Qwen2.5-VL-3B-Instruct",
            "--vlm-url", "http://user:secret@127.0.0.1:1/v1", "--vlm-url", goneUrl.ToString());

        o.ShouldFailCleanly();
        o.Stderr.ShouldContain("no VLM endpoint of the fleet could answer: http://127.0.0.1:1/v1");
        o.Stderr.ShouldContain($"http://127.0.0.1:{gone.BaseUrl.Port}/v1");
        (o.Stdout + o.Stderr).ShouldNotContain("secret");
        var log = File.ReadAllLines(Path.Combine(outDir, "synthetic_reasoning.jsonl"));
        log.Length.ShouldBe(1); // one call, and the sequence stopped there
        File.Exists(Path.Combine(outDir, "synthetic.txt")).ShouldBeFalse();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "vlm-fleet.json")));
        doc.RootElement.GetProperty("endpoints").EnumerateArray().Select(e => e.GetProperty("errors").GetInt64()).ShouldBe([1L, 1L]);
    }
}
