using System.Text;
using ReasonTrack.Datasets;
using ReasonTrack.Evaluation.Protocols;
using ReasonTrack.Geometry;
using ReasonTrack.IO;

namespace ReasonTrack.Tests.Evaluation;

/// <summary>
/// Issue 11 item 16: every Matlab toolkit repairs a bad result row (NaN or size &lt;= 0, from frame 2) only where the
/// ground-truth row has no NaN: <c>if (...) &amp; (~isnan(r_anno))</c> in <c>calc_seq_err_robust.m</c> lines 13-20 of
/// the LaSOT, TNLLT (ReasoningTrack release) and TNL2K toolkits, and OTB's <c>calcSeqErrRobust.m</c>. Matlab's
/// <c>if</c> on the 1x4 result needs all four true, so one NaN in the GT row is enough to keep the bad row, and the
/// next bad row then copies the kept one. The expected curves below are worked out by hand from those .m files.
/// </summary>
public class MatlabRepairRuleTests
{
    private const double Eps = MatlabToolkitProtocol.MatlabEps;

    public static TheoryData<string> MatlabProtocols => new() { "lasot-matlab", "tnllt-matlab", "tnl2k-matlab", "otb" };

    private static NumericTable Result(string text) => NumericTable.Parse("r.txt", Encoding.UTF8.GetBytes(text), NumericTableOptions.Dlmread);

    [Theory]
    [MemberData(nameof(MatlabProtocols))]
    public void A_bad_row_on_a_NaN_ground_truth_row_is_kept_and_the_next_bad_row_copies_it(string key)
    {
        var p = (MatlabToolkitProtocol)ProtocolRegistry.Get(key);
        var g = new Box(30, 10, 20, 20);
        var seq = new Sequence("s", [new Box(10, 10, 20, 20), g, Box.NaN, g]);
        var c = p.EvaluateSequence(seq, Result("1,1,5,5\n30,10,20,20\nNaN,NaN,NaN,NaN\nNaN,NaN,NaN,NaN\n"), null);

        // Matlab: frame 3 kept (NaN), frame 4 := frame 3 (NaN). Frames 1, 2 are perfect; frame 3's GT is invalid
        // (NaN > 0 is false: overlap -1, centre -1, a precision hit); frame 4 has overlap NaN and centre error NaN
        // (calc_rect_int's area is NaN), a miss for every threshold.
        var e = p.ComputeFrameErrors(seq, Result("1,1,5,5\n30,10,20,20\nNaN,NaN,NaN,NaN\nNaN,NaN,NaN,NaN\n"));
        e.Overlap[..3].ShouldBe([1.0, 1.0, -1.0]);
        double.IsNaN(e.Overlap[3]).ShouldBeTrue();
        double.IsNaN(e.Center[3]).ShouldBeTrue();
        e.RepairedRows.ShouldBe(1);
        e.KeptBadRows.ShouldBe(1);

        double two = 2 / (4 + Eps), three = 3 / (4 + Eps);
        c.Success.ShouldBe(Enumerable.Range(0, 21).Select(k => k < 20 ? two : 0).ToArray());
        c.Precision.ShouldBe(Enumerable.Repeat(three, 51).ToArray());
        // Repairing regardless of the GT would make frame 4 a copy of frame 2: success 3/N, precision 4/N.
        c.Notes.ShouldContain(n => n.Contains("1 row(s) with NaN or non-positive size kept as they are: their ground-truth row has NaN"));
    }

    [Theory]
    [MemberData(nameof(MatlabProtocols))]
    public void One_NaN_in_the_ground_truth_row_is_enough_to_keep_a_zero_width_row(string key)
    {
        var p = (MatlabToolkitProtocol)ProtocolRegistry.Get(key);
        var g = new Box(30, 10, 20, 20);
        var seq = new Sequence("s", [g, g, new Box(30, 10, 20, double.NaN), g]);
        var c = p.EvaluateSequence(seq, Result("30,10,20,20\n30,10,20,20\n30,10,0,20\nNaN,NaN,NaN,NaN\n"), null);

        // Frame 3 (w = 0) kept; frame 4 := (30,10,0,20): calc_rect_int gives 0 / (0 + 400 - 0) = 0 (a miss for
        // IoU > t), the centre (29.5, 19.5) is 10 px from the GT's (39.5, 19.5): a precision hit from 10 px on.
        double three = 3 / (4 + Eps), four = 4 / (4 + Eps), two = 2 / (4 + Eps);
        c.Success.ShouldBe(Enumerable.Range(0, 21).Select(k => k < 20 ? two : 0).ToArray());
        c.Precision.ShouldBe(Enumerable.Range(0, 51).Select(d => d >= 10 ? four : three).ToArray());
    }
}
