using System.Globalization;
using System.Text;
using ReasonTrack.Evaluation;
using ReasonTrack.Reports;

namespace ReasonTrack.Tests.Reports;

public class TextReportTests
{
    /// <summary>A small RFC 4180 reader, independent of the writer.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void Summary_csv_parses_back_ranked_by_auc()
    {
        var rows = ParseCsv(CsvReportWriter.WriteSummary(ReportFixture.Sample()));
        rows[0].ShouldBe(["rank", "tracker", "protocol", "auc", "precision", "norm_precision", "sequences", "dropped"]);
        rows.Count.ShouldBe(4);
        rows.Skip(1).Select(r => r[1]).ShouldBe(["Beta", "Alpha", ReportFixture.Weird]);
        rows.Skip(1).Select(r => r[0]).ShouldBe(["1", "2", "3"]);
        var alpha = rows[2];
        alpha[2].ShouldBe("lasot-matlab");
        D(alpha[3]).ShouldBe(0.584);
        D(alpha[4]).ShouldBe(0.70);
        D(alpha[5]).ShouldBe(0.61);
        alpha[6].ShouldBe("3");
        alpha[7].ShouldBe("1");
    }

    [Fact]
    public void Sequence_csv_has_one_row_per_tracker_and_sequence()
    {
        var report = ReportFixture.Sample();
        var rows = ParseCsv(CsvReportWriter.WriteSequences(report));
        rows[0].Take(6).ShouldBe(["tracker", "sequence", "auc", "precision@20", "norm_precision@0.20", "frames"]);
        rows.Count.ShouldBe(1 + 3 * 3);
        var weirdCar = rows.Single(r => r[0] == ReportFixture.Weird && r[1] == "car-2");
        var src = report.Trackers[2].Sequences[2];
        D(weirdCar[2]).ShouldBe(src.Success.Average());
        D(weirdCar[3]).ShouldBe(src.Precision[20]);
        D(weirdCar[4]).ShouldBe(src.NormalizedPrecision[20]);
        weirdCar[5].ShouldBe("105");
    }

    [Fact]
    public void Markdown_ranks_names_dataset_and_protocol_and_bolds_the_best()
    {
        string md = MarkdownReportWriter.Write(ReportFixture.Sample());
        var lines = md.Split('\n');
        lines[0].ShouldContain("LaSOT Testing Set");
        lines[0].ShouldContain("lasot-matlab");
        var table = lines.Where(l => l.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(l[2])).ToList();
        table.Count.ShouldBe(3);
        table[0].ShouldStartWith("| 1 | Beta | **61.2** | 65.0 | **66.0** |");
        table[1].ShouldStartWith("| 2 | Alpha | 58.4 | **70.0** | 61.0 |");
        table[2].ShouldStartWith("| 3 | a\\<b&\"c\" | 50.0 | 66.0 | 58.0 |");
        md.ShouldContain("FPS");          // Beta has a speed
        md.ShouldContain("**31.3**");      // 31.26 → one decimal, the only (so best) value
        md.ShouldContain("2 result rows repaired");
    }

    [Fact]
    public void Markdown_percentages_round_to_one_decimal()
    {
        var t = ReportFixture.Tracker("r", auc: 0.4963, prec: 0.70449, np: 0.5, npArea: 0.4, fps: null, aucFoc: 0.3);
        string md = MarkdownReportWriter.Write(ReportFixture.Build("otb", false, [t]));
        md.ShouldContain("**49.6**");
        md.ShouldContain("**70.4**");
        md.ShouldContain("protocol `otb`");
    }

    [Fact]
    public void Latex_uses_booktabs_bold_best_underlined_second_and_escapes_names()
    {
        string tex = LatexReportWriter.Write(ReportFixture.Sample());
        tex.ShouldContain("\\toprule");
        tex.ShouldContain("\\midrule");
        tex.ShouldContain("\\bottomrule");
        tex.ShouldContain("\\caption{Results on LaSOT Testing Set under protocol \\texttt{lasot-matlab}");
        tex.ShouldContain("Beta & \\textbf{61.2} & 65.0 & \\textbf{66.0}");
        tex.ShouldContain("Alpha & \\underline{58.4} & \\textbf{70.0} & \\underline{61.0}");
        tex.ShouldContain("a\\textless{}b\\&\\textquotedbl{}c\\textquotedbl{} & 50.0 & \\underline{66.0} & 58.0");
    }

    [Fact]
    public void Latex_escapes_underscores_and_ampersands()
    {
        var t = ReportFixture.Tracker("My_Tracker & Co 100%", auc: 0.5, prec: 0.5, np: 0.5, npArea: 0.4, fps: null, aucFoc: 0.3);
        string tex = LatexReportWriter.Write(ReportFixture.Build("tnl2k-matlab", true, [t]));
        tex.ShouldContain("My\\_Tracker \\& Co 100\\%");
        tex.ShouldNotContain("My_Tracker");
        tex.ShouldContain("NP area");
    }

    [Fact]
    public void Ties_keep_input_order()
    {
        var a = ReportFixture.Tracker("first", auc: 0.5, prec: 0.5, np: 0.5, npArea: 0.4, fps: null, aucFoc: 0.3);
        var b = ReportFixture.Tracker("second", auc: 0.5, prec: 0.6, np: 0.5, npArea: 0.4, fps: null, aucFoc: 0.3);
        var c = ReportFixture.Tracker("top", auc: 0.6, prec: 0.5, np: 0.5, npArea: 0.4, fps: null, aucFoc: 0.3);
        var rows = ParseCsv(CsvReportWriter.WriteSummary(ReportFixture.Build("otb", false, [a, b, c])));
        rows.Skip(1).Select(r => r[1]).ShouldBe(["top", "first", "second"]);
    }

    [Fact]
    public void Write_all_writes_every_file_atomically_and_returns_the_paths()
    {
        string dir = Path.Combine(Path.GetTempPath(), "rt-reports-" + Guid.NewGuid().ToString("N"));
        try
        {
            var report = ReportFixture.Sample();
            var paths = ReportSet.WriteAll(report, dir);
            var rel = paths.Select(p => Path.GetRelativePath(dir, p).Replace('\\', '/')).ToList();
            rel.ShouldBe(
            [
                "results.json", "results.csv", "sequences.csv", "results.md", "results.tex",
                "plots/success.svg", "plots/precision.svg", "plots/norm_precision.svg",
                "plots/success_FOC.svg", "plots/precision_FOC.svg", "plots/norm_precision_FOC.svg",
            ]);
            foreach (var p in paths) File.Exists(p).ShouldBeTrue(p);
            File.ReadAllBytes(Path.Combine(dir, "results.json")).ShouldBe(JsonReportWriter.WriteUtf8(report));

            // A second run overwrites in place and leaves no temporary files behind.
            ReportSet.WriteAll(report, dir);
            Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Count().ShouldBe(11);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
