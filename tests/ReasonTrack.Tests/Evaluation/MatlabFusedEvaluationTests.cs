using System.Globalization;
using System.Text;
using ReasonTrack.Datasets;
using ReasonTrack.Evaluation.Protocols;
using ReasonTrack.Geometry;
using ReasonTrack.IO;

namespace ReasonTrack.Tests.Evaluation;

/// <summary>
/// Issue 15 item 1: the Matlab protocols evaluate a sequence in one pass (repair, absent frames and per-frame errors
/// counted into the curves as they come, no per-frame arrays). Against <see cref="ReferenceMatlabEvaluation"/>, the
/// evaluation as it was before (boxes repaired in place, errors in arrays, curves by naive threshold loops): the same
/// curves bit for bit, the same frame errors, counts, notes and errors, on random sequences that take every branch
/// (invalid and NaN ground truth, NaN and non-positive result rows, kept rows, absence masks shorter, equal and longer
/// than the ground truth, truncated and short results, extra columns), under every Matlab protocol.
/// </summary>
public class MatlabFusedEvaluationTests
{
    public static TheoryData<string> MatlabProtocols => new() { "lasot-matlab", "tnllt-matlab", "tnl2k-matlab", "otb" };

    private static string Bits(double[] v) => string.Join(' ', v.Select(x => BitConverter.DoubleToInt64Bits(x).ToString("x16", CultureInfo.InvariantCulture)));

    private static string Outcome(Func<string> f)
    {
        try { return f(); }
        catch (Exception e) { return $"{e.GetType().Name}: {e.Message}"; }
    }

    [Theory]
    [MemberData(nameof(MatlabProtocols))]
    public void Random_sequences_evaluate_as_before_bit_for_bit(string key)
    {
        var p = (MatlabToolkitProtocol)ProtocolRegistry.Get(key);
        var rng = new Random(key.Length * 1000 + 15);
        var inv = CultureInfo.InvariantCulture;
        int compared = 0, repairedSeen = 0, keptSeen = 0, errorsSeen = 0;
        for (int trial = 0; trial < 1500; trial++)
        {
            int n = rng.Next(1, 60);
            var gt = new Box[n];
            for (int i = 0; i < n; i++)
            {
                gt[i] = new Box(rng.Next(-2, 200), rng.Next(-2, 200), rng.Next(-1, 80), rng.Next(-1, 80));
                if (rng.Next(15) == 0) gt[i] = rng.Next(2) == 0 ? Box.NaN : gt[i] with { H = double.NaN };
            }
            bool[]? absent = rng.Next(4) == 0 ? null : new bool[Math.Max(0, n + rng.Next(-3, 4))];
            if (absent is not null)
                for (int i = 0; i < absent.Length; i++) absent[i] = (i < n || rng.Next(8) == 0) && rng.Next(6) == 0;
            var seq = new Sequence("s", gt) { Absent = absent };

            int rows = rng.Next(8) == 0 ? Math.Max(1, n - rng.Next(1, 3)) : n + (rng.Next(5) == 0 ? rng.Next(1, 4) : 0);
            int cols = rng.Next(10) == 0 ? 5 : 4;
            var sb = new StringBuilder();
            for (int r = 0; r < rows; r++)
            {
                var v = new double[cols];
                var g = gt[Math.Min(r, n - 1)];
                for (int c = 0; c < cols; c++)
                    v[c] = (double.IsNaN(g.X) ? 50 : c switch { 0 => g.X, 1 => g.Y, 2 => g.W, 3 => g.H, _ => 0 }) + rng.NextDouble() * 30 - 15;
                int odd = rng.Next(12);
                if (odd == 0) v[rng.Next(4)] = double.NaN;
                else if (odd == 1) Array.Fill(v, double.NaN);
                else if (odd == 2) v[2 + rng.Next(2)] = rng.Next(2) == 0 ? 0 : -3;
                sb.AppendJoin(',', v.Select(x => double.IsNaN(x) ? "NaN" : x.ToString("R", inv))).Append('\n');
            }
            var table = NumericTable.Parse("r.txt", Encoding.UTF8.GetBytes(sb.ToString()), NumericTableOptions.Dlmread);

            string expected = Outcome(() =>
            {
                var (s, pr, np, e) = ReferenceMatlabEvaluation.Curves(p, seq, table);
                return $"{Bits(s)}\n{Bits(pr)}\n{Bits(np)}\n{e.Overlap.Length} {e.RepairedRows} {e.KeptBadRows} {e.Truncated}\n" +
                       $"{Bits(e.Overlap)}\n{Bits(e.Center)}\n{Bits(e.NormalizedCenter)}";
            });
            string actual = Outcome(() =>
            {
                var c = p.EvaluateSequence(seq, table, null);
                var e = p.ComputeFrameErrors(seq, table);
                c.FramesEvaluated.ShouldBe(e.Overlap.Length);
                c.RepairedRows.ShouldBe(e.RepairedRows);
                if (e.RepairedRows > 0) repairedSeen++;
                if (e.KeptBadRows > 0) keptSeen++;
                return $"{Bits(c.Success)}\n{Bits(c.Precision)}\n{Bits(c.NormalizedPrecision)}\n{e.Overlap.Length} {e.RepairedRows} {e.KeptBadRows} {e.Truncated}\n" +
                       $"{Bits(e.Overlap)}\n{Bits(e.Center)}\n{Bits(e.NormalizedCenter)}";
            });
            if (expected.Contains("Exception:", StringComparison.Ordinal)) errorsSeen++;
            if (actual != expected)
                throw new ShouldAssertException($"trial {trial} ({key}): result\n{sb}\nexpected\n{expected}\nactual\n{actual}");
            compared++;
        }
        compared.ShouldBe(1500);
        // The random cases did take the branches they are meant to take.
        repairedSeen.ShouldBeGreaterThan(100);
        keptSeen.ShouldBeGreaterThan(10);
        errorsSeen.ShouldBeGreaterThan(10);
    }
}
