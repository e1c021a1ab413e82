using System.Text.Json;
using ReasonTrack.Evaluation;
using ReasonTrack.Reports;

namespace ReasonTrack.Tests.Reports;

public class JsonReportWriterTests
{
    private static JsonElement Root(EvaluationReport r) => JsonDocument.Parse(JsonReportWriter.WriteUtf8(r)).RootElement;

    private static double[] Doubles(JsonElement a) =>
        a.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble()).ToArray();

    [Fact]
    public void Top_level_keys_and_values()
    {
        var report = ReportFixture.Sample();
        var root = Root(report);
        root.GetProperty("protocol").GetString().ShouldBe("lasot-matlab");
        root.GetProperty("protocol_description").GetString().ShouldBe(report.ProtocolDescription);
        root.GetProperty("dataset").GetString().ShouldBe("LaSOT");
        root.GetProperty("warnings").EnumerateArray().Select(e => e.GetString()).ShouldBe(["2 result rows repaired"]);
        var th = root.GetProperty("thresholds");
        // Matlab's colon grid differs from k*0.05 in the last bit at k = 12: the bits must survive.
        Doubles(th.GetProperty("success")).ShouldBe(ThresholdGrid.OverlapMatlabColon().Values);
        Doubles(th.GetProperty("success"))[12].ShouldNotBe(12 * 0.05);
        Doubles(th.GetProperty("precision")).ShouldBe(Enumerable.Range(0, 51).Select(k => (double)k).ToArray());
        Doubles(th.GetProperty("norm_precision")).ShouldBe(Enumerable.Range(0, 51).Select(k => k / 100.0).ToArray());
        root.GetProperty("trackers").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public void Tracker_fields_are_the_report_values_exactly()
    {
        var report = ReportFixture.Sample();
        var alpha = Root(report).GetProperty("trackers")[0];
        var o = report.Trackers[0].Overall;

        alpha.GetProperty("name").GetString().ShouldBe("Alpha");
        alpha.GetProperty("protocol").GetString().ShouldBe("lasot-matlab");
        alpha.GetProperty("runs").GetInt32().ShouldBe(1);
        alpha.GetProperty("rank").GetInt32().ShouldBe(2); // Beta (0.612) > Alpha (0.584) > weird (0.5)
        alpha.GetProperty("sequences_evaluated").GetInt32().ShouldBe(3);
        alpha.GetProperty("sequences_dropped").GetInt32().ShouldBe(1);
        alpha.GetProperty("dropped").GetProperty("norm_precision").EnumerateArray().Select(e => e.GetString()).ShouldBe(["bird-3"]);
        alpha.GetProperty("dropped").GetProperty("success").GetArrayLength().ShouldBe(0);

        alpha.GetProperty("auc").GetDouble().ShouldBe(0.584);
        alpha.GetProperty("precision").GetDouble().ShouldBe(0.70);
        alpha.GetProperty("norm_precision").GetDouble().ShouldBe(0.61);
        alpha.GetProperty("precision_auc").GetDouble().ShouldBe(0.70 - 0.2); // 0.49999999999999994: needs all 17 digits
        alpha.GetProperty("norm_precision_at_020").GetDouble().ShouldBe(0.61);
        alpha.GetProperty("norm_precision_auc").GetDouble().ShouldBe(0.41);
        alpha.GetProperty("success_at_050").GetDouble().ShouldBe(o.Success.MeanCurve[10]);

        var curves = alpha.GetProperty("mean_curves");
        Doubles(curves.GetProperty("success")).ShouldBe(o.Success.MeanCurve);
        Doubles(curves.GetProperty("precision")).ShouldBe(o.Precision.MeanCurve);
        Doubles(curves.GetProperty("norm_precision")).ShouldBe(o.NormalizedPrecision.MeanCurve);
    }

    [Fact]
    public void Optional_numbers_are_omitted_when_absent()
    {
        var trackers = Root(ReportFixture.Sample()).GetProperty("trackers");
        trackers[0].TryGetProperty("fps", out _).ShouldBeFalse();
        trackers[0].TryGetProperty("ao", out _).ShouldBeFalse();
        trackers[0].TryGetProperty("sr50", out _).ShouldBeFalse();
        trackers[1].GetProperty("fps").GetDouble().ShouldBe(31.26);
    }

    [Fact]
    public void Per_attribute_and_per_sequence()
    {
        var report = ReportFixture.Sample();
        var beta = Root(report).GetProperty("trackers")[1];
        var foc = beta.GetProperty("per_attribute").GetProperty("FOC");
        foc.GetProperty("name").GetString().ShouldBe("Full Occlusion");
        foc.GetProperty("auc").GetDouble().ShouldBe(0.52);
        foc.GetProperty("precision").GetDouble().ShouldBe(0.65 - 0.1);
        foc.GetProperty("norm_precision").GetDouble().ShouldBe(0.66 - 0.1);
        foc.GetProperty("sequences").GetInt32().ShouldBe(2);

        var seqs = beta.GetProperty("per_sequence");
        seqs.EnumerateObject().Select(p => p.Name).ShouldBe(ReportFixture.SequenceNames);
        var bird = seqs.GetProperty("bird-3");
        var src = report.Trackers[1].Sequences[1];
        Doubles(bird.GetProperty("success")).ShouldBe(src.Success);
        Doubles(bird.GetProperty("precision")).ShouldBe(src.Precision);
        bird.GetProperty("frames").GetInt32().ShouldBe(106);
        bird.GetProperty("frames_evaluated").GetInt32().ShouldBe(96);
        bird.GetProperty("skipped").GetBoolean().ShouldBeFalse();
        seqs.GetProperty("car-2").GetProperty("notes").EnumerateArray().Select(e => e.GetString()).ShouldBe(["truncated"]);
    }

    [Fact]
    public void Nan_is_written_as_null()
    {
        var np = Root(ReportFixture.Sample()).GetProperty("trackers")[0].GetProperty("per_sequence").GetProperty("bird-3").GetProperty("norm_precision");
        np.GetArrayLength().ShouldBe(51);
        np[50].ValueKind.ShouldBe(JsonValueKind.Null);
        np[49].ValueKind.ShouldBe(JsonValueKind.Number);

        var nanTracker = ReportFixture.Tracker("nan", auc: double.NaN, prec: 0.5, np: 0.5, npArea: 0.5, fps: double.NaN, aucFoc: 0.1);
        var t = Root(ReportFixture.Build("otb", false, [nanTracker])).GetProperty("trackers")[0];
        t.GetProperty("auc").ValueKind.ShouldBe(JsonValueKind.Null);
        t.GetProperty("fps").ValueKind.ShouldBe(JsonValueKind.Null); // present (not null in C#) but NaN
    }

    [Fact]
    public void Hard_doubles_round_trip_exactly()
    {
        double[] hard = [0.1 + 0.2, 1.0 / 3, double.Epsilon, 5e-324 * 3, 1 - 1e-16, 2.220446049250313e-16, 123456789.12345678, -0.0, 1e-300];
        var t = ReportFixture.Tracker("hard", auc: 0.5, prec: 0.5, np: 0.5, npArea: 0.5, fps: null, aucFoc: 0.1);
        var hardTracker = new TrackerEvaluation
        {
            Tracker = t.Tracker,
            Sequences = [new SequenceCurves { Sequence = "s", Success = hard, Precision = hard, NormalizedPrecision = hard }],
            Overall = t.Overall,
        };
        var root = Root(ReportFixture.Build("otb", false, [hardTracker]));
        var got = Doubles(root.GetProperty("trackers")[0].GetProperty("per_sequence").GetProperty("s").GetProperty("success"));
        got.Length.ShouldBe(hard.Length);
        for (int i = 0; i < hard.Length; i++)
            BitConverter.DoubleToInt64Bits(got[i]).ShouldBe(BitConverter.DoubleToInt64Bits(hard[i]), $"value {i}: {hard[i]:R}");
    }

    [Fact]
    public void Output_is_deterministic_bytes()
    {
        var a = JsonReportWriter.WriteUtf8(ReportFixture.Sample());
        var b = JsonReportWriter.WriteUtf8(ReportFixture.Sample());
        a.ShouldBe(b);
        JsonReportWriter.Write(ReportFixture.Sample()).ShouldBe(System.Text.Encoding.UTF8.GetString(a));
    }

    [Fact]
    public void Keys_are_snake_case()
    {
        var root = Root(ReportFixture.Sample());
        var names = new List<string>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
                foreach (var p in e.EnumerateObject())
                {
                    names.Add(p.Name);
                    Walk(p.Value);
                }
            else if (e.ValueKind == JsonValueKind.Array)
                foreach (var x in e.EnumerateArray()) Walk(x);
        }
        Walk(root);
        var dataKeys = ReportFixture.SequenceNames.Append("FOC").ToHashSet();
        foreach (var n in names.Where(n => !dataKeys.Contains(n)))
            n.ShouldMatch("^[a-z0-9]+(_[a-z0-9]+)*$");
        foreach (var k in new[] { "protocol", "protocol_description", "dataset", "thresholds", "warnings", "trackers", "name", "sequences_evaluated",
                     "sequences_dropped", "dropped", "runs", "auc", "precision", "norm_precision", "precision_auc", "norm_precision_at_020",
                     "norm_precision_auc", "success_at_050", "mean_curves", "per_attribute", "per_sequence", "frames", "frames_evaluated",
                     "skipped", "notes" })
            names.ShouldContain(k);
    }

    [Fact]
    public void Names_with_markup_survive()
    {
        var root = Root(ReportFixture.Sample());
        root.GetProperty("trackers")[2].GetProperty("name").GetString().ShouldBe(ReportFixture.Weird);
    }
}
