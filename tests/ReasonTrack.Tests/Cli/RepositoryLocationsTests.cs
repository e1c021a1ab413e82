using ReasonTrack.Cli.Commands;
using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Cli;

/// <summary>
/// Issue 12 item 6: the library reads locations from options and variables only; the CLI supplies this checkout's
/// ../shared/models when the variable is unset, and a variable the user set wins. ONNX Runtime needs no location any more
/// (issue 13: it ships in the build).
/// </summary>
public sealed class RepositoryLocationsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("reasontrack-locations-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void RequireFfmpeg()
    {
        if (!File.Exists("/usr/bin/ffmpeg") && Environment.GetEnvironmentVariable("REASONTRACK_FFMPEG") is null)
            Assert.Skip("ffmpeg not installed (./setup.sh installs it)");
    }

    [Fact]
    public void The_cli_finds_the_checkouts_models_and_runs_onnx_runtime_when_no_variable_is_set()
    {
        RequireFfmpeg();
        SharedData.Require("models/nanotrack/v3");
        var o = CliRunner.RunWith(new Dictionary<string, string?>
        {
            [TrackerContext.ModelsEnvironmentVariable] = null,
            ["REASONTRACK_ORT_LIB"] = null, // the variable of the removed npm install: a stale value must not matter
        }, "track", "--example", "--tracker", "nanotrack-v3", "--out", _dir);
        o.ExitCode.ShouldBe(0, o.Stderr);
        File.Exists(Path.Combine(_dir, "synthetic.txt")).ShouldBeTrue();
    }

    [Fact]
    public void A_models_variable_the_user_set_wins_over_the_checkout_default()
    {
        RequireFfmpeg();
        SharedData.Require("models/nanotrack/v3");
        string empty = Directory.CreateDirectory(Path.Combine(_dir, "empty-models")).FullName;
        var o = CliRunner.RunWith(new Dictionary<string, string?> { [TrackerContext.ModelsEnvironmentVariable] = empty },
            "track", "--example", "--tracker", "nanotrack-v3", "--out", Path.Combine(_dir, "out")).ShouldFailCleanly();
        o.Stderr.ShouldContain(Path.Combine(empty, "nanotrack", "v3"));
        o.Stderr.ShouldContain(TrackerContext.ModelsEnvironmentVariable);
    }

    [Fact]
    public void The_checkout_is_found_above_the_application()
    {
        RepositoryLocations.RepositoryRoots().ShouldContain(SharedData.RepoRoot);
    }
}
