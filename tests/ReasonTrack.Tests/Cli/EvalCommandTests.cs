using System.Globalization;
using System.Text.Json;
using ReasonTrack.Datasets;
using ReasonTrack.Evaluation;
using ReasonTrack.Evaluation.Protocols;
using ReasonTrack.Geometry;
using ReasonTrack.Results;

namespace ReasonTrack.Tests.Cli;

public sealed class EvalCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_bundled_example_evaluates_and_writes_every_report()
    {
        string annos = Path.Combine(_dir, "bench"), outDir = Path.Combine(_dir, "report");
        var o = CliRunner.Run("eval", "--example", "--annotations", annos, "--out", outDir);
        o.ExitCode.ShouldBe(0, o.Stderr);
        o.Stdout.ShouldContain("AUC (lasot-matlab)");
        o.Stdout.ShouldContain("SteadyTracker");
        o.Stdout.ShouldContain("warning:"); // the jittery tracker's NaN rows are repaired, and said
        foreach (var f in new[] { "results.json", "results.csv", "sequences.csv", "results.md", "results.tex" })
            File.Exists(Path.Combine(outDir, f)).ShouldBeTrue(f);
        Directory.GetFiles(Path.Combine(outDir, "plots"), "*.svg").Length.ShouldBeGreaterThanOrEqualTo(3);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")));
        var trackers = json.RootElement.GetProperty("trackers").EnumerateArray().ToList();
        trackers.Count.ShouldBe(3);
        var steady = trackers.Single(t => t.GetProperty("name").GetString() == "SteadyTracker");
        steady.GetProperty("protocol").GetString().ShouldBe("lasot-matlab");
        steady.GetProperty("auc").GetDouble().ShouldBeInRange(0.0, 1.0);
        var drifting = trackers.Single(t => t.GetProperty("name").GetString() == "DriftingTracker");
        steady.GetProperty("auc").GetDouble().ShouldBeGreaterThan(drifting.GetProperty("auc").GetDouble());
    }

    /// <summary>
    /// An identity tracker (always the first box) on the real LaSOT test annotations through the CLI: the JSON
    /// holds what the library computes for the same inputs, per sequence and overall.
    /// </summary>
    [Fact]
    public void Identity_tracker_on_real_lasot_end_to_end()
    {
        string annos = SharedData.Require("data/lasot");
        var ds = DatasetRegistry.Get("lasot").Load(annos, new DatasetLoadOptions { ListFrames = false });
        string results = Path.Combine(_dir, "Identity");
        foreach (var s in ds.Sequences)
            ResultWriter.Write(ResultLayout.Plain, results, "Identity", s.Name, Enumerable.Repeat(s.GroundTruth[0], s.Length).ToArray());
        string jsonPath = Path.Combine(_dir, "identity.json");
        var o = CliRunner.Run("eval", "--dataset", "lasot", "--annotations", annos, "--results", results, "--json", jsonPath);
        o.ExitCode.ShouldBe(0, o.Stderr);
        o.Stdout.ShouldContain("280 sequences");

        var expected = Evaluator.Evaluate(ds, [ResultLocator.Locate("Identity", results, ds.Sequences.Select(s => s.Name).ToList())], ProtocolRegistry.Get("lasot-matlab")).Trackers[0];
        using var json = JsonDocument.Parse(File.ReadAllText(jsonPath));
        var t = json.RootElement.GetProperty("trackers")[0];
        t.GetProperty("auc").GetDouble().ShouldBe(expected.Overall.Success.Auc);
        t.GetProperty("precision").GetDouble().ShouldBe(expected.Overall.Precision.Score);
        t.GetProperty("norm_precision").GetDouble().ShouldBe(expected.Overall.NormalizedPrecision.Score);
        t.GetProperty("sequences_evaluated").GetInt32().ShouldBe(280);
        var seq = t.GetProperty("per_sequence").GetProperty("airplane-1");
        seq.GetProperty("success").GetArrayLength().ShouldBe(21);
        seq.GetProperty("precision").GetArrayLength().ShouldBe(51);
        seq.GetProperty("norm_precision").GetArrayLength().ShouldBe(51);
        o.Stdout.ShouldContain((100 * expected.Overall.Success.Auc).ToString("0.0", CultureInfo.InvariantCulture));
    }

    private (string Annos, string Results) SmallLasot(Action<string, Box[]>? tamper = null)
    {
        // Two sequences in the LaSOT toolkit layout, written by the test.
        string annos = Path.Combine(_dir, "lasot");
        string results = Path.Combine(_dir, "Mine");
        foreach (var name in new[] { "cat-1", "dog-2" })
        {
            var gt = Enumerable.Range(0, 30).Select(i => new Box(10 + i, 20, 40, 30)).ToArray();
            Directory.CreateDirectory(Path.Combine(annos, "annos", "absent"));
            File.WriteAllLines(Path.Combine(annos, "annos", name + ".txt"), gt.Select(b => BoxText.Format(b, ",")));
            File.WriteAllLines(Path.Combine(annos, "annos", "absent", name + ".txt"), gt.Select(_ => "0"));
            var res = gt.Select(b => b.Offset(2, 1)).ToArray();
            Directory.CreateDirectory(results);
            File.WriteAllLines(Path.Combine(results, name + ".txt"), res.Select(b => BoxText.Format(b, ",")));
            tamper?.Invoke(Path.Combine(results, name + ".txt"), res);
        }
        File.WriteAllText(Path.Combine(annos, "testing_set.txt"), "cat-1\ndog-2");
        return (annos, results);
    }

    [Fact]
    public void Fewer_rows_than_frames_names_the_file_and_line()
    {
        var (annos, results) = SmallLasot((path, res) => { if (path.Contains("dog-2")) File.WriteAllLines(path, res.Take(25).Select(b => BoxText.Format(b, ","))); });
        var o = CliRunner.Run("eval", "-d", "lasot", "-a", annos, "-r", results).ShouldFailCleanly();
        o.Stderr.ShouldContain("dog-2.txt:25");
        o.Stderr.ShouldContain("25 rows");
    }

    [Fact]
    public void An_unreadable_number_names_the_file_line_and_field()
    {
        var (annos, results) = SmallLasot((path, res) =>
        {
            if (!path.Contains("cat-1")) return;
            var lines = res.Select(b => BoxText.Format(b, ",")).ToArray();
            lines[6] = "12,20,4O,30";
            File.WriteAllLines(path, lines);
        });
        var o = CliRunner.Run("eval", "-d", "lasot", "-a", annos, "-r", results).ShouldFailCleanly();
        o.Stderr.ShouldContain("cat-1.txt:7: field 3 is not a number: '4O'");
    }

    [Fact]
    public void Nan_rows_and_negative_sizes_follow_the_protocol()
    {
        var (annos, results) = SmallLasot((path, res) =>
        {
            var lines = res.Select(b => BoxText.Format(b, ",")).ToArray();
            lines[3] = "NaN,NaN,NaN,NaN";
            lines[4] = "10,20,-5,30";
            File.WriteAllLines(path, lines);
        });
        // lasot-matlab replaces them by the previous row, as the toolkit does, and evaluates.
        CliRunner.Run("eval", "-d", "lasot", "-a", annos, "-r", results).ExitCode.ShouldBe(0);
        // pytracking raises on NaN: an error naming the line.
        CliRunner.Run("eval", "-d", "lasot", "-a", annos, "-r", results, "-p", "pytracking").ShouldFailCleanly().Stderr.ShouldContain(".txt:4:");
    }

    /// <summary>
    /// Issue 10 item 6: under the Matlab and OTB protocols, rows with 3 values, 5 values or <c>inf</c> are read as
    /// dlmread reads them, but each gets a warning naming file:line and what was assumed (at most 5 per file, then a count).
    /// </summary>
    [Theory]
    [InlineData("lasot-matlab")]
    [InlineData("otb")]
    public void Malformed_rows_are_read_as_dlmread_does_with_a_warning_naming_file_and_line(string protocol)
    {
        var (annos, results) = SmallLasot((path, res) =>
        {
            var lines = res.Select(b => BoxText.Format(b, ",")).ToArray();
            if (path.Contains("cat-1"))
            {
                lines[4] = "12,21,40";          // 3 values: padded with a 0 height
                lines[9] = "12,21,40,30,0.9";   // 5 values: the matrix is widened
                lines[14] = "12,21,inf,30";     // inf
            }
            else
            {
                for (int i = 1; i <= 8; i++) lines[i] = $"{10 + i},20,40";
            }
            File.WriteAllLines(path, lines);
        });
        var o = CliRunner.Run("eval", "-d", "lasot", "-a", annos, "-r", results, "-p", protocol);
        o.ExitCode.ShouldBe(0, o.Stderr);
        string cat = Path.Combine(results, "cat-1.txt"), dog = Path.Combine(results, "dog-2.txt");
        o.Stdout.ShouldContain($"warning: {cat}:5: 3 fields");
        o.Stdout.ShouldContain("padded with zeros");
        o.Stdout.ShouldContain($"warning: {cat}:10: 5 fields");
        o.Stdout.ShouldContain("widened");
        o.Stdout.ShouldContain($"warning: {cat}:15: field 3 is 'inf'");
        // Eight short rows in dog-2: five listed, then a count.
        o.Stdout.ShouldContain($"warning: {dog}:6: 3 fields");
        o.Stdout.ShouldNotContain($"{dog}:7: 3 fields");
        o.Stdout.ShouldContain($"{dog}: ... and 3 more line(s)");
    }

    [Fact]
    public void A_blank_line_in_the_middle_is_reported_at_its_own_line()
    {
        var (annos, results) = SmallLasot((path, res) =>
        {
            if (!path.Contains("dog-2")) return;
            var lines = res.Select(b => BoxText.Format(b, ",")).ToList();
            lines[11] = ""; // line 12 blank instead of a row: the file is one row short
            File.WriteAllLines(path, lines);
        });
        var o = CliRunner.Run("eval", "-d", "lasot", "-a", annos, "-r", results).ShouldFailCleanly();
        o.Stderr.ShouldContain("dog-2.txt:12: blank line");
        o.Stderr.ShouldNotContain("dog-2.txt:30");

        // A blank line in a file that is long enough: evaluated as dlmread reads it, with a warning at that line.
        var (_, results2) = SmallLasot((path, res) =>
        {
            if (!path.Contains("dog-2")) return;
            var lines = res.Select(b => BoxText.Format(b, ",")).ToList();
            lines.Insert(11, "");
            lines.Add(lines[^1]);
            File.WriteAllLines(path, lines);
        });
        var ok = CliRunner.Run("eval", "-d", "lasot", "-a", annos, "-r", results2);
        ok.ExitCode.ShouldBe(0, ok.Stderr);
        ok.Stdout.ShouldContain("dog-2.txt:12: blank line between data rows, skipped");
    }

    [Fact]
    public void Missing_empty_and_unmatched_results_fail_cleanly()
    {
        var (annos, results) = SmallLasot();
        CliRunner.Run("eval", "-d", "lasot", "-a", annos, "-r", Path.Combine(_dir, "nowhere")).ShouldFailCleanly().Stderr.ShouldContain("results folder not found");
        string empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        CliRunner.Run("eval", "-d", "lasot", "-a", annos, "-r", empty).ShouldFailCleanly().Stderr.ShouldContain("results folder is empty");
        string other = Directory.CreateDirectory(Path.Combine(_dir, "other")).FullName;
        File.WriteAllText(Path.Combine(other, "zebra-1.txt"), "1,2,3,4\n");
        CliRunner.Run("eval", "-d", "lasot", "-a", annos, "-r", other).ShouldFailCleanly().Stderr.ShouldContain("no result file matches");
        File.Delete(Path.Combine(results, "dog-2.txt"));
        var missing = CliRunner.Run("eval", "-d", "lasot", "-a", annos, "-r", results).ShouldFailCleanly();
        missing.Stderr.ShouldContain("dog-2");
        missing.Stderr.ShouldContain("--allow-missing");
        var allowed = CliRunner.Run("eval", "-d", "lasot", "-a", annos, "-r", results, "--allow-missing");
        allowed.ExitCode.ShouldBe(0, allowed.Stderr);
        allowed.Stdout.ShouldContain("not comparable");
    }

    [Fact]
    public void Unknown_dataset_protocol_or_sequence_name_fail_cleanly()
    {
        var (annos, results) = SmallLasot();
        CliRunner.Run("eval", "-d", "lasott", "-a", annos, "-r", results).ShouldFailCleanly().Stderr.ShouldContain("lasot");
        CliRunner.Run("eval", "-d", "lasot", "-a", annos, "-r", results, "-p", "vot-eao").ShouldFailCleanly().Stderr.ShouldContain("lasot-matlab");
        string list = Path.Combine(_dir, "list.txt");
        File.WriteAllText(list, "cat-1\nkangaroo-7\n");
        CliRunner.Run("eval", "-d", "lasot", "-a", annos, "-r", results, "-s", list).ShouldFailCleanly().Stderr.ShouldContain("kangaroo-7");
        CliRunner.Run("eval", "-d", "lasot", "-a", Path.Combine(_dir, "no-annos"), "-r", results).ShouldFailCleanly();
    }

    [Fact]
    public void Help_lists_every_option()
    {
        var o = CliRunner.Run("eval", "--help");
        o.ExitCode.ShouldBe(0);
        foreach (var opt in new[] { "--dataset", "--annotations", "--results", "--protocol", "--sequences", "--out", "--json", "--allow-missing", "--empty-result", "--example" })
            o.Stdout.ShouldContain(opt);
    }
}
