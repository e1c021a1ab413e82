using ReasonTrack.Datasets;
using ReasonTrack.Geometry;
using ReasonTrack.IO;

namespace ReasonTrack.Evaluation.Protocols;

/// <summary>
/// <c>pytracking</c>: pytracking's <c>analysis/extract_results.py</c> (also used by OSTrack-family code):
/// <list type="bullet">
/// <item>a NaN or a negative width/height in the results is an error (pytracking raises); zero width/height rows are
/// replaced by the previous row where the ground truth has no NaN;</item>
/// <item>a result longer than the ground truth is truncated; a shorter one is an error on LaSOT and zero-padded
/// elsewhere;</item>
/// <item>frame 1 is set to the ground truth; a frame is valid when the ground truth's width and height are &gt; 0
/// (option: all four values) and the target is visible;</item>
/// <item>invalid frames: overlap -1 and centre error +Inf (misses), normalized centre error -1 (a <b>hit</b>) — except
/// on LaSOT, where invisible frames get +Inf for both centre errors;</item>
/// <item>the denominator is every frame (option: valid frames only, <c>exclude_invalid_frames</c>); curves are
/// averaged over sequences with no zero-curve filter; AUC = mean of the 21 success values.</item>
/// </list>
/// pytracking stores per-sequence values as float32; this protocol rounds each per-sequence value to float32 the same
/// way, so figures agree with pytracking's to about 1e-7 (the order of its float32 sums over sequences is not
/// reproduced).
/// </summary>
public sealed class PytrackingProtocol : IEvaluationProtocol
{
    public PytrackingProtocol(string? datasetKey = null, bool excludeInvalidFrames = false, bool validNeedsAllPositive = false)
    {
        DatasetKey = datasetKey?.ToLowerInvariant();
        ExcludeInvalidFrames = excludeInvalidFrames;
        ValidNeedsAllPositive = validNeedsAllPositive;
    }

    /// <summary>pytracking's <c>dataset</c> switch: <c>lasot</c> and <c>uav</c> change the rules.</summary>
    public string? DatasetKey { get; }

    /// <summary>Divide by valid frames instead of all frames.</summary>
    public bool ExcludeInvalidFrames { get; }

    /// <summary>Validity needs all four ground-truth values &gt; 0 (STARK's <c>stark_behavior=False</c>) instead of w, h &gt; 0.</summary>
    public bool ValidNeedsAllPositive { get; }

    public string Key => "pytracking";
    public string Description =>
        "pytracking extract_results: NaN/negative-size results are errors; zero-size rows replaced by the previous row; frame 1 = ground truth; " +
        "valid = ground-truth w, h > 0 and visible; invalid frames miss success and precision but hit normalized precision " +
        "(except on LaSOT, where invisible frames miss both); denominator = all frames; no zero-curve filter; AUC = mean of 21 success values.";

    public ThresholdGrid SuccessGrid { get; } = ThresholdGrid.OverlapMultiples();
    public ThresholdGrid PrecisionGrid { get; } = ThresholdGrid.PixelErrors();
    public ThresholdGrid NormalizedPrecisionGrid { get; } = ThresholdGrid.NormalizedErrors();
    public NumericTableOptions ReadOptions => NumericTableOptions.Strict;
    public bool PrecisionIsArea => false;
    public bool NormalizedPrecisionIsArea => false;
    public EmptyResultPolicy EmptyResults => EmptyResultPolicy.Error;
    public int MinSequencesPerAttribute => 1;

    private bool IsLasot => DatasetKey is "lasot";
    private bool IsUav => DatasetKey is "uav" or "uav123";

