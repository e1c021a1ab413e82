using System.Globalization;
using System.Text;
using ReasonTrack.Datasets;
using ReasonTrack.Evaluation;
using ReasonTrack.Evaluation.Protocols;
using ReasonTrack.Geometry;
using ReasonTrack.IO;

namespace ReasonTrack.Tests.Evaluation;

/// <summary>The rules that make each protocol differ, on small hand-checked cases.</summary>
public class ProtocolBehaviourTests
{
    private static NumericTable Table(params Box[] rows) =>
        NumericTable.Parse("r.txt", Encoding.UTF8.GetBytes(string.Concat(rows.Select(b => BoxText.Format(b, ",") + "\n"))));

    private static Sequence Clean(int n)
    {
        var gt = Enumerable.Range(0, n).Select(i => new Box(10 + i, 20, 30 + i % 5, 40)).ToArray();
        return new Sequence("clean", gt);
    }

    public static TheoryData<string> SuccessProtocols => new() { "lasot-matlab", "tnllt-matlab", "tnl2k-matlab", "otb", "pytracking" };

    [Theory]
    [MemberData(nameof(SuccessProtocols))]
    public void The_perfect_tracker_scores_20_of_21_auc_on_strict_greater_protocols(string key)
    {
        var p = ProtocolRegistry.Get(key);
        var seq = Clean(50);
        var c = p.EvaluateSequence(seq, Table(seq.GroundTruth), null);
        var s = p.Summarize([c]);
        s.Success.Auc.ShouldBe(20.0 / 21, 1e-6); // IoU = 1 is never > 1: one threshold of 21 always fails
        s.Precision.AtHeadline.ShouldBe(1, 1e-6);
        s.NormalizedPrecision.AtHeadline.ShouldBe(1, 1e-6);
    }

    [Fact]
    public void Got10k_perfect_tracker_has_ao_1()
    {
        var seq = Clean(20);
        var p = new Got10kProtocol();
        var s = p.Summarize([p.EvaluateSequence(seq, Table(seq.GroundTruth), null)]);
        s.AverageOverlap!.Value.ShouldBe(1, 1e-12);
        s.SuccessRate50.ShouldBe(1);
        s.SuccessRate75.ShouldBe(1);
    }

    [Fact]
    public void Got10k_nan_rows_are_an_error_on_counted_frames_only_or_zero_overlap_when_asked()
    {
        var gt = new Box(0, 0, 10, 10);
        var nan = new Box(double.NaN, double.NaN, double.NaN, double.NaN);
        // Frame 1 and the covered frame 3 do not count: their NaN changes nothing in the toolkit.
        var seq = new Sequence("s", [gt, gt, gt, gt]) { Cover = [8, 8, 0, 8] };
        var ok = new Got10kProtocol().EvaluateSequence(seq, Table(nan, gt, nan, gt), null);
        ok.FrameOverlaps.ShouldBe([1.0, 1.0]);

        var e = Should.Throw<DataFormatException>(() => new Got10kProtocol().EvaluateSequence(seq, Table(gt, gt, gt, nan), null));
        e.FilePath.ShouldBe("r.txt");
        e.Line.ShouldBe(4);
        e.Message.ShouldContain("AO");

        var p = new Got10kProtocol(Got10kNanPolicy.ZeroOverlap);
        var z = p.EvaluateSequence(seq, Table(gt, gt, gt, nan), null);
        z.FrameOverlaps.ShouldBe([1.0, 0.0]);
        z.Warnings.ShouldHaveSingleItem().ShouldContain("r.txt:4:");
        p.Summarize([z]).AverageOverlap!.Value.ShouldBe(0.5);
    }

    [Fact]
    public void Got10k_excludes_frame_1_and_covered_frames_and_pools_frames_over_sequences()
    {
        var p = new Got10kProtocol();
        var gt = new Box(0, 0, 10, 10);
        var miss = new Box(50, 50, 10, 10);
        // Sequence A: frame 1 (excluded, a miss) then one perfect frame.
        var a = new Sequence("a", [gt, gt]);
        var ca = p.EvaluateSequence(a, Table(miss, gt), null);
        // Sequence B: three misses, plus a fully covered frame (cover 0) that would be a hit.
        var b = new Sequence("b", [gt, gt, gt, gt, gt]) { Cover = [8, 8, 8, 8, 0] };
        var cb = p.EvaluateSequence(b, Table(gt, miss, miss, miss, gt), null);
        ca.FramesEvaluated.ShouldBe(1);
        cb.FramesEvaluated.ShouldBe(3);
        var s = p.Summarize([ca, cb]);
        s.AverageOverlap!.Value.ShouldBe(0.25, 1e-12); // pooled: 1 hit of 4 frames (a mean of sequence AOs would be 0.5)
    }

