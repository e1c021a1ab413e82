using System.Text.Json;
using System.Text.RegularExpressions;
using ReasonTrack.Datasets;
using ReasonTrack.Evaluation;
using ReasonTrack.Evaluation.Protocols;
using ReasonTrack.Results;
using static ReasonTrack.Tests.Evaluation.GoldenFixture;

namespace ReasonTrack.Tests.Evaluation;

/// <summary>
/// Every figure the official toolkits drew (overall and per attribute, in every ranking mode) against what the
/// evaluator computes end to end from the result folders: the legend order, the score behind each legend, the
/// plotted mean curve, and which attributes get a figure at all.
/// </summary>
public partial class ToolkitFiguresGoldenTests
{
    // Attribute names in the toolkits' own order, as their run scripts list them.
    private static readonly string[] LasotAttributes =
    [
        "Illumination Variation", "Partial Occlusion", "Deformation", "Motion Blur", "Camera Motion", "Rotation", "Background Clutter",
        "Viewpoint Change", "Scale Variation", "Full Occlusion", "Fast Motion", "Out-of-View", "Low Resolution", "Aspect Ration Change",
    ];

    private static readonly string[] Tnl2kAttributes =
    [
        "Camera Motion", "Rotation", "Deformation", "Full Occlusion", "Illumination Variation", "Out-of-View", "Partial Occlusion",
        "Viewpoint Change", "Scale Variation", "Background Clutter", "Motion Blur", "Aspect Ration Change", "Low Resolution", "Fast Motion",
        "Adversarial Samples", "Thermal Crossover", "Modality Switch",
    ];

    internal static EvaluationReport Evaluate(string golden, string set, string protocolKey, string gtFolder, int absentValue, string attSuffix,
        string[] attributes, string[]? trackerNames = null)
    {
        var g = Json(golden);
        var seqNames = Strings(g.GetProperty("sequences"));
        var sequences = seqNames.Select(s => Sequence(set, s, gtFolder, absentValue, attSuffix)).ToArray();
        var dataset = new Dataset(set, set, SharedData.Require(Path.Combine("golden", "inputs", set)), sequences) { AttributeNames = attributes };
        string resultsRoot = SharedData.Require(Path.Combine("golden", "inputs", set, "results"));
        var sources = (trackerNames ?? Strings(g.GetProperty("trackers")))
            .Select(t => ResultLocator.Locate(t, Path.Combine(resultsRoot, t), seqNames)).ToList();
        return Evaluator.Evaluate(dataset, sources, ProtocolRegistry.Get(protocolKey));
    }

