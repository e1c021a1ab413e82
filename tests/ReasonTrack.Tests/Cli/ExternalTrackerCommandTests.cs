using System.Globalization;
using ReasonTrack.Tests.Trackers.External;

namespace ReasonTrack.Tests.Cli;

/// <summary>
/// Issue 12, done-when: <c>run --tracker external</c> over three shared sequences with a child that crashes, hangs or
/// prints garbage in the middle of one of them (faulty_adapter.py, only on KiteSurf's 480-pixel-wide frames): that
/// sequence is reported failed with the child's last stderr lines, the other two finish with the boxes the child's
/// documented rule gives (the initial box shifted right by the 1-based frame number), and a rerun of the same
/// configuration (the child misbehaves once) resumes them untouched and tracks only the failed one. What the children write to stderr reaches the run's warnings.
/// </summary>
public sealed class ExternalTrackerCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-external-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private CliRunner.Outcome Run(string root, params string[] child)
    {
        string list = Path.Combine(_dir, "list.txt");
        File.WriteAllText(list, "Football1\nKiteSurf\nCrossing\n");
        string command = string.Join(' ', new[] { ExternalChildren.Script("faulty_adapter.py") }.Concat(child).Select(a => $"'{a}'"));
        return CliRunner.Run("run", "-d", "otb", "-a", root, "-s", list, "-o", Path.Combine(_dir, "out"), "-j", "2",
            "--tracker", "external", "--set", $"interpreter={ExternalChildren.RequirePython()}", "--set", $"command={command}", "--set", "timeout=10"); // generous: only the hung child ever reaches it
    }

    [Theory]
    [InlineData("crash", "exited with code 3 during update of frame 30")]
    [InlineData("hang", "did not answer update of frame 30 within 10 s")]
    [InlineData("garbage", "replied garbage to update of frame 30: not valid JSON")]
    public void A_child_failing_mid_sequence_fails_that_sequence_only_and_a_rerun_resumes_the_others(string mode, string expected)
    {
        string root = SharedData.Require("data/sequences");
        if (!File.Exists("/usr/bin/ffmpeg") && Environment.GetEnvironmentVariable("REASONTRACK_FFMPEG") is null)
            Assert.Skip("ffmpeg not installed (./setup.sh installs it)");
        string[] child = [mode, "30", "--width", "480", "--chatty", "--once", Path.Combine(_dir, "misbehaved")];
        var o = Run(root, child);
        o.ExitCode.ShouldNotBe(0, o.Stdout + o.Stderr);
        o.ExitCode.ShouldNotBe(70, o.Stdout + o.Stderr); // a user-facing failure, not an internal error
        o.Stderr.ShouldContain("failed: KiteSurf");
        o.Stderr.ShouldContain(expected);
        o.Stderr.ShouldContain("faulty_adapter: line one before trouble");
        o.Stderr.ShouldContain($"faulty_adapter: {mode} at frame 30");
        o.Stderr.ShouldNotContain("   at ");
        // The children that behaved wrote to stderr too: their lines are in the run's warnings.
        o.Stdout.ShouldContain("warning: Football1: external tracker");
        o.Stdout.ShouldContain("faulty_adapter: loading weights");
        string output = Path.Combine(_dir, "out");
        File.Exists(Path.Combine(output, "KiteSurf.txt")).ShouldBeFalse();
        ShouldFollowTheChildsRule(Path.Combine(output, "Football1.txt"), Path.Combine(root, "Football1", "groundtruth_rect.txt"), 74);
        ShouldFollowTheChildsRule(Path.Combine(output, "Crossing.txt"), Path.Combine(root, "Crossing", "groundtruth_rect.txt"), 120);
        var kept = File.ReadAllBytes(Path.Combine(output, "Football1.txt"));

        var again = Run(root, child); // the same command (the same configuration): the child behaves this time
        again.ExitCode.ShouldBe(0, again.Stdout + again.Stderr);
        again.Stdout.ShouldContain("2 already done, 1 to track");
        File.ReadAllBytes(Path.Combine(output, "Football1.txt")).ShouldBe(kept);
        ShouldFollowTheChildsRule(Path.Combine(output, "KiteSurf.txt"), Path.Combine(root, "KiteSurf", "groundtruth_rect.txt"), 84);
    }

    private static void ShouldFollowTheChildsRule(string results, string groundTruth, int rows)
    {
        static double[] Row(string line) => line.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var start = Row(File.ReadLines(groundTruth).First());
        var lines = File.ReadAllLines(results);
        lines.Length.ShouldBe(rows, results);
        for (int k = 0; k < rows; k++)
        {
            var r = Row(lines[k]);
            // Frame 1 is the initial box; frame n > 1 is the initial box shifted right by n.
            r.ShouldBe([start[0] + (k == 0 ? 0 : k + 1), start[1], start[2], start[3]], $"{results} row {k + 1}");
        }
    }
}
