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
        var sink = new FrameArrays();
        var w = Walk(sequence, result, ref sink);
        return new MatlabFrameErrors(sink.Overlap, sink.Center, sink.NormalizedCenter, w.GroundTruthRows, w.RepairedRows, w.Truncated) { KeptBadRows = w.KeptBadRows };
    }

    /// <summary>What <see cref="Walk"/> found besides the per-frame errors.</summary>
    private readonly record struct WalkSummary(int GroundTruthRows, int Evaluated, int RepairedRows, int KeptBadRows, bool Truncated);

    /// <summary>Receives the per-frame errors of the evaluated frames, in frame order.</summary>
    private interface IFrameSink
    {
        void Begin(int evaluated);
        void Frame(double overlap, double center, double normalizedCenter);
    }

    /// <summary>Stores the errors (<see cref="ComputeFrameErrors"/>).</summary>
    private struct FrameArrays : IFrameSink
    {
        public double[] Overlap, Center, NormalizedCenter;
        private int _k;

        public void Begin(int evaluated)
        {
            Overlap = new double[evaluated];
            Center = new double[evaluated];
            NormalizedCenter = new double[evaluated];
        }

        public void Frame(double overlap, double center, double normalizedCenter)
        {
            Overlap[_k] = overlap;
            Center[_k] = center;
            NormalizedCenter[_k] = normalizedCenter;
            _k++;
        }
    }

    /// <summary>Counts the errors into the three curves as they come (<see cref="EvaluateSequence"/>: no per-frame arrays).</summary>
    private struct FrameCurves(CurveCounter success, CurveCounter precision, CurveCounter normalized) : IFrameSink
    {
        public readonly void Begin(int evaluated) { }

        public readonly void Frame(double overlap, double center, double normalizedCenter)
        {
            success.Add(overlap);
            precision.Add(center);
            normalized.Add(normalizedCenter);
        }
    }

    /// <summary>
    /// <c>calc_seq_err_robust.m</c> in one pass over the frames: checks, repair, absent frames, per-frame errors handed
    /// to <paramref name="sink"/>. Both <see cref="ComputeFrameErrors"/> and <see cref="EvaluateSequence"/> go through
    /// here, so the values counted are the values stored.
    /// </summary>
    private WalkSummary Walk<TSink>(Sequence sequence, NumericTable result, ref TSink sink) where TSink : struct, IFrameSink
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
        sink.Begin(evaluated);

        // calc_seq_err_robust.m (LaSOT, TNLLT, TNL2K toolkits, lines 13-20; OTB's calcSeqErrRobust.m alike):
        // `if (bad) & (~isnan(r_anno))` is a 1x4 condition, and Matlab's `if` needs all four true, so a bad row is
        // replaced only where the ground-truth row has no NaN at all. A bad row kept there is what the next bad row
        // copies (a NaN row then makes that frame a miss for success and precision). The toolkit repairs from frame 2
        // in a loop before it sets frame 1 to the ground truth, so frame 2 copies the result's own first row.
        bool anyNaN = Options.Repair == NanRepairRule.AnyNaN;
        int repaired = 0, kept = 0;
        var row0 = result.Row(0);
        var prev = new Box(row0[0], row0[1], row0[2], row0[3]);
        for (int i = 0; i < n; i++)
        {
            Box p;
            if (i == 0)
            {
                p = gt[0];
            }
            else
            {
                var row = result.Row(i);
                var r = new Box(row[0], row[1], row[2], row[3]);
                bool nanRule = anyNaN
                    ? r.HasNaN
                    : double.IsNaN(r.X) && double.IsNaN(r.Y) && double.IsNaN(r.W) && double.IsNaN(r.H);
                if (nanRule || r.W <= 0 || r.H <= 0)
                {
                    if (gt[i].HasNaN) kept++;
                    else { r = prev; repaired++; }
                }
                prev = r;
                p = r;
            }
            if (absent is not null && i < absent.Length && absent[i]) continue;
            var a = gt[i];
            // Centres exactly as written in the toolkit: x + (w - 1) / 2; normalized by dividing each centre.
            double gcx = a.X + (a.W - 1) / 2, gcy = a.Y + (a.H - 1) / 2;
            double pcx = p.X + (p.W - 1) / 2, pcy = p.Y + (p.H - 1) / 2;
            double dx = pcx - gcx, dy = pcy - gcy;
            double err = Math.Sqrt(dx * dx + dy * dy);
            double ndx = pcx / a.W - gcx / a.W, ndy = pcy / a.H - gcy / a.H;
            double nerr = Math.Sqrt(ndx * ndx + ndy * ndy);
            bool valid = a.X > 0 && a.Y > 0 && a.W > 0 && a.H > 0;
            sink.Frame(valid ? Overlap.IouPlusOnePixel(p, a) : -1, valid ? err : -1, valid ? nerr : -1);
        }
        return new WalkSummary(n, evaluated, repaired, kept, truncated);
    }

    public SequenceCurves EvaluateSequence(Sequence sequence, NumericTable result, double[]? times)
    {
        double[] sg = SuccessGrid.Values, pg = PrecisionGrid.Values, npg = NormalizedPrecisionGrid.Values;
        var s = new CurveCounter(sg, strictlyGreater: true);
        var p = new CurveCounter(pg, strictlyGreater: false);
        var np = new CurveCounter(npg, strictlyGreater: false);
        var sink = new FrameCurves(s, p, np);
        var e = Walk(sequence, result, ref sink);
        double denom = e.GroundTruthRows + MatlabEps;
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
            FramesEvaluated = e.Evaluated,
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
