using System.Text.Json;
using ReasonTrack.Datasets.Davis;
using ReasonTrack.Evaluation.Masks;
using ReasonTrack.IO;
using ReasonTrack.Reports.Masks;

namespace ReasonTrack.Tests.Evaluation.Masks;

/// <summary>
/// The davis2017 protocol against the official toolkit's own outputs on ../shared/golden/davis (every per-frame J
/// and F, every count behind them, every per-object statistic, the global row, the CSVs; the abort cases).
/// </summary>
public sealed class DavisGoldenTests
{
    private const double Tol = 1e-9;

    private static string Golden(string rel) => SharedData.Require(Path.Combine("golden", "davis", rel));

    private static JsonElement Json(string tracker) =>
        JsonDocument.Parse(File.ReadAllBytes(Golden(Path.Combine("outputs", tracker + ".json")))).RootElement;

    private static DavisEvaluationReport Evaluate(string tracker, DavisEvaluationOptions? options = null)
    {
        var set = new DavisLoader().LoadMasks(Golden(Path.Combine("inputs", "DAVIS")));
        return new DavisEvaluator(options).Evaluate(set, Golden(Path.Combine("inputs", "results", tracker)));
    }

    private static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    private static long[] Longs(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt64()).ToArray();

    private static void Near(double expected, double actual, string what)
    {
        if (Math.Abs(expected - actual) > Tol) Assert.Fail($"{what}: expected {expected:R}, got {actual:R}");
    }

    [Theory]
    [InlineData("near_perfect")]
    [InlineData("shifted_scaled")]
    [InlineData("failing")]
    public void EveryFrameObjectAndGlobalFigureEqualsTheToolkit(string tracker)
    {
        var golden = Json(tracker);
        var report = Evaluate(tracker);
        var expectedObjects = golden.GetProperty("sequences").EnumerateArray()
            .SelectMany(s => s.GetProperty("objects").EnumerateArray().Select(o => (Seq: s, Obj: o))).ToList();
        Assert.Equal(expectedObjects.Count, report.Objects.Count);
        for (int i = 0; i < expectedObjects.Count; i++)
        {
            var (seq, obj) = expectedObjects[i];
            var got = report.Objects[i];
            string key = obj.GetProperty("key").GetString()!;
            Assert.Equal(key, got.Key);
            Assert.Equal(seq.GetProperty("evaluated_frames").EnumerateArray().Select(x => x.GetString()!).ToArray(), got.FrameIds);
            Assert.Equal((int)seq.GetProperty("bound_pix").GetDouble(), report.BoundPix[got.Sequence]);
            var j = Doubles(obj.GetProperty("J"));
            var f = Doubles(obj.GetProperty("F"));
            Assert.Equal(j.Length, got.JPerFrame.Length);
            for (int t = 0; t < j.Length; t++)
            {
                Near(j[t], got.JPerFrame[t], $"{key} J frame {got.FrameIds[t]}");
                Near(f[t], got.FPerFrame[t], $"{key} F frame {got.FrameIds[t]}");
            }
            var d = obj.GetProperty("diagnostics");
            Assert.Equal(Longs(d.GetProperty("J_intersection")), got.Counts!.Select(c => c.Intersection).ToArray());
            Assert.Equal(Longs(d.GetProperty("J_union")), got.Counts!.Select(c => c.Union).ToArray());
            Assert.Equal(Longs(d.GetProperty("F_n_fg")), got.Counts!.Select(c => c.FgBoundary).ToArray());
            Assert.Equal(Longs(d.GetProperty("F_n_gt")), got.Counts!.Select(c => c.GtBoundary).ToArray());
            Assert.Equal(Longs(d.GetProperty("F_fg_match")), got.Counts!.Select(c => c.FgMatch).ToArray());
            Assert.Equal(Longs(d.GetProperty("F_gt_match")), got.Counts!.Select(c => c.GtMatch).ToArray());
            Near(obj.GetProperty("J-Mean").GetDouble(), got.J.Mean, key + " J-Mean");
            Near(obj.GetProperty("J-Recall").GetDouble(), got.J.Recall, key + " J-Recall");
            Near(obj.GetProperty("J-Decay").GetDouble(), got.J.Decay, key + " J-Decay");
            Near(obj.GetProperty("F-Mean").GetDouble(), got.F.Mean, key + " F-Mean");
            Near(obj.GetProperty("F-Recall").GetDouble(), got.F.Recall, key + " F-Recall");
            Near(obj.GetProperty("F-Decay").GetDouble(), got.F.Decay, key + " F-Decay");
        }
        var g = golden.GetProperty("global");
        for (int c = 0; c < DavisGlobalResult.Columns.Count; c++)
            Near(g.GetProperty(DavisGlobalResult.Columns[c]).GetDouble(), report.Global.Values[c], "global " + DavisGlobalResult.Columns[c]);
        // The per-object lists behind the global row, in the toolkit's order.
        var lists = golden.GetProperty("per_object_mean_lists_in_order");
        Assert.Equal(lists.GetProperty("keys").EnumerateArray().Select(x => x.GetString()!).ToArray(), report.Objects.Select(o => o.Key).ToArray());
    }

