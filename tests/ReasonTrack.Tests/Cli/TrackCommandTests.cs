using ReasonTrack.IO;

namespace ReasonTrack.Tests.Cli;

/// <summary>track and run through the real CLI: outputs, resume, and the bad inputs the issue lists.</summary>
public sealed class TrackCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-track-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void RequireFfmpeg()
    {
        if (!File.Exists("/usr/bin/ffmpeg") && Environment.GetEnvironmentVariable("REASONTRACK_FFMPEG") is null)
            Assert.Skip("ffmpeg not installed (./setup.sh installs it)");
    }

    [Fact]
    public void Example_writes_boxes_scores_times_an_annotated_video_and_the_evaluation()
    {
        RequireFfmpeg();
        var o = CliRunner.Run("track", "--example", "--tracker", "identity", "--out", _dir);
        o.ExitCode.ShouldBe(0, o.Stderr);
        o.Stdout.ShouldContain("AUC (lasot-matlab)");
        NumericTable.Read(Path.Combine(_dir, "synthetic.txt")).RowCount.ShouldBe(300);
        NumericTable.Read(Path.Combine(_dir, "synthetic_scores.txt")).RowCount.ShouldBe(300);
        NumericTable.Read(Path.Combine(_dir, "synthetic_time.txt")).RowCount.ShouldBe(300);
        var mp4 = new FileInfo(Path.Combine(_dir, "synthetic.mp4"));
        mp4.Exists.ShouldBeTrue();
        mp4.Length.ShouldBeGreaterThan(10_000);
    }

    [Fact]
    public void A_frame_folder_and_a_video_made_from_it_give_the_same_boxes_for_a_deterministic_tracker()
    {
        RequireFfmpeg();
        string frames = SharedData.Require("data/sequences/Crossing/img");
        string video = Path.Combine(_dir, "Crossing.mp4");
        var make = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ffmpeg")
        {
            ArgumentList = { "-loglevel", "error", "-y", "-framerate", "30", "-i", Path.Combine(frames, "%04d.jpg"), "-pix_fmt", "yuv420p", video },
            RedirectStandardError = true,
        })!;
        make.WaitForExit(60_000);
        make.ExitCode.ShouldBe(0);
        var a = CliRunner.Run("track", "--input", frames, "--init", "205,151,17,50", "--tracker", "identity", "--out", Path.Combine(_dir, "a"));
        a.ExitCode.ShouldBe(0, a.Stderr);
        var b = CliRunner.Run("track", "--input", video, "--init", "205,151,17,50", "--tracker", "identity", "--out", Path.Combine(_dir, "b"), "--video", Path.Combine(_dir, "annotated.mp4"));
        b.ExitCode.ShouldBe(0, b.Stderr);
        // Named after the folder's parent (img/) and after the video's stem.
        int n = NumericTable.Read(Path.Combine(_dir, "a", "Crossing.txt")).RowCount;
        n.ShouldBe(Directory.GetFiles(frames, "*.jpg").Length);
        NumericTable.Read(Path.Combine(_dir, "b", "Crossing.txt")).RowCount.ShouldBe(n);
        // Playable: ffprobe decodes every frame of the annotated video.
        var probe = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ffprobe")
        {
            ArgumentList = { "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames,codec_name", "-of", "csv=p=0", Path.Combine(_dir, "annotated.mp4") },
            RedirectStandardOutput = true,
        })!;
        string probed = probe.StandardOutput.ReadToEnd().Trim();
        probe.WaitForExit(60_000);
        probed.ShouldBe($"h264,{n}");
    }

    [Theory]
    [InlineData("0,0,0,10", "zero or negative size")]
    [InlineData("5000,5000,20,20", "outside")]
    [InlineData("1,2,3", "four numbers")]
    public void Bad_initial_boxes_fail_cleanly(string init, string reason)
    {
        RequireFfmpeg();
        string frames = SharedData.Require("data/sequences/Crossing/img");
        CliRunner.Run("track", "--input", frames, "--init", init, "--tracker", "identity", "--out", _dir).ShouldFailCleanly().Stderr.ShouldContain(reason);
    }

    [Fact]
    public void Missing_input_missing_model_and_broken_onnx_fail_cleanly()
    {
        RequireFfmpeg();
        CliRunner.Run("track", "--input", Path.Combine(_dir, "nothing.mp4"), "--init", "1,1,10,10", "--out", _dir).ShouldFailCleanly().Stderr.ShouldContain("nothing.mp4");
        string frames = SharedData.Require("data/sequences/Crossing/img");
        string empty = Directory.CreateDirectory(Path.Combine(_dir, "models")).FullName;
        var missing = CliRunner.Run("track", "--input", frames, "--init", "205,151,17,50", "--tracker", "nanotrack", "--model-dir", empty, "--out", _dir).ShouldFailCleanly();
        missing.Stderr.ShouldContain("nanotrack");
        string broken = Directory.CreateDirectory(Path.Combine(_dir, "broken")).FullName;
        File.WriteAllBytes(Path.Combine(broken, "nanotrack_backbone_sim.onnx"), [1, 2, 3, 4, 5]);
        File.WriteAllBytes(Path.Combine(broken, "nanotrack_head_sim.onnx"), [1, 2, 3, 4, 5]);
        var bad = CliRunner.Run("track", "--input", frames, "--init", "205,151,17,50", "--tracker", "nanotrack", "--model-dir", broken, "--out", _dir);
        bad.ExitCode.ShouldNotBe(0);
        bad.Stderr.ShouldContain("nanotrack_");
        bad.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public void Cuda_on_the_cpu_build_and_a_bad_device_fail_cleanly_naming_what_is_wrong()
    {
        RequireFfmpeg();
        SharedData.Require("models/nanotrack/v2");
        if (ReasonTrack.Onnx.OnnxSessionFactory.BuildFlavor != "cpu") Assert.Skip("this test is about the CPU build");
        string frames = SharedData.Require("data/sequences/Crossing/img");
        var cuda = CliRunner.Run("track", "--input", frames, "--init", "205,151,17,50", "--tracker", "nanotrack", "--set", "device=cuda", "--out", Path.Combine(_dir, "cuda"))
            .ShouldFailCleanly();
        cuda.Stderr.ShouldContain("OnnxRuntimeFlavor=cpu");
        cuda.Stderr.ShouldContain("Nothing was run on the CPU instead");
        File.Exists(Path.Combine(_dir, "cuda", "Crossing.txt")).ShouldBeFalse();
        var bad = CliRunner.Run("track", "--input", frames, "--init", "205,151,17,50", "--tracker", "nanotrack", "--set", "device=gpu", "--out", _dir).ShouldFailCleanly();
        bad.Stderr.ShouldContain("'device'");
        bad.Stderr.ShouldContain("'gpu'");
    }

    [Fact]
    public void Unknown_tracker_or_setting_fail_cleanly_and_trackers_lists_them()
    {
        CliRunner.Run("track", "--example", "--tracker", "siamese-unicorn", "--out", _dir).ShouldFailCleanly().Stderr.ShouldContain("identity");
        CliRunner.Run("track", "--example", "--tracker", "identity", "--set", "speed=11", "--out", _dir).ShouldFailCleanly().Stderr.ShouldContain("speed");
        var list = CliRunner.Run("trackers");
        list.ExitCode.ShouldBe(0);
        list.Stdout.ShouldContain("nanotrack-v2");
        list.Stdout.ShouldContain("identity");
    }

    /// <summary>Issue 12 item 3: the listing says which trackers read text (no built-in one does), and a plain --text says it is unused.</summary>
    [Fact]
    public void Trackers_say_whether_they_read_text_and_plain_text_for_a_visual_tracker_is_noted()
    {
        RequireFfmpeg();
        var lines = CliRunner.Run("trackers").Stdout.Split('\n');
        int names = lines.Count(l => l.Length > 0 && !char.IsWhiteSpace(l[0]));
        lines.Count(l => l.Trim() == "reads text: no (visual only)").ShouldBe(names - 1); // all but external
        lines.Count(l => l.Trim().StartsWith("reads text: yes", StringComparison.Ordinal)).ShouldBe(1);
        var o = CliRunner.Run("track", "--example", "--tracker", "identity", "--text", "the textured square", "--out", _dir);
        o.ExitCode.ShouldBe(0, o.Stderr);
        o.Stdout.ShouldContain("tracker identity does not read text");
    }

    [Fact]
    public void Run_tracks_a_dataset_resumes_and_shards()
    {
        RequireFfmpeg();
        string root = SharedData.Require("data/sequences");
        string list = Path.Combine(_dir, "list.txt");
        File.WriteAllLines(list, ["Crossing", "KiteSurf", "Football1"]);
        string outDir = Path.Combine(_dir, "run");
        var first = CliRunner.Run("run", "-d", "otb", "-a", root, "-t", "identity", "-o", outDir, "-s", list, "--shard", "0/2");
        first.ExitCode.ShouldBe(0, first.Stderr);
        first.Stdout.ShouldContain("2 to track");
        File.Exists(Path.Combine(outDir, "Crossing.txt")).ShouldBeTrue();
        File.Exists(Path.Combine(outDir, "Football1.txt")).ShouldBeTrue();
        File.Exists(Path.Combine(outDir, "KiteSurf.txt")).ShouldBeFalse();
        var again = CliRunner.Run("run", "-d", "otb", "-a", root, "-t", "identity", "-o", outDir, "-s", list, "-j", "2");
        again.ExitCode.ShouldBe(0, again.Stderr);
        again.Stdout.ShouldContain("2 already done, 1 to track");
        again.Stdout.ShouldContain("AUC (otb)");
    }
}