    public SequenceCurves EvaluateSequence(Sequence sequence, NumericTable result, double[]? times)
    {
        var gt = sequence.GroundTruth;
        int n = gt.Length;
        if (result.Columns < 4 && result.RowCount > 0)
            throw new DataFormatException(result.FilePath, result.LineOf(0), $"expected 4 values per row, found {result.Columns}");
        for (int r = 0; r < result.RowCount; r++)
        {
            var row = result.Row(r);
            if (double.IsNaN(row[0]) || double.IsNaN(row[1]) || double.IsNaN(row[2]) || double.IsNaN(row[3]) || row[2] < 0 || row[3] < 0)
                throw new DataFormatException(result.FilePath, result.LineOf(r), "NaN or negative size: pytracking rejects such results ('Error: Invalid results')");
        }
        if (!IsUav && gt.Any(b => b.HasNaN))
            throw new DataFormatException(sequence.GroundTruthPath ?? sequence.Name, "ground truth has NaN rows: pytracking raises 'NaNs in annotation' except for UAV (evaluate with the pytracking datasetKey uav)");

        var notes = new List<string>();
        var pred = new Box[n];
        int rows = Math.Min(n, result.RowCount);
        for (int i = 0; i < rows; i++) { var row = result.Row(i); pred[i] = new Box(row[0], row[1], row[2], row[3]); }
        if (result.RowCount < n)
        {
            if (IsLasot)
                throw new DataFormatException(result.FilePath, result.RowCount > 0 ? result.LineOf(result.RowCount - 1) : 0,
                    $"has {result.RowCount} rows, the ground truth {n}: pytracking raises 'Mis-match in tracker prediction and GT lengths' on LaSOT");
            notes.Add($"result has {result.RowCount} rows, ground truth {n}: zero-padded as pytracking does");
        }
        else if (result.RowCount > n) notes.Add($"result has {result.RowCount} rows, ground truth {n}: truncated");

        int repaired = 0;
        for (int i = 1; i < rows; i++)
        {
            if ((pred[i].W == 0 || pred[i].H == 0) && !gt[i].HasNaN) { pred[i] = pred[i - 1]; repaired++; }
        }
        pred[0] = gt[0];

        var s = new CurveCounter(SuccessGrid.Values, strictlyGreater: true);
        var p = new CurveCounter(PrecisionGrid.Values, strictlyGreater: false);
        var np = new CurveCounter(NormalizedPrecisionGrid.Values, strictlyGreater: false);
        int valid = 0;
        for (int i = 0; i < n; i++)
        {
            var a = gt[i];
            var b = pred[i];
            bool visible = sequence.Absent is not { } abs || i >= abs.Length || !abs[i];
            bool sizeOk = ValidNeedsAllPositive ? a.X > 0 && a.Y > 0 && a.W > 0 && a.H > 0 : a.W > 0 && a.H > 0;
            bool isValid = sizeOk && visible;
            if (isValid) valid++;
            // pytracking: centre = xy + 0.5 * (wh - 1); overlap with the +1 pixel convention, clamped at 0.
            double acx = a.X + 0.5 * (a.W - 1), acy = a.Y + 0.5 * (a.H - 1);
            double bcx = b.X + 0.5 * (b.W - 1), bcy = b.Y + 0.5 * (b.H - 1);
            double err = Math.Sqrt((bcx - acx) * (bcx - acx) + (bcy - acy) * (bcy - acy));
            double ndx = bcx / a.W - acx / a.W, ndy = bcy / a.H - acy / a.H;
            double nerr = Math.Sqrt(ndx * ndx + ndy * ndy);
            double iou = TorchIou(b, a);
            if (!isValid)
            {
                err = IsUav ? -1 : double.PositiveInfinity;
                nerr = -1;
                iou = -1;
            }
            if (IsLasot && !visible) { err = double.PositiveInfinity; nerr = double.PositiveInfinity; }
            s.Add(iou);
            p.Add(err);
            np.Add(nerr);
        }
        int denom = ExcludeInvalidFrames ? valid : n;
        return new SequenceCurves
        {
            Sequence = sequence.Name,
            Success = Float32Fractions(s.Counts(), denom),
            Precision = Float32Fractions(p.Counts(), denom),
            NormalizedPrecision = Float32Fractions(np.Counts(), denom),
            Frames = n,
            FramesEvaluated = n,
            Denominator = denom,
            RepairedRows = repaired,
            Notes = notes,
            FrameTimes = times,
        };
    }

    private static double TorchIou(in Box pred, in Box anno)
    {
        double tlx = Math.Max(pred.X, anno.X), tly = Math.Max(pred.Y, anno.Y);
        double brx = Math.Min(pred.X + pred.W - 1.0, anno.X + anno.W - 1.0), bry = Math.Min(pred.Y + pred.H - 1.0, anno.Y + anno.H - 1.0);
        double sw = Math.Max(brx - tlx + 1.0, 0), sh = Math.Max(bry - tly + 1.0, 0);
        double inter = sw * sh;
        double union = pred.W * pred.H + anno.W * anno.H - inter;
        return inter / union;
    }

    /// <summary><c>(...).sum(0).float() / seq_length</c>: a float32 division, as pytracking stores it.</summary>
    private static double[] Float32Fractions(int[] counts, int denom)
    {
        var f = new double[counts.Length];
        for (int i = 0; i < f.Length; i++) f[i] = denom > 0 ? (float)counts[i] / (float)denom : double.NaN;
        return f;
    }

    public TrackerSummary Summarize(IReadOnlyList<SequenceCurves> sequences) => new()
    {
        // Plain means over sequences: pytracking has no zero-curve filter.
        Success = CurveAggregation.Mean(sequences, CurveKind.Success, SuccessGrid, Ranking.Area, dropZeroCurves: false),
        Precision = CurveAggregation.Mean(sequences, CurveKind.Precision, PrecisionGrid, Ranking.Threshold, dropZeroCurves: false),
        NormalizedPrecision = CurveAggregation.Mean(sequences, CurveKind.NormalizedPrecision, NormalizedPrecisionGrid, Ranking.Threshold, dropZeroCurves: false),
        FramesPerSecond = TimeStatistics.MeanFramesPerSecond(sequences),
    };
}
