using ReasonTrack.Datasets;
using ReasonTrack.Evaluation;
using ReasonTrack.Evaluation.Protocols;
using ReasonTrack.Geometry;
using ReasonTrack.IO;

namespace ReasonTrack.Tests.Evaluation;

/// <summary>
/// The Matlab protocols' per-sequence evaluation as it was before issue 15 (test-only reference, copied from
/// <c>MatlabToolkitProtocol</c> at commit 7ac7839): the result rows copied into boxes, repaired in place, the per-frame
/// errors stored in arrays, and the curves counted here by the naive loops over thresholds (<c>IoU &gt; t</c>,
/// <c>err &lt;= t</c>, NaN passing none), as the toolkits' <c>sum(err &lt;= t)</c> does. The fused evaluation is compared
/// with this bit for bit (<see cref="MatlabFusedEvaluationTests"/>).
/// </summary>
internal static class ReferenceMatlabEvaluation
{
    public static MatlabFrameErrors ComputeFrameErrors(MatlabToolkitOptions options, Sequence sequence, NumericTable result)
    {
        var gt = sequence.GroundTruth;
        int n = gt.Length;
        string gtName = sequence.GroundTruthPath ?? sequence.Name;
        if (n == 0) throw new DataFormatException(gtName, "ground truth has no rows");
        if (result.RowCount == 0) throw new DataFormatException(result.FilePath, "result file is empty");
        if (result.Columns < 4)
            throw new DataFormatException(result.FilePath, result.LineOf(0), $"expected 4 values per row (x, y, w, h), found {result.Columns}");
        if (result.RowCount < n && result.FirstSkippedBlankLine is var blank and > 0)
            throw new DataFormatException(result.FilePath, blank,
                $"blank line between data rows: dlmread skips it, so the file has {result.RowCount} rows but the ground truth ({gtName}) has {n}; " +
                $"the {options.Key} toolkit aborts on this (a missing row here?)");
        if (result.RowCount < n)
            throw new DataFormatException(result.FilePath, result.LineOf(result.RowCount - 1),
                $"has {result.RowCount} rows but the ground truth ({gtName}) has {n}; the {options.Key} toolkit aborts on this " +
                "(calc_seq_err_robust.m indexes past the end), so it is an error here too");
        bool truncated = result.RowCount > n;

        var rect = new Box[n];
        for (int i = 0; i < n; i++)
        {
            var row = result.Row(i);
            rect[i] = new Box(row[0], row[1], row[2], row[3]);
        }

        // calc_seq_err_robust.m (LaSOT, TNLLT, TNL2K toolkits, lines 13-20; OTB's calcSeqErrRobust.m alike):
        // `if (bad) & (~isnan(r_anno))` is a 1x4 condition, and Matlab's `if` needs all four true, so a bad row is
        // replaced only where the ground-truth row has no NaN at all. A bad row kept there is what the next bad row
        // copies (a NaN row then makes that frame a miss for success and precision).
        int repaired = 0, kept = 0;
        for (int i = 1; i < n; i++)
        {
            var r = rect[i];
            bool nanRule = options.Repair == NanRepairRule.AnyNaN
                ? r.HasNaN
                : double.IsNaN(r.X) && double.IsNaN(r.Y) && double.IsNaN(r.W) && double.IsNaN(r.H);
            bool bad = nanRule || r.W <= 0 || r.H <= 0;
            if (!bad) continue;
            if (gt[i].HasNaN)
            {
                kept++;
                continue;
            }
            rect[i] = rect[i - 1];
            repaired++;
        }
        rect[0] = gt[0];

        // Absent frames: the toolkits delete rows with a logical mask; a mask longer than the ground truth is
        // accepted by Octave only when its extra entries are false.
        var absent = options.RemoveAbsentFrames ? sequence.Absent : null;
        if (absent is not null && absent.Length > n)
        {
            for (int i = n; i < absent.Length; i++)
                if (absent[i])
                    throw new DataFormatException(gtName,
                        $"the absence labels have {absent.Length} rows, the ground truth {n}, and row {i + 1} marks the target absent: the toolkit fails on this");
        }

        int evaluated = 0;
        for (int i = 0; i < n; i++) if (absent is null || i >= absent.Length || !absent[i]) evaluated++;
        var overlap = new double[evaluated];
        var center = new double[evaluated];
        var ncenter = new double[evaluated];
        int k = 0;
        for (int i = 0; i < n; i++)
        {
            if (absent is not null && i < absent.Length && absent[i]) continue;
            var a = gt[i];
            var p = rect[i];
            // Centres exactly as written in the toolkit: x + (w - 1) / 2; normalized by dividing each centre.
            double gcx = a.X + (a.W - 1) / 2, gcy = a.Y + (a.H - 1) / 2;
            double pcx = p.X + (p.W - 1) / 2, pcy = p.Y + (p.H - 1) / 2;
            double dx = pcx - gcx, dy = pcy - gcy;
            double err = Math.Sqrt(dx * dx + dy * dy);
            double ndx = pcx / a.W - gcx / a.W, ndy = pcy / a.H - gcy / a.H;
            double nerr = Math.Sqrt(ndx * ndx + ndy * ndy);
            bool valid = a.X > 0 && a.Y > 0 && a.W > 0 && a.H > 0;
            overlap[k] = valid ? Overlap.IouPlusOnePixel(p, a) : -1;
            center[k] = valid ? err : -1;
            ncenter[k] = valid ? nerr : -1;
            k++;
        }
        return new MatlabFrameErrors(overlap, center, ncenter, n, repaired, truncated) { KeptBadRows = kept };
    }


    /// <summary>The three curves (success, precision, normalized precision) over the protocol's grids, naive counts / (N + eps).</summary>
    public static (double[] Success, double[] Precision, double[] NormalizedPrecision, MatlabFrameErrors Errors) Curves(MatlabToolkitProtocol p, Sequence sequence, NumericTable result)
    {
        var e = ComputeFrameErrors(p.Options, sequence, result);
        double denom = e.GroundTruthRows + MatlabToolkitProtocol.MatlabEps;
        static double[] Count(double[] values, double[] grid, bool greater, double denom)
        {
            var f = new double[grid.Length];
            for (int j = 0; j < grid.Length; j++)
            {
                int c = 0;
                foreach (double v in values) if (greater ? v > grid[j] : v <= grid[j]) c++;
                f[j] = c / denom;
            }
            return f;
        }
        return (Count(e.Overlap, p.SuccessGrid.Values, true, denom), Count(e.Center, p.PrecisionGrid.Values, false, denom),
            Count(e.NormalizedCenter, p.NormalizedPrecisionGrid.Values, false, denom), e);
    }
}
