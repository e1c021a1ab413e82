using ReasonTrack.Tests.Datasets;
using ReasonTrack.Tests.Media;
using ReasonTrack.Tests.Training.Data;

namespace ReasonTrack.Tests.Cli;

/// <summary><c>reasontrack make-data</c> end to end: help, clean errors, a real run, shards merged by the CLI.</summary>
public class MakeDataCommandTests
{
    [Fact]
    public void Help_lists_the_recipes_merge_and_every_option()
    {
        var top = CliRunner.Run("make-data", "--help");
        top.ExitCode.ShouldBe(0);
        foreach (var s in new[] { "r1track", "vptracker", "reasoningtrack", "merge" }) top.Stdout.ShouldContain(s);
        var r1 = CliRunner.Run("make-data", "r1track", "--help");
        foreach (var o in new[] { "--dataset", "--root", "--out", "--format", "--pairs-per-video", "--size", "--seed", "--shard", "--limit", "--jobs", "--prompt", "--sampling", "usable", "released", "sampling_data.py", "--image-format", "easyr1", "llamafactory-alpaca", "llamafactory-sharegpt", "swift" })
            r1.Stdout.ShouldContain(o);
        CliRunner.Run("make-data", "reasoningtrack", "--help").Stdout.ShouldContain("--interval");
        CliRunner.Run("make-data", "vptracker", "--help").Stdout.ShouldContain("--fallback-description");
    }

    [Fact]
    public void Vptracker_help_names_the_released_file_and_defaults_to_the_fork_layout()
    {
        string help = CliRunner.Run("make-data", "vptracker", "--help").Stdout;
        help.ShouldContain("dataset/sampling_dataset.py");
        help.ShouldContain("data_preparation.sh");
        help.ShouldContain("[default: swift-vptracker]");
        help.ShouldContain("--visual-prompt");
        CliRunner.Run("make-data", "r1track", "--help").Stdout.ShouldContain("[default: easyr1]");
    }

    [Fact]
    public void Vptracker_rows_by_default_name_the_original_frames_and_carry_the_visual_prompt()
    {
        string root = Path.GetFullPath(SharedData.Require("data/sequences"));
        using var tmp = new TempTree();
        foreach (var (folder, enable) in new[] { ("on", true), ("off", false) })
        {
            string[] args = ["make-data", "vptracker", "--dataset", "otb", "--root", root, "--limit", "2", "-n", "3", "--fallback-description", "the target", "--out", tmp[folder]];
            var o = CliRunner.Run(enable ? args : [.. args, "--visual-prompt", "false"]);
            o.ExitCode.ShouldBe(0, o.Stderr);
            var lines = File.ReadAllLines(Path.Combine(tmp[folder], "train.jsonl"));
            lines.Length.ShouldBe(6);
            foreach (string line in lines)
            {
                using var doc = System.Text.Json.JsonDocument.Parse(line);
                var images = doc.RootElement.GetProperty("images").EnumerateArray().Select(e => e.GetString()!).ToList();
                images.Count.ShouldBe(2);
                images.ShouldAllBe(p => p.StartsWith(root, StringComparison.Ordinal) && File.Exists(p));
                doc.RootElement.GetProperty("visual_prompt").GetProperty("enable").GetBoolean().ShouldBe(enable);
            }
            Directory.Exists(Path.Combine(tmp[folder], "images")).ShouldBeFalse();
        }
    }

    [Theory]
    [InlineData("--format", "csv", "format")]
    [InlineData("--shard", "2/2", "--shard")]
    [InlineData("--size", "100,abc", "--size")]
    [InlineData("--pairs-per-video", "0", "pairs per video")]
    [InlineData("--prompt", "long", "--prompt")]
    [InlineData("--sampling", "all", "--sampling")]
    public void Bad_options_fail_cleanly_with_exit_2(string option, string value, string mentioned)
    {
        using var tmp = new TempTree();
        var o = CliRunner.Run("make-data", "r1track", "--dataset", "otb", "--root", tmp.Root, "--out", tmp["out"], option, value).ShouldFailCleanly();
        o.Stderr.ShouldContain(mentioned);
    }

    [Fact]
    public void Unknown_dataset_and_merge_of_non_shards_fail_cleanly()
    {
        using var tmp = new TempTree();
        CliRunner.Run("make-data", "r1track", "--dataset", "nope", "--root", tmp.Root, "--out", tmp["out"]).ShouldFailCleanly().Stderr.ShouldContain("unknown dataset");
        CliRunner.Run("make-data", "merge", "--out", tmp["m"], tmp.Root).ShouldFailCleanly().Stderr.ShouldContain("make-data.json");
        CliRunner.Run("make-data", "r1track", "--dataset", "synthetic", "--root", tmp.Root, "--out", tmp["t"], "--prompt", "think", "--format", "swift")
            .ShouldFailCleanly().Stderr.ShouldContain("--format easyr1");
        CliRunner.Run("make-data", "r1track", "--dataset", "synthetic", "--root", tmp.Root, "--out", tmp["r"], "--sampling", "released", "--size", "448")
            .ShouldFailCleanly().Stderr.ShouldContain("336 px crops only");
    }

