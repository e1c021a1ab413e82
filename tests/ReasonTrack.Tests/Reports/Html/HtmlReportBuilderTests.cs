using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReasonTrack.Datasets;
using ReasonTrack.Evaluation;
using ReasonTrack.Evaluation.Protocols;
using ReasonTrack.Geometry;
using ReasonTrack.Reports;
using ReasonTrack.Reports.Html;
using ReasonTrack.Results;

namespace ReasonTrack.Tests.Reports.Html;

/// <summary>The site's files without a browser: what each page holds, sizes, escaping, extension points.</summary>
public sealed partial class HtmlReportBuilderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-html-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Sequences of the given lengths (a box drifting right; the middle tenth absent) and per tracker a result that lags it by k pixels, with scores.</summary>
    private (Dataset Dataset, List<ResultSource> Sources, EvaluationReport Report) Benchmark(int[] lengths, int trackers)
    {
        var seqs = new List<Sequence>();
        for (int s = 0; s < lengths.Length; s++)
        {
            int n = lengths[s];
            var gt = Enumerable.Range(0, n).Select(i => new Box(10 + i * 0.5, 20, 40, 30)).ToArray();
            var absent = Enumerable.Range(0, n).Select(i => i >= n * 45 / 100 && i < n * 55 / 100).ToArray();
            seqs.Add(new Sequence("seq" + s.ToString(CultureInfo.InvariantCulture), gt) { Absent = absent });
        }
        var ds = new Dataset("lasot", "Synthetic", _dir, seqs);
        var sources = new List<ResultSource>();
        for (int k = 0; k < trackers; k++)
        {
            string dir = Path.Combine(_dir, "results", "trk" + k.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            foreach (var s in seqs)
            {
                var b = new StringBuilder();
                var sc = new StringBuilder();
                for (int i = 0; i < s.Length; i++)
                {
                    var g = s.GroundTruth[i];
                    b.Append(CultureInfo.InvariantCulture, $"{g.X + 4 * k},{g.Y},{g.W},{g.H}\n");
                    sc.Append(CultureInfo.InvariantCulture, $"{0.5 + 0.4 * Math.Sin(i * 0.01 + k):0.000}\n");
                }
                File.WriteAllText(Path.Combine(dir, s.Name + ".txt"), b.ToString());
                File.WriteAllText(Path.Combine(dir, s.Name + "_scores.txt"), sc.ToString());
            }
            sources.Add(ResultLocator.Locate("trk" + k.ToString(CultureInfo.InvariantCulture), dir, seqs.Select(s => s.Name).ToList()));
        }
        var report = Evaluator.Evaluate(ds, sources, ProtocolRegistry.Get("lasot-matlab"));
        return (ds, sources, report);
    }

    [Fact]
    public void A_sequence_page_carries_only_its_own_sequence_and_its_iou_matches_a_hand_computation()
    {
        var (ds, sources, report) = Benchmark([200, 300], 2);
        var result = new HtmlReportBuilder(new HtmlReportOptions { OutputDirectory = Path.Combine(_dir, "site"), Dataset = ds, Results = sources }).Build(report);
        result.SequencePages.ShouldBe(2);
        result.Pages.ShouldBe(["index.html", "attributes.html", "sequences.html", "seq/seq0.html", "seq/seq1.html"]);
        string page = File.ReadAllText(Path.Combine(_dir, "site", "seq", "seq1.html"));
        page.ShouldNotContain("seq0");
        var data = PageDataBlock.Read(page);
        data.GetProperty("sequence").GetString().ShouldBe("seq1");
        data.GetProperty("frames").GetInt32().ShouldBe(300);
        // Absent frames 136..165 (1-based: 0-based 135..164).
        data.GetProperty("absent").EnumerateArray().Select(a => (a[0].GetInt32(), a[1].GetInt32())).ShouldBe([(136, 165)]);
        var series = data.GetProperty("series").EnumerateArray().ToList();
        series.Select(s => (s.GetProperty("key").GetString(), s.GetProperty("tracker").GetString())).ShouldBe([("iou", "trk0"), ("iou", "trk1"), ("score", "trk0"), ("score", "trk1")]);
        // trk1 lags by 4 px on a 40x30 box: IoU = (36*30)/(2*1200 - 36*30) = 1080/1320, shown in thousandths.
        int scale = data.GetProperty("scale").GetInt32();
        var iou1 = series[1].GetProperty("values").EnumerateArray().ToList();
        iou1[0].GetInt64().ShouldBe((long)Math.Round(1080.0 / 1320 * scale));
        iou1[140].ValueKind.ShouldBe(JsonValueKind.Null); // absent
        series[0].GetProperty("values")[5].GetInt64().ShouldBe(scale); // trk0 is exact
        series[2].GetProperty("values")[0].GetInt64().ShouldBe(500); // score 0.5 + 0.4 sin(0)
    }

    [Fact]
    public void A_series_provider_adds_a_chart_and_long_sequences_stay_under_a_megabyte()
    {
        // LaSOT's longest sequences are ~11,000 frames; eight trackers with scores and one more series each.
        var (ds, sources, report) = Benchmark([11_400], 8);
        var result = new HtmlReportBuilder(new HtmlReportOptions
        {
            OutputDirectory = Path.Combine(_dir, "site"),
            Dataset = ds,
            Results = sources,
            SeriesProviders = [new IouSeriesProvider(), new ScoreSeriesProvider(), new HalfIou()],
        }).Build(report);
        var file = new FileInfo(Path.Combine(_dir, "site", "seq", "seq0.html"));
        file.Length.ShouldBeLessThan(1_000_000);
        var data = PageDataBlock.Read(File.ReadAllText(file.FullName));
        data.GetProperty("series").EnumerateArray().Count(s => s.GetProperty("key").GetString() == "J").ShouldBe(8);
        int step = data.GetProperty("step").GetInt32();
        step.ShouldBe(3); // 11,400 frames over at most 5,000 points
        data.GetProperty("series")[0].GetProperty("values").GetArrayLength().ShouldBe(3800);
    }

    private sealed class HalfIou : IFrameSeriesProvider
    {
        public IEnumerable<FrameSeries> Series(SequencePageContext context) =>
            context.Trackers.Select(t => new FrameSeries("J", "J (region similarity)", t.Tracker, context.Iou(t).Select(v => v / 2).ToArray()) { Min = 0, Max = 1 });
    }

    [Fact]
    public void Names_from_files_are_escaped_on_every_page()
    {
        var (ds, sources, report) = Benchmark([50], 1);
        var named = new ResultSource { TrackerName = "<img src=x onerror=alert(1)>", Directory = sources[0].Directory, Layout = sources[0].Layout, Runs = sources[0].Runs, Missing = [], Unmatched = [] };
        var r2 = Evaluator.Evaluate(ds, [named], ProtocolRegistry.Get("lasot-matlab"));
        new HtmlReportBuilder(new HtmlReportOptions { OutputDirectory = Path.Combine(_dir, "site"), Dataset = ds, Results = [named], Title = "</title><script>x</script>" }).Build(r2);
        foreach (string f in Directory.GetFiles(Path.Combine(_dir, "site"), "*.html", SearchOption.AllDirectories))
        {
            string html = File.ReadAllText(f);
            html.ShouldNotContain("<img src=x");
            html.ShouldNotContain("<script>x");
            // No element has an event handler attribute (quoted values, escaped, are blanked first).
            Regex.IsMatch(Regex.Replace(html, "\"[^\"]*\"", "\"\""), "<[a-zA-Z][^<>]*\\son[a-z]+\\s*=").ShouldBeFalse(f);
            Regex.Matches(html, "<script").Count.ShouldBeLessThanOrEqualTo(2, f);
        }
        File.ReadAllText(Path.Combine(_dir, "site", "index.html")).ShouldContain("&lt;img src=x onerror=alert(1)&gt;");
    }

    [Fact]
    public void An_evaluation_json_read_back_gives_the_same_leaderboard()
    {
        var (_, _, report) = Benchmark([120, 80], 3);
        string json = Path.Combine(_dir, "results.json");
        File.WriteAllText(json, JsonReportWriter.Write(report));
        var back = JsonReportReader.Read(json);
        back.Protocol.ShouldBe(report.Protocol);
        back.Trackers.Select(t => t.Tracker).ShouldBe(report.Trackers.Select(t => t.Tracker));
        back.Trackers.Select(t => t.Overall.Success.Auc).ShouldBe(report.Trackers.Select(t => t.Overall.Success.Auc));
        back.Trackers.Select(t => t.Overall.Precision.Score).ShouldBe(report.Trackers.Select(t => t.Overall.Precision.Score));
        back.SuccessGrid.Values.ShouldBe(report.SuccessGrid.Values);
        back.PrecisionGrid.HeadlineIndex.ShouldBe(report.PrecisionGrid.HeadlineIndex);
        // Rewritten, it is the same file: nothing the writer stores was lost (per-attribute curves are not stored).
        JsonReportWriter.Write(back).ShouldBe(JsonReportWriter.Write(report));
        var site = new HtmlReportBuilder(new HtmlReportOptions { OutputDirectory = Path.Combine(_dir, "site") }).Build(back);
        site.SequencePages.ShouldBe(0);
        File.Exists(Path.Combine(_dir, "site", "plots", "success.svg")).ShouldBeTrue();
    }

    [Fact]
    public void Bad_options_name_the_option()
    {
        Should.Throw<ReasonTrackException>(() => new HtmlReportBuilder(new HtmlReportOptions { OutputDirectory = _dir, VideoFps = 0 })).Message.ShouldContain("HtmlReportOptions.VideoFps");
        Should.Throw<ReasonTrackException>(() => new HtmlReportBuilder(new HtmlReportOptions { OutputDirectory = _dir, MaxSeriesPoints = 3 })).Message.ShouldContain("HtmlReportOptions.MaxSeriesPoints");
        Should.Throw<ReasonTrackException>(() => new HtmlReportBuilder(new HtmlReportOptions { OutputDirectory = _dir }).Build([]));
    }
}
