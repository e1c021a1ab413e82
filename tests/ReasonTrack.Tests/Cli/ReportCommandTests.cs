namespace ReasonTrack.Tests.Cli;

/// <summary><c>reasontrack report</c> through the real CLI: from an eval JSON, and its input errors.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-report-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void An_eval_json_gives_the_leaderboard_site_without_sequence_pages()
    {
        var e = CliRunner.Run("eval", "--example", "--annotations", Path.Combine(_dir, "bench"), "--out", Path.Combine(_dir, "eval"));
        e.ExitCode.ShouldBe(0, e.Stdout + e.Stderr);
        var o = CliRunner.Run("report", "-r", Path.Combine(_dir, "eval", "results.json"), "-o", Path.Combine(_dir, "html"));
        o.ExitCode.ShouldBe(0, o.Stdout + o.Stderr);
        o.Stdout.ShouldContain("0 sequence page(s)");
        string index = File.ReadAllText(Path.Combine(_dir, "html", "index.html"));
        index.ShouldContain("lasot-matlab");
        index.ShouldContain("class=\"sortable leaderboard\"");
        File.Exists(Path.Combine(_dir, "html", "assets", "report.js")).ShouldBeTrue();
    }

    [Fact]
    public void Result_folders_without_a_dataset_are_refused_with_the_option_named()
    {
        var o = CliRunner.Run("report", "-r", _dir, "-o", Path.Combine(_dir, "html"));
        o.ExitCode.ShouldBe(2, o.Stdout + o.Stderr);
        o.Stderr.ShouldContain("--dataset is required");
    }
}