    [Fact]
    public void Real_sequences_sharded_and_merged_by_the_cli_equal_one_run()
    {
        string root = SharedData.Require("data/sequences");
        FfmpegTool.Require();
        using var tmp = new TempTree();
        string[] common = ["make-data", "r1track", "--dataset", "otb", "--root", root, "--limit", "4", "--seed", "9", "--format", "llamafactory-alpaca", "--size", "224,336"];
        var all = CliRunner.Run([.. common, "--out", tmp["all"]]);
        all.ExitCode.ShouldBe(0, all.Stderr);
        all.Stdout.ShouldContain("set: 4 pair(s) from 4 of 4 video(s)");
        all.Stdout.ShouldContain("scale factor: n 8");
        all.Stdout.ShouldContain("pairs/s");
        CliRunner.Run([.. common, "--out", tmp["s0"], "--shard", "0/2"]).ExitCode.ShouldBe(0);
        CliRunner.Run([.. common, "--out", tmp["s1"], "--shard", "1/2"]).ExitCode.ShouldBe(0);
        // One shard alone is not the set: refused with the missing shard named, nothing written.
        CliRunner.Run("make-data", "merge", "--out", tmp["half"], tmp["s1"]).ShouldFailCleanly().Stderr.ShouldContain("missing shard(s) 0/2");
        Directory.Exists(Path.Combine(tmp["half"], "parts")).ShouldBeFalse();
        var merged = CliRunner.Run("make-data", "merge", "--out", tmp["merged"], tmp["s1"], tmp["s0"]);
        merged.ExitCode.ShouldBe(0, merged.Stderr);
        DataSetTree.ShouldBeIdentical(tmp["merged"], tmp["all"]);
        File.Exists(Path.Combine(tmp["all"], "dataset_info.json")).ShouldBeTrue();

        // A rerun resumes: nothing to do, same bytes.
        var again = CliRunner.Run([.. common, "--out", tmp["all"]]);
        again.Stdout.ShouldContain("4 already done, 0 to process");
        DataSetTree.ShouldBeIdentical(tmp["merged"], tmp["all"]);
    }

    [Fact]
    public async Task Sft_rows_from_a_teacher_keep_only_replies_that_pass_the_strict_format()
    {
        var ct = TestContext.Current.CancellationToken;
        string root = SharedData.Require("data/sequences");
        await using var server = await ReasonTrack.Tests.Reasoning.FakeVlmServer.StartAsync("teacher-7b", ct);
        const string good = "<think>The car is smaller now.</think> <d>yes</d> <answer>a small white car</answer>";
        server.Enqueue(ReasonTrack.Tests.Reasoning.FakeReply.Text(good), ReasonTrack.Tests.Reasoning.FakeReply.Text("<answer>a car</answer><d>yes</d>"));
        using var tmp = new TempTree();
        File.WriteAllText(tmp["list.txt"], "Car4\n");
        var o = await Task.Run(() => CliRunner.Run("make-data", "reasoningtrack", "--dataset", "otb", "--root", root, "--sequences", tmp["list.txt"],
            "--out", tmp["out"], "--rows", "sft", "--vlm-url", server.BaseUrl.ToString(), "--model", "teacher-7b",
            "--format", "llamafactory-alpaca", "-n", "2", "--fallback-description", "a white car"), ct);

        o.ExitCode.ShouldBe(0, o.Stdout + o.Stderr);
        server.Requests.Count.ShouldBe(2);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(tmp["out"], "train.json")));
        doc.RootElement.EnumerateArray().Select(r => r.GetProperty("output").GetString()).ShouldBe([good]);
        o.Stdout.ShouldContain("reasoningtrack-strict");
    }

    [Fact]
    public void Reasoningtrack_without_any_description_is_refused_instead_of_writing_an_empty_set()
    {
        string root = SharedData.Require("data/sequences");
        using var tmp = new TempTree();
        File.WriteAllText(tmp["list.txt"], "Car4\n");
        var o = CliRunner.Run("make-data", "reasoningtrack", "--dataset", "otb", "--root", root, "--sequences", tmp["list.txt"],
            "--out", tmp["out"], "-n", "2", "--format", "llamafactory-alpaca");
        o.ShouldFailCleanly().Stderr.ShouldContain("none of the 1 selected videos of otb has a language description");
        Directory.Exists(tmp["out"]).ShouldBeFalse();
    }

    [Fact]
    public void A_ground_truth_shorter_than_the_frame_list_is_reported_with_both_counts()
    {
        string shared = SharedData.Require("data/sequences");
        using var tmp = new TempTree();
        string car = Path.Combine(shared, "Car4"), copy = Path.Combine(tmp["root"], "Car4");
        Directory.CreateDirectory(copy);
        Directory.CreateSymbolicLink(Path.Combine(copy, "img"), Path.Combine(car, "img"));
        File.Copy(Path.Combine(car, "frames.txt"), Path.Combine(copy, "frames.txt"));
        var gt = File.ReadAllLines(Path.Combine(car, "groundtruth_rect.txt"));
        File.WriteAllLines(Path.Combine(copy, "groundtruth_rect.txt"), gt.Take(gt.Length - 59));
        File.WriteAllText(tmp["list.txt"], "Car4\n");
        var o = CliRunner.Run("make-data", "reasoningtrack", "--dataset", "otb", "--root", tmp["root"], "--sequences", tmp["list.txt"],
            "--out", tmp["out"], "-n", "2", "--format", "llamafactory-alpaca", "--fallback-description", "a white car");
        o.ExitCode.ShouldBe(0, o.Stdout + o.Stderr);
        o.Stdout.ShouldContain($"ground truth has {gt.Length - 59} boxes for {gt.Length} frame files; the last 59 frames (no box) are not used");
    }
}
