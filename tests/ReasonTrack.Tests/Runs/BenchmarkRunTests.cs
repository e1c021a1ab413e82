using System.Collections.Concurrent;
using System.Text.Json;
using ReasonTrack.Datasets;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Reasoning.Vlm.Fleet;
using ReasonTrack.Runs;

namespace ReasonTrack.Tests.Runs;

/// <summary>
/// Issue 12 item 6: what <c>run</c> does, from code. <see cref="BenchmarkRun"/> tracks the shard's sequences, reports
/// progress through its hooks, resumes, returns failures as data (no evaluation then) and the evaluation of the shard's
/// sequences otherwise, and writes a fleet's figures however the run ends.
/// </summary>
public sealed class BenchmarkRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-benchrun-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Dataset Otb(params string[] names)
    {
        if (!File.Exists("/usr/bin/ffmpeg") && Environment.GetEnvironmentVariable("REASONTRACK_FFMPEG") is null)
            Assert.Skip("ffmpeg not installed (./setup.sh installs it)");
        string root = SharedData.Require("data/sequences");
        return DatasetRegistry.Get("otb").Load(root, new DatasetLoadOptions { Sequences = names, ListFrames = true });
    }

    private RunOptions Options(Dataset ds, int shardIndex = 0, int shardCount = 1) => new()
    {
        Dataset = ds, TrackerKey = "identity", OutputDirectory = _dir, ResultName = "identity", ShardIndex = shardIndex, ShardCount = shardCount,
    };

    [Theory]
    [InlineData("dcf", null, "dcf")]
    [InlineData("dcf", ReasonerKind.ReasoningTrack, "dcf-reasoningtrack")]
    [InlineData("nanotrack", ReasonerKind.Hybrid, "nanotrack-hybrid")]
    [InlineData("identity", ReasonerKind.R1Track, "r1track")]
    [InlineData("identity", ReasonerKind.VpTracker, "vptracker")]
    public void Results_are_named_after_the_tracker_or_the_VLM_mode(string tracker, ReasonerKind? reasoner, string expected) =>
        BenchmarkRun.DefaultResultName(tracker, reasoner).ShouldBe(expected);

    [Fact]
    public void A_shard_tracks_and_evaluates_only_its_own_sequences_reporting_each_and_a_rerun_resumes_them_all()
    {
        var ds = Otb("Couple", "Crossing", "Football1");
        var seen = new ConcurrentBag<BenchmarkProgress>();
        // Shard 0 of 2 holds listing positions 0 and 2.
        var run = BenchmarkRun.Prepare(Options(ds, 0, 2));
        run.Sequences.Select(s => s.Name).ShouldBe(["Couple", "Football1"]);
        run.Todo.Count.ShouldBe(2);
        var first = run.Run(new BenchmarkRunHooks { SequenceDone = seen.Add });

        first.Succeeded.ShouldBeTrue();
        first.Summary.Tracked.ShouldBe(2);
        first.FleetFiguresPath.ShouldBeNull();
        seen.Select(p => p.Done).Order().ShouldBe([1, 2]);
        seen.ShouldAllBe(p => p.Todo == 2);
        seen.Select(p => p.Sequence.Name).Order(StringComparer.Ordinal).ShouldBe(["Couple", "Football1"]);
        File.Exists(Path.Combine(_dir, "Crossing.txt")).ShouldBeFalse();
        var report = first.Evaluation.ShouldNotBeNull();
        report.Sequences.ShouldBe(["Couple", "Football1"], ignoreOrder: true);
        report.Trackers.Single().Tracker.ShouldBe("identity");

        var again = BenchmarkRun.Execute(Options(ds, 0, 2), new BenchmarkRunHooks { SequenceDone = _ => throw new InvalidOperationException("nothing is tracked on a resume") });
        again.Summary.Resumed.ShouldBe(2);
        again.Summary.Tracked.ShouldBe(0);
        again.Evaluation.ShouldNotBeNull().Trackers.Single().Overall.Success.Auc.ShouldBe(report.Trackers.Single().Overall.Success.Auc);
    }

    [Fact]
    public void A_failed_sequence_is_returned_as_data_the_others_are_saved_and_nothing_is_evaluated()
    {
        var loaded = Otb("Football1", "KiteSurf");
        var kite = loaded.Sequences[1];
        // Frames missing for KiteSurf: one frame file for all its ground-truth rows.
        var broken = new Sequence(kite.Name, kite.GroundTruth, () => [kite.Frames[0]]) { GroundTruthPath = kite.GroundTruthPath };
        var ds = new Dataset(loaded.Key, loaded.DisplayName, loaded.Root, [loaded.Sequences[0], broken]) { DefaultProtocol = loaded.DefaultProtocol };

        var result = BenchmarkRun.Execute(Options(ds));

        result.Succeeded.ShouldBeFalse();
        result.Evaluation.ShouldBeNull();
        var failure = result.Summary.Failures.ShouldHaveSingleItem();
        failure.Sequence.ShouldBe("KiteSurf");
        failure.Reason.ShouldContain("frame files");
        File.Exists(Path.Combine(_dir, "Football1.txt")).ShouldBeTrue();
        File.Exists(Path.Combine(_dir, "KiteSurf.txt")).ShouldBeFalse();
    }

    [Fact]
    public void A_fleet_that_cannot_answer_stops_the_run_and_its_figures_are_still_written_under_the_shard_name()
    {
        var ds = Otb("Football1", "KiteSurf");
        var client = new VlmClientOptions { BaseUrl = new Uri("http://127.0.0.1:1/v1"), Model = "Qwen2.5-VL-3B-Instruct", MaxRetries = 0 };
        using var fleet = VlmFleet.Create(client, [new VlmEndpoint(new Uri("http://127.0.0.1:1/v1")), new VlmEndpoint(new Uri("http://127.0.0.1:2/v1"))]);
        var setup = new ReasoningSetupOptions { Kind = ReasonerKind.R1Track, Model = client.Model };
        var options = Options(ds, 1, 2) with { Reasoning = new RunReasoning(setup, fleet, null, false), ResultName = "r1track" };
        var reported = new List<(VlmFleetStats Stats, string Path)>();

        Should.Throw<VlmRequestException>(() => BenchmarkRun.Execute(options, new BenchmarkRunHooks { FleetFigures = (s, p) => reported.Add((s, p)) }));

        var (stats, path) = reported.ShouldHaveSingleItem();
        path.ShouldBe(Path.Combine(_dir, "vlm-fleet-shard-1-of-2.json"));
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        doc.RootElement.GetProperty("endpoints").GetArrayLength().ShouldBe(2);
        stats.ToJson().ShouldContain("127.0.0.1:2");
        File.Exists(Path.Combine(_dir, "KiteSurf.txt")).ShouldBeFalse();
    }
}
