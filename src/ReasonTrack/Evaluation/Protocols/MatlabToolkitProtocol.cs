using ReasonTrack.Datasets;
using ReasonTrack.Geometry;
using ReasonTrack.IO;

namespace ReasonTrack.Evaluation.Protocols;

/// <summary>
/// The Matlab one-pass-evaluation toolkits (LaSOT's and those derived from it: TNLLT, TNL2K; and OTB's), reproduced
/// operation for operation so that per-sequence curves match the toolkits' own <c>.mat</c> files bit for bit:
/// <list type="bullet">
/// <item>results are read like <c>dlmread</c>; a result longer than the ground truth is truncated, a shorter one is
/// an error (the toolkit aborts there);</item>
/// <item>from frame 2, rows with NaN (rule: <see cref="MatlabToolkitOptions.Repair"/>) or a width/height &lt;= 0 are
/// replaced by the previous row only where the ground-truth row has no NaN (<c>&amp; (~isnan(r_anno))</c> in every
/// toolkit; a bad row kept there is what the next bad row copies); frame 1 is set to the ground truth;</item>
/// <item>absent frames are removed, but the denominator stays the full number of ground-truth rows (plus Matlab's
/// <c>eps</c>);</item>
/// <item>a ground-truth row with any value &lt;= 0 (or NaN) is invalid: overlap -1 (a miss for every success
/// threshold) and centre error -1 (a <b>hit</b> for every precision threshold);</item>
/// <item>overlap uses the "+1 pixel" form, centres are <c>x + (w-1)/2</c>; success counts <c>IoU &gt; t</c>,
/// precision <c>err &lt;= t</c>;</item>
/// <item>sequences whose curve sums to &lt;= eps are dropped before averaging over sequences; AUC is the mean of
/// the 21 values of the mean curve.</item>
/// </list>
/// </summary>
public class MatlabToolkitProtocol : IEvaluationProtocol
{
    /// <summary>Matlab's <c>eps</c>, added to every denominator by the toolkits.</summary>
    public const double MatlabEps = 2.220446049250313e-16;

    public MatlabToolkitProtocol(MatlabToolkitOptions options)
    {
        Options = options;
        SuccessGrid = options.MatlabColonGrid ? ThresholdGrid.OverlapMatlabColon() : ThresholdGrid.OverlapMultiples();
    }

    public MatlabToolkitOptions Options { get; }
    public string Key => Options.Key;
    public string Description => Options.Description;
    public ThresholdGrid SuccessGrid { get; }
    public ThresholdGrid PrecisionGrid { get; } = ThresholdGrid.PixelErrors();
    public ThresholdGrid NormalizedPrecisionGrid { get; } = ThresholdGrid.NormalizedErrors();
    public NumericTableOptions ReadOptions => NumericTableOptions.Dlmread;
    public bool PrecisionIsArea => Options.PrecisionRanking == Ranking.Area;
    public bool NormalizedPrecisionIsArea => Options.NormalizedPrecisionRanking == Ranking.Area;
    public EmptyResultPolicy EmptyResults => Options.EmptyResults;
    public int MinSequencesPerAttribute => Options.MinSequencesPerAttribute;

    /// <summary>
    /// The per-frame errors of <c>calc_seq_err_robust.m</c> (run once with <c>norm_dst = false</c> for
    /// <see cref="MatlabFrameErrors.Center"/> and once with <c>true</c> for <see cref="MatlabFrameErrors.NormalizedCenter"/>).
    /// </summary>
    public MatlabFrameErrors ComputeFrameErrors(Sequence sequence, NumericTable result)
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
                $"the {Key} toolkit aborts on this (a missing row here?)");
        if (result.RowCount < n)
            throw new DataFormatException(result.FilePath, result.LineOf(result.RowCount - 1),
                $"has {result.RowCount} rows but the ground truth ({gtName}) has {n}; the {Key} toolkit aborts on this " +
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
            bool nanRule = Options.Repair == NanRepairRule.AnyNaN
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
        var absent = Options.RemoveAbsentFrames ? sequence.Absent : null;
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

    public SequenceCurves EvaluateSequence(Sequence sequence, NumericTable result, double[]? times)
    {
        var e = ComputeFrameErrors(sequence, result);
        double denom = e.GroundTruthRows + MatlabEps;
        var s = new CurveCounter(SuccessGrid.Values, strictlyGreater: true);
        var p = new CurveCounter(PrecisionGrid.Values, strictlyGreater: false);
        var np = new CurveCounter(NormalizedPrecisionGrid.Values, strictlyGreater: false);
        for (int i = 0; i < e.Overlap.Length; i++)
        {
            s.Add(e.Overlap[i]);
            p.Add(e.Center[i]);
            np.Add(e.NormalizedCenter[i]);
        }
        var notes = new List<string>();
        if (e.Truncated) notes.Add($"result has {result.RowCount} rows, ground truth {e.GroundTruthRows}: truncated as the toolkit does");
        if (e.RepairedRows > 0) notes.Add($"{e.RepairedRows} row(s) with NaN or non-positive size replaced by the previous row");
        if (e.KeptBadRows > 0) notes.Add($"{e.KeptBadRows} row(s) with NaN or non-positive size kept as they are: their ground-truth row has NaN (the toolkit repairs only where it has none)");
        return new SequenceCurves
        {
            Sequence = sequence.Name,
            Success = s.Fractions(denom),
            Precision = p.Fractions(denom),
            NormalizedPrecision = np.Fractions(denom),
            Frames = e.GroundTruthRows,
            FramesEvaluated = e.Overlap.Length,
            Denominator = denom,
            RepairedRows = e.RepairedRows,
            Notes = notes,
            Warnings = result.Columns > 4 && !result.Irregularities.Any(r => r.Kind == TableIrregularityKind.LongRow)
                ? [$"{result.FilePath}:{result.LineOf(0)}: every row has {result.Columns} values: the toolkit uses the first 4 as x, y, w, h"]
                : [],
            FrameTimes = times,
        };
    }

    public TrackerSummary Summarize(IReadOnlyList<SequenceCurves> sequences) => new()
    {
        // plot_draw_save.m: drop zero curves, average per threshold, then the mean (area) or the headline value.
        Success = CurveAggregation.Mean(sequences, CurveKind.Success, SuccessGrid, Ranking.Area, dropZeroCurves: true),
        Precision = CurveAggregation.Mean(sequences, CurveKind.Precision, PrecisionGrid, Options.PrecisionRanking, dropZeroCurves: true),
        NormalizedPrecision = CurveAggregation.Mean(sequences, CurveKind.NormalizedPrecision, NormalizedPrecisionGrid, Options.NormalizedPrecisionRanking, dropZeroCurves: true),
        FramesPerSecond = TimeStatistics.MeanFramesPerSecond(sequences),
    };
}
