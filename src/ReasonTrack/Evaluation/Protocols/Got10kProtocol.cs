using ReasonTrack.Datasets;
using ReasonTrack.Geometry;
using ReasonTrack.IO;

namespace ReasonTrack.Evaluation.Protocols;

/// <summary>
/// <c>got10k</c>: got10k-toolkit's <c>ExperimentGOT10k.report</c>: continuous IoU with both boxes clipped to the
/// image (the sequence's <c>meta_info.ini</c> resolution), <c>inter / (union + eps)</c> clipped to [0, 1]; frame 1
/// excluded; only frames with cover &gt; 0 (or, without cover labels, frames not flagged absent); AO and SR pooled
/// over the frames of all sequences (and all runs); success curve over numpy's <c>linspace(0, 1, 101)</c>; speed = mean
/// of 1/t over positive frame times. Precision curves are not part of GOT-10k; they are computed on the same frames
/// with continuous centres for reference.
/// </summary>
public sealed class Got10kProtocol : IEvaluationProtocol
{
    public string Key => "got10k";
    public string Description =>
        "GOT-10k toolkit: IoU of boxes clipped to the image, frame 1 excluded, frames with cover > 0 only; AO, SR0.5 and SR0.75 pooled over " +
        "all frames of all sequences; success curve on linspace(0, 1, 101); speed = mean of 1/t.";

    public ThresholdGrid SuccessGrid { get; } = ThresholdGrid.OverlapLinspace101();
    public ThresholdGrid PrecisionGrid { get; } = ThresholdGrid.PixelErrors();
    public ThresholdGrid NormalizedPrecisionGrid { get; } = ThresholdGrid.NormalizedErrors();
    public NumericTableOptions ReadOptions => NumericTableOptions.Strict;
    public bool PrecisionIsArea => false;
    public bool NormalizedPrecisionIsArea => false;
    public EmptyResultPolicy EmptyResults => EmptyResultPolicy.Error;
    public int MinSequencesPerAttribute => 1;

    public SequenceCurves EvaluateSequence(Sequence sequence, NumericTable result, double[]? times)
    {
        var gt = sequence.GroundTruth;
        if (gt.Length < 2)
            throw new DataFormatException(sequence.GroundTruthPath ?? sequence.Name,
                $"has {gt.Length} ground-truth row(s): GOT-10k test-split annotations hold only the first box; evaluate the test split on the official server");
        if (result.RowCount != gt.Length)
            throw new DataFormatException(result.FilePath, result.RowCount > 0 ? result.LineOf(result.RowCount - 1) : 0,
                $"has {result.RowCount} rows, the ground truth {gt.Length}: got10k-toolkit asserts equal shapes");
        var boxes = result.ToBoxes();
        var overlaps = new List<double>(gt.Length);
        var s = new CurveCounter(SuccessGrid.Values, strictlyGreater: true);
        var p = new CurveCounter(PrecisionGrid.Values, strictlyGreater: false);
        var np = new CurveCounter(NormalizedPrecisionGrid.Values, strictlyGreater: false);
        for (int i = 1; i < gt.Length; i++)
        {
            bool use = sequence.Cover is { } c ? i < c.Length && c[i] > 0 : sequence.IsVisible(i);
            if (!use) continue;
            double iou = Overlap.IouGot10k(boxes[i], gt[i], sequence.Resolution);
            overlaps.Add(iou);
            s.Add(iou);
            p.Add(Overlap.CenterError(boxes[i], gt[i]));
            np.Add(Overlap.NormalizedCenterError(boxes[i], gt[i]));
        }
        int m = overlaps.Count;
        var notes = new List<string>();
        if (sequence.Resolution is null) notes.Add("no resolution in meta_info.ini: boxes not clipped to the image");
        return new SequenceCurves
        {
            Sequence = sequence.Name,
            Success = s.Fractions(m),
            Precision = p.Fractions(m),
            NormalizedPrecision = np.Fractions(m),
            Frames = gt.Length,
            FramesEvaluated = m,
            Denominator = m,
            FrameOverlaps = overlaps.ToArray(),
            FrameTimes = times,
            Notes = notes,
        };
    }

    public TrackerSummary Summarize(IReadOnlyList<SequenceCurves> sequences)
    {
        var all = sequences.Where(x => x.FrameOverlaps is not null).SelectMany(x => x.FrameOverlaps!).ToArray();
        double ao = all.Length > 0 ? all.Average() : double.NaN;
        double sr50 = all.Length > 0 ? all.Count(v => v > 0.5) / (double)all.Length : double.NaN;
        double sr75 = all.Length > 0 ? all.Count(v => v > 0.75) / (double)all.Length : double.NaN;
        var pooled = new CurveCounter(SuccessGrid.Values, strictlyGreater: true);
        foreach (var v in all) pooled.Add(v);
        var succ = pooled.Fractions(all.Length);
        return new TrackerSummary
        {
            Success = new MetricSummary
            {
                Kind = CurveKind.Success, MeanCurve = succ, Auc = succ.Average(), AtHeadline = sr50, Score = ao,
                SequencesUsed = sequences.Count,
            },
            Precision = CurveAggregation.Mean(sequences, CurveKind.Precision, PrecisionGrid, Ranking.Threshold, dropZeroCurves: false),
            NormalizedPrecision = CurveAggregation.Mean(sequences, CurveKind.NormalizedPrecision, NormalizedPrecisionGrid, Ranking.Threshold, dropZeroCurves: false),
            AverageOverlap = ao,
            SuccessRate50 = sr50,
            SuccessRate75 = sr75,
            FramesPerSecond = TimeStatistics.MeanFramesPerSecond(sequences),
        };
    }
}
