using System.Text.Json;

namespace ReasonTrack.Tests.Cli;

/// <summary><c>reasontrack eval -p davis2017</c> on the golden DAVIS inputs (../shared/golden/davis).</summary>
public sealed class DavisEvalCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-davis-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Golden(string rel) => SharedData.Require(Path.Combine("golden", "davis", rel));

    [Fact]
    public void EvalDavis2017WritesTheToolkitsCsvsAndFullPrecisionJson()
    {
        string davis = Golden("inputs/DAVIS"), results = Golden("inputs/results");
        string outDir = Path.Combine(_dir, "out");
        var o = CliRunner.Run("eval", "-d", "davis2017", "-a", davis, "-r", Path.Combine(results, "near_perfect"),
            "-r", "shifted=" + Path.Combine(results, "shifted_scaled"), "-p", "davis2017", "--set", "val", "-o", outDir);
        o.ExitCode.ShouldBe(0, o.Stderr);
        o.Stdout.ShouldContain("J&F-Mean 0.919437 (davis2017)");
        o.Stdout.ShouldContain("J&F-Mean 0.630689 (davis2017)");
        foreach (var (tracker, golden) in new[] { ("near_perfect", "near_perfect"), ("shifted", "shifted_scaled") })
            foreach (var csv in new[] { "global_results-val.csv", "per-sequence_results-val.csv" })
                File.ReadAllText(Path.Combine(outDir, tracker, csv)).ShouldBe(File.ReadAllText(Golden($"outputs/csv/{golden}/{csv}")), $"{tracker}/{csv}");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "davis2017.json")));
        var near = json.RootElement.GetProperty("trackers")[0];
        using var golden2 = JsonDocument.Parse(File.ReadAllText(Golden("outputs/near_perfect.json")));
        foreach (var g in golden2.RootElement.GetProperty("global").EnumerateObject())
            Math.Abs(near.GetProperty("global").GetProperty(g.Name).GetDouble() - g.Value.GetDouble()).ShouldBeLessThan(1e-9, g.Name);
    }

    [Fact]
    public void TheDatasetKeyAlonePicksTheProtocol()
    {
        var o = CliRunner.Run("eval", "-d", "davis2017", "-a", Golden("inputs/DAVIS"), "-r", Golden("inputs/results/failing"));
        o.ExitCode.ShouldBe(0, o.Stderr);
        o.Stdout.ShouldContain("J&F-Mean 0.376027 (davis2017)");
    }

    [Theory]
    [InlineData("abort_extra_id", "synth-ellipses/00005.png")]
    [InlineData("abort_missing_frame", "synth-thin/00005.png")]
    [InlineData("abort_void255_in_result", "synth-odd/00003.png")]
    public void AbortCasesExitTwoNamingTheFile(string tracker, string file)
    {
        var o = CliRunner.Run("eval", "-d", "davis2017", "-a", Golden("inputs/DAVIS"), "-r", Golden("inputs/results/" + tracker), "-o", Path.Combine(_dir, "x"));
        o.ExitCode.ShouldBe(2, o.Stdout + o.Stderr);
        o.Stderr.ShouldContain(Path.Combine(Golden("inputs/results/" + tracker), file));
        Directory.Exists(Path.Combine(_dir, "x")).ShouldBeFalse("nothing is written when the evaluation stops");
    }

    [Fact]
    public void ABoxDatasetRefusesTheMaskProtocol()
    {
        var o = CliRunner.Run("eval", "-d", "otb", "-a", _dir, "-r", _dir, "-p", "davis2017");
        o.ExitCode.ShouldBe(2);
        o.Stderr.ShouldContain("davis2017");
    }

    [Fact]
    public void HelpAndListsShowDavis()
    {
        CliRunner.Run("eval", "--help").Stdout.ShouldContain("reasontrack eval -d davis2017");
        CliRunner.Run("protocols").Stdout.ShouldContain("davis2017");
        CliRunner.Run("datasets").Stdout.ShouldContain("davis2017");
    }
}