    [Fact]
    public void Pytracking_counts_invalid_frames_as_normalized_precision_hits_except_on_lasot()
    {
        var good = new Box(10, 10, 20, 20);
        var far = new Box(300, 300, 20, 20);
        var seq = new Sequence("s", [good, good, new Box(5, 5, 0, 0), good]);
        var result = Table(good, far, far, far);
        var plain = new PytrackingProtocol().EvaluateSequence(seq, result, null);
        // 4 frames: frame 1 hits everything; frame 3 is invalid: a miss for success/precision, a hit for NP.
        plain.Precision[20].ShouldBe(0.25, 1e-7);
        plain.NormalizedPrecision[20].ShouldBe(0.5, 1e-7);
        plain.Success[0].ShouldBe(0.25, 1e-7);
        var seqAbsent = new Sequence("s", seq.GroundTruth) { Absent = [false, false, true, false] };
        var lasot = new PytrackingProtocol("lasot").EvaluateSequence(seqAbsent, result, null);
        lasot.NormalizedPrecision[20].ShouldBe(0.25, 1e-7);
    }

    [Fact]
    public void Pytracking_rejects_nan_results_naming_the_line_and_pads_short_results_outside_lasot()
    {
        var seq = Clean(3);
        var nan = NumericTable.Parse("r.txt", Encoding.UTF8.GetBytes("10,20,30,40\nnan,nan,nan,nan\n12,20,32,40\n"));
        Should.Throw<DataFormatException>(() => new PytrackingProtocol().EvaluateSequence(seq, nan, null)).Message.ShouldStartWith("r.txt:2:");
        var shortResult = Table(seq.GroundTruth[0], seq.GroundTruth[1]);
        var c = new PytrackingProtocol().EvaluateSequence(seq, shortResult, null);
        c.Notes.ShouldContain(n => n.Contains("zero-padded"));
        c.Success[0].ShouldBe((float)2 / 3, 1e-7); // the padded zero row is a miss
        Should.Throw<DataFormatException>(() => new PytrackingProtocol("lasot").EvaluateSequence(seq, shortResult, null));
    }

    [Fact]
    public void Matlab_rules_invalid_ground_truth_is_a_precision_hit_and_absent_frames_stay_in_the_denominator()
    {
        var p = ProtocolRegistry.Get("lasot-matlab");
        var gt = new Box(10, 10, 20, 20);
        var far = new Box(300, 300, 20, 20);
        // Frame 3's ground truth touches the border (x = 0): invalid. Frame 4 is absent.
        var seq = new Sequence("s", [gt, gt, new Box(0, 10, 20, 20), gt]) { Absent = [false, false, false, true] };
        var c = p.EvaluateSequence(seq, Table(gt, far, far, far), null);
        c.FramesEvaluated.ShouldBe(3);
        c.Precision[20].ShouldBe(2 / (4 + MatlabToolkitProtocol.MatlabEps), 1e-15); // frame 1 and the invalid frame 3
        c.Success[0].ShouldBe(1 / (4 + MatlabToolkitProtocol.MatlabEps), 1e-15);
    }

    [Fact]
    public void Otb_keeps_partly_nan_rows_while_lasot_repairs_them()
    {
        var gt = new Box(10, 10, 20, 20);
        var seq = new Sequence("s", [gt, gt, gt]);
        var table = NumericTable.Parse("r.txt", Encoding.UTF8.GetBytes("10,10,20,20\n10,10,20,20\nNaN,10,20,20\n"), NumericTableOptions.Dlmread);
        ((MatlabToolkitProtocol)ProtocolRegistry.Get("lasot-matlab")).ComputeFrameErrors(seq, table).RepairedRows.ShouldBe(1);
        ((MatlabToolkitProtocol)ProtocolRegistry.Get("otb")).ComputeFrameErrors(seq, table).RepairedRows.ShouldBe(0);
    }