    [Theory]
    [InlineData("near_perfect")]
    [InlineData("shifted_scaled")]
    [InlineData("failing")]
    public void CsvFilesEqualTheToolkitsByteForByte(string tracker)
    {
        var report = Evaluate(tracker);
        string dir = Golden(Path.Combine("outputs", "csv", tracker));
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "global_results-val.csv")), DavisCsv.Global(report));
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "per-sequence_results-val.csv")), DavisCsv.PerSequence(report));
    }

    [Fact]
    public void GoldenGlobalSummaryMatches()
    {
        var summary = JsonDocument.Parse(File.ReadAllBytes(Golden(Path.Combine("outputs", "global_summary.json")))).RootElement.GetProperty("global");
        foreach (var t in summary.EnumerateObject())
        {
            var report = Evaluate(t.Name);
            for (int c = 0; c < DavisGlobalResult.Columns.Count; c++)
                Near(t.Value.GetProperty(DavisGlobalResult.Columns[c]).GetDouble(), report.Global.Values[c], $"{t.Name} {DavisGlobalResult.Columns[c]}");
        }
    }

    [Theory]
    [InlineData("abort_extra_id", "synth-ellipses", "00005.png", "object id 4")]
    [InlineData("abort_missing_frame", "synth-thin", "00005.png", "result frame missing")]
    [InlineData("abort_void255_in_result", "synth-odd", "00003.png", "value 255")]
    public void AbortCasesGiveAnErrorNamingTheFile(string tracker, string seq, string file, string reason)
    {
        // The toolkit exits with code 0 and writes no CSV on these (outputs/abort_cases.json); we refuse, naming the file.
        var cases = JsonDocument.Parse(File.ReadAllBytes(Golden(Path.Combine("outputs", "abort_cases.json")))).RootElement;
        Assert.Equal(0, cases.GetProperty(tracker).GetProperty("exit_code").GetInt32());
        var e = Assert.Throws<DataFormatException>(() => Evaluate(tracker));
        Assert.Equal(Path.Combine(Golden(Path.Combine("inputs", "results", tracker)), seq, file), e.FilePath);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void VoidExcludedGivesTheReadmesIoUOnShiftedScaledEllipsesFrame9()
    {
        // README rule 10: the toolkit gives 0.8396693672712959 (void as background); void excluded gives 0.8900285098393714.
        var toolkit = Evaluate("shifted_scaled").Objects.Single(o => o.Key == "synth-ellipses_1");
        var ours = Evaluate("shifted_scaled", new DavisEvaluationOptions { VoidAsBackground = false }).Objects.Single(o => o.Key == "synth-ellipses_1");
        int t = Array.IndexOf(toolkit.FrameIds.ToArray(), "00009");
        Near(0.8396693672712959, toolkit.JPerFrame[t], "void as background");
        Near(0.8900285098393714, ours.JPerFrame[t], "void excluded");
        Assert.True(ours.J.Mean > toolkit.J.Mean, "excluding void removes false positives on the void band: J-Mean goes up");
    }

    [Fact]
    public void ScoringFirstAndLastFramesAddsTwoFrames()
    {
        var ours = Evaluate("shifted_scaled", new DavisEvaluationOptions { DropFirstAndLastFrame = false });
        var toolkit = Evaluate("shifted_scaled");
        for (int i = 0; i < ours.Objects.Count; i++)
        {
            Assert.Equal(toolkit.Objects[i].FrameIds.Count + 2, ours.Objects[i].FrameIds.Count);
            // The inner frames are the same frames, scored the same.
            Assert.Equal(toolkit.Objects[i].JPerFrame, ours.Objects[i].JPerFrame[1..^1]);
        }
    }

    [Fact]
    public void ObjectCountOverAllFramesScoresTheLaterId()
    {
        // synth-odd: frame 0 has ids {1,3}; id 4 appears from frame 6 and is ignored by the toolkit (rule 5).
        var toolkit = Evaluate("failing");
        var ours = Evaluate("failing", new DavisEvaluationOptions { ObjectCountFromFirstFrame = false, ExtraObjects = DavisExtraObjectPolicy.Ignore });
        Assert.DoesNotContain(toolkit.Objects, o => o.Key == "synth-odd_4");
        var odd4 = Assert.Single(ours.Objects, o => o.Key == "synth-odd_4");
        // Nothing predicts id 4 and its GT is empty before frame 6: J = 1 there (both empty), 0 from frame 6 on.
        Assert.Equal(1.0, odd4.JPerFrame[0]);
        Assert.Equal(0.0, odd4.JPerFrame[^1]);
    }

    [Fact]
    public void ExtraIdsIgnoredIsOursAndWarns()
    {
        var report = Evaluate("abort_extra_id", new DavisEvaluationOptions { ExtraObjects = DavisExtraObjectPolicy.Ignore });
        Assert.Contains(report.Warnings, w => w.Contains("00005.png") && w.Contains("ignored"));
        Assert.Contains("extra-ids=ignore (ours)", report.Options.Deviations());
    }
}