    public static TheoryData<string, string, string, string, int, string> Sets => new()
    {
        { "synthetic_lasot.json", "lasot", "lasot-matlab", "", 1, "" },
        { "synthetic_tnllt.json", "tnllt", "tnllt-matlab", "", 0, "" },
        { "synthetic_tnl2k.json", "tnl2k", "tnl2k-matlab", "gt_rect", 1, "_attribute" },
        { "quirk_empty_result_file.json", "quirks", "lasot-matlab", "", 1, "" },
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_toolkit_figure_is_reproduced(string golden, string set, string protocolKey, string gtFolder, int absentValue, string attSuffix)
    {
        string[] attributes = set == "tnl2k" ? Tnl2kAttributes : set == "tnllt" ? [] : LasotAttributes;
        var report = Evaluate(golden, set, protocolKey, gtFolder, absentValue, attSuffix, attributes);
        var g = Json(golden);
        int figures = 0;
        foreach (var mode in g.GetProperty("modes").EnumerateObject())
        {
            var ranking = mode.Value.GetProperty("ranking_type").GetString() == "AUC" ? Ranking.Area : Ranking.Threshold;
            var attributeFigures = new Dictionary<CurveKind, List<string>>();
            foreach (var fig in mode.Value.GetProperty("figures").EnumerateArray())
            {
                string title = fig.GetProperty("title").GetString()!;
                var kind = fig.GetProperty("curve_kind").GetString() switch
                {
                    "overlap" => CurveKind.Success,
                    "error" => CurveKind.Precision,
                    "norm_error" => CurveKind.NormalizedPrecision,
                    var other => throw new InvalidOperationException(other),
                };
                var m = AttributeTitle().Match(title);
                string? attribute = m.Success ? m.Groups[1].Value : null;
                if (attribute is not null)
                {
                    (attributeFigures.TryGetValue(kind, out var l) ? l : attributeFigures[kind] = []).Add(attribute);
                }

                // Our scores for this figure, ranked as plot_draw_save.m ranks them (descending, stable).
                var ours = report.Trackers.Select(t =>
                {
                    TrackerSummary s;
                    if (attribute is null) s = t.Overall;
                    else
                    {
                        var a = t.PerAttribute.Single(x => x.Attribute == attribute);
                        a.SequenceCount.ShouldBe(int.Parse(m.Groups[2].Value), title);
                        s = a.Summary;
                    }
                    var metric = s.Get(kind);
                    return (t.Tracker, Score: ranking == Ranking.Area ? metric.Auc : metric.AtHeadline, metric.MeanCurve);
                }).ToList();
                var ranked = ours.Select((o, i) => (o, i)).OrderByDescending(x => x.o.Score).ThenBy(x => x.i).Select(x => x.o).ToList();

                var entries = fig.GetProperty("entries").EnumerateArray().ToList();
                entries.Select(e => e.GetProperty("tracker").GetString()).ShouldBe(ranked.Select(r => r.Tracker), $"{mode.Name}: {title} order");
                for (int i = 0; i < entries.Count; i++)
                {
                    var e = entries[i];
                    ranked[i].Score.ShouldBe(e.GetProperty("score").GetDouble(), 1e-9, $"{mode.Name}: {title} {ranked[i].Tracker}");
                    e.GetProperty("legend").GetString().ShouldBe($"[{ranked[i].Score:0.000}] {ranked[i].Tracker}");
                    if (e.TryGetProperty("mean_curve", out var curve))
                        ShouldMatch(ranked[i].MeanCurve, Doubles(curve), 1e-9, $"{mode.Name}: {title} {ranked[i].Tracker} curve");
                }
                figures++;
            }
            // Attributes with a figure in the toolkit = attributes we summarise (the toolkit skips < 2 sequences).
            foreach (var (kind, names) in attributeFigures)
                report.Trackers[0].PerAttribute.Select(a => a.Attribute).ShouldBe(names, ignoreOrder: true, $"{mode.Name} {kind} attribute figures");
        }
        figures.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Empty_result_file_reproduces_the_toolkit_break_and_says_so()
    {
        var report = Evaluate("quirk_empty_result_file.json", "quirks", "lasot-matlab", "", 1, "", LasotAttributes);
        var g = Json("quirk_empty_result_file.json");
        foreach (var t in report.Trackers)
            foreach (var c in t.Sequences)
            {
                var exp = g.GetProperty("per_sequence").GetProperty(t.Tracker).GetProperty(c.Sequence);
                ShouldMatch(c.Success, Doubles(exp.GetProperty("success")), 1e-9, $"{t.Tracker}/{c.Sequence}");
            }
        // lion-5 is empty for QuirkEmpty: skipped for it and for QuirkC evaluated after it, not for QuirkA before it.
        report.Trackers.Single(t => t.Tracker == "QuirkA").SkippedSequences.ShouldBeEmpty();
        report.Trackers.Single(t => t.Tracker == "QuirkEmpty").SkippedSequences.ShouldBe(["lion-5"]);
        report.Trackers.Single(t => t.Tracker == "QuirkC").SkippedSequences.ShouldBe(["lion-5"]);
        report.Warnings.ShouldContain(w => w.Contains("lion-5") && w.Contains("QuirkEmpty, QuirkC"));
    }

    [Fact]
    public void Short_result_file_is_an_error_naming_file_and_rows_as_the_toolkit_aborts()
    {
        var g = Json("quirk_short_result_file.json");
        g.GetProperty("exit_code").GetInt32().ShouldBe(1); // the toolkit itself aborted
        var ex = Should.Throw<EvaluationException>(() =>
            Evaluate("quirk_empty_result_file.json", "quirks", "lasot-matlab", "", 1, "", LasotAttributes, ["QuirkShort"]));
        ex.Message.ShouldContain("QuirkShort");
        ex.Message.ShouldContain("microphone-6.txt:1766");
        ex.Message.ShouldContain("1766 rows");
        ex.Message.ShouldContain("1767");
    }

    [GeneratedRegex(@" - (.*) \((\d+)\)$")]
    private static partial Regex AttributeTitle();
}
