using System.Text.Json;
using ReasonTrack.IO;

namespace ReasonTrack.Tests.Cli;

/// <summary>
/// <c>run</c> ties results to the configuration that produced them (issue 10, item 2): the record beside the results,
/// resume only under the same configuration, refusal naming both otherwise, <c>--no-resume</c> replacing both.
/// </summary>
public sealed class RunConfigurationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-runcfg-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void RequireFfmpeg()
    {
        if (!File.Exists("/usr/bin/ffmpeg") && Environment.GetEnvironmentVariable("REASONTRACK_FFMPEG") is null)
            Assert.Skip("ffmpeg not installed (./setup.sh installs it)");
    }

    private CliRunner.Outcome Run(string outDir, params string[] more)
    {
        string root = SharedData.Require("data/sequences");
        string list = Path.Combine(_dir, "list.txt");
        File.WriteAllText(list, "Football1\n");
        return CliRunner.Run(["run", "-d", "otb", "-a", root, "-s", list, "-o", outDir, .. more]);
    }

    private static JsonElement Record(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "reasontrack-run.json"))).RootElement.Clone();

    [Fact]
    public void Another_tracker_in_the_same_folder_is_refused_naming_both_and_no_resume_replaces_the_results()
    {
        RequireFfmpeg();
        string x = Path.Combine(_dir, "X");
        var first = Run(x);
        first.ExitCode.ShouldBe(0, first.Stdout + first.Stderr);
        var record = Record(x);
        record.GetProperty("tracker").GetString().ShouldBe("dcf"); // "default" resolved to its registry name
        record.GetProperty("settings").GetProperty("padding").GetString().ShouldBe("1.5"); // defaults recorded
        record.GetProperty("layout").GetString().ShouldBe("plain");

        // Today's bug: this reported "1 already done" and the default tracker's numbers under the name identity.
        foreach (var extra in new[] { Array.Empty<string>(), ["--name", "identity"] })
        {
            var other = Run(x, ["-t", "identity", .. extra]).ShouldFailCleanly();
            other.Stderr.ShouldContain("another configuration");
            other.Stderr.ShouldContain("tracker: \"dcf\" -> \"identity\"");
            other.Stderr.ShouldContain("--no-resume");
            other.Stdout.ShouldNotContain("already done");
        }

        // A changed setting is another configuration too, and the differing field is named.
        var setting = Run(x, "--set", "padding=2").ShouldFailCleanly();
        setting.Stderr.ShouldContain("settings.padding: \"1.5\" -> \"2\"");

        // The same configuration resumes.
        var same = Run(x, "-t", "default");
        same.ExitCode.ShouldBe(0, same.Stdout + same.Stderr);
        same.Stdout.ShouldContain("1 already done, 0 to track");

        // --no-resume tracks again and records the new configuration.
        var before = File.ReadAllText(Path.Combine(x, "Football1.txt"));
        var replaced = Run(x, "-t", "identity", "--no-resume");
        replaced.ExitCode.ShouldBe(0, replaced.Stdout + replaced.Stderr);
        replaced.Stdout.ShouldContain("0 already done, 1 to track");
        Record(x).GetProperty("tracker").GetString().ShouldBe("identity");
        File.ReadAllText(Path.Combine(x, "Football1.txt")).ShouldNotBe(before);
        NumericTable.Read(Path.Combine(x, "Football1.txt")).RowCount.ShouldBe(74);
    }

    [Fact]
    public void Results_without_a_configuration_record_are_not_resumed()
    {
        RequireFfmpeg();
        string x = Path.Combine(_dir, "old");
        Run(x, "-t", "identity").ExitCode.ShouldBe(0);
        File.Delete(Path.Combine(x, "reasontrack-run.json")); // as results written before this change
        var o = Run(x, "-t", "identity").ShouldFailCleanly();
        o.Stderr.ShouldContain("no reasontrack-run.json");
        Run(x, "-t", "identity", "--no-resume").ExitCode.ShouldBe(0);
        Record(x).GetProperty("tracker").GetString().ShouldBe("identity");
    }

    [Fact]
    public void Names_in_the_pytracking_layout_keep_configurations_apart()
    {
        RequireFfmpeg();
        string x = Path.Combine(_dir, "py");
        Run(x, "--format", "pytracking").ExitCode.ShouldBe(0);
        var identity = Run(x, "--format", "pytracking", "-t", "identity", "--name", "identity");
        identity.ExitCode.ShouldBe(0, identity.Stdout + identity.Stderr);
        identity.Stdout.ShouldContain("0 already done, 1 to track");
        Record(Path.Combine(x, "default", "default")).GetProperty("tracker").GetString().ShouldBe("dcf");
        Record(Path.Combine(x, "identity", "default")).GetProperty("tracker").GetString().ShouldBe("identity");
    }
}