    /// <summary>
    /// An identity tracker (always the first box) on the 280 real LaSOT test sequences, against a reference
    /// implementation of calc_seq_err_robust.m written plainly below (loops over thresholds, no shared code with
    /// the protocol beyond reading files).
    /// </summary>
    [Fact]
    public void Identity_tracker_on_real_lasot_matches_a_plain_reference_implementation()
    {
        string root = SharedData.Require("data/lasot");
        var names = File.ReadAllText(Path.Combine(root, "testing_set.txt")).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        names.Length.ShouldBe(280);
        var protocol = ProtocolRegistry.Get("lasot-matlab");
        var all = new List<SequenceCurves>();
        double perfectAucSum = 0;
        foreach (var name in names)
        {
            var gt = NumericTable.Read(Path.Combine(root, "annos", name + ".txt"), NumericTableOptions.Dlmread).ToBoxes();
            var absent = NumericTable.Read(Path.Combine(root, "annos", "absent", name + ".txt"), NumericTableOptions.Dlmread).Flatten().Select(v => v == 1).ToArray();
            var seq = new Sequence(name, gt) { Absent = absent };
            var identity = Enumerable.Repeat(gt[0], gt.Length).ToArray();
            var c = protocol.EvaluateSequence(seq, Table(identity), null);
            var (rs, rp) = Reference(gt, absent, identity);
            GoldenFixture.ShouldMatch(c.Success, rs, 0, name + " success");
            GoldenFixture.ShouldMatch(c.Precision, rp, 0, name + " precision");
            all.Add(c);

            // The perfect tracker on real annotations: only frames that are visible with a valid box can count.
            var perfect = protocol.EvaluateSequence(seq, Table(gt), null);
            int usable = Enumerable.Range(0, gt.Length).Count(i => !absent[i] && gt[i].X > 0 && gt[i].Y > 0 && gt[i].W > 0 && gt[i].H > 0);
            perfect.Success.Average().ShouldBe(usable / (gt.Length + MatlabToolkitProtocol.MatlabEps) * 20 / 21, 1e-12, name);
            perfectAucSum += perfect.Success.Average();
        }
        var s = protocol.Summarize(all);
        s.Success.Auc.ShouldBeInRange(0.0, 0.2); // an identity tracker is poor on LaSOT
        (perfectAucSum / 280).ShouldBeInRange(0.85, 20.0 / 21);
    }

    private static (double[] Success, double[] Precision) Reference(Box[] gt, bool[] absent, Box[] res)
    {
        int n = gt.Length;
        var r = (Box[])res.Clone();
        for (int i = 1; i < n; i++)
        {
            bool bad = double.IsNaN(r[i].X) || double.IsNaN(r[i].Y) || double.IsNaN(r[i].W) || double.IsNaN(r[i].H) || r[i].W <= 0 || r[i].H <= 0;
            bool gtNan = double.IsNaN(gt[i].X) || double.IsNaN(gt[i].Y) || double.IsNaN(gt[i].W) || double.IsNaN(gt[i].H);
            if (bad && !gtNan) r[i] = r[i - 1];
        }
        r[0] = gt[0];
        var ious = new List<double>();
        var errs = new List<double>();
        for (int i = 0; i < n; i++)
        {
            if (absent[i]) continue;
            var a = gt[i];
            var b = r[i];
            bool valid = a.X > 0 && a.Y > 0 && a.W > 0 && a.H > 0;
            if (!valid) { ious.Add(-1); errs.Add(-1); continue; }
            double left = Math.Max(a.X, b.X), right = Math.Min(a.X + a.W - 1, b.X + b.W - 1);
            double top = Math.Max(a.Y, b.Y), bottom = Math.Min(a.Y + a.H - 1, b.Y + b.H - 1);
            double inter = Math.Max(0, right - left + 1) * Math.Max(0, bottom - top + 1);
            ious.Add(inter / (a.W * a.H + b.W * b.H - inter));
            double dx = (b.X + (b.W - 1) / 2) - (a.X + (a.W - 1) / 2), dy = (b.Y + (b.H - 1) / 2) - (a.Y + (a.H - 1) / 2);
            errs.Add(Math.Sqrt(dx * dx + dy * dy));
        }
        double denom = n + 2.220446049250313e-16;
        var success = Enumerable.Range(0, 21).Select(k => ious.Count(v => v > k * 0.05) / denom).ToArray();
        var precision = Enumerable.Range(0, 51).Select(k => errs.Count(v => v <= k) / denom).ToArray();
        return (success, precision);
    }
}
