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
/// <para>
/// A NaN in a counted frame (frame 2 on, cover &gt; 0) makes the toolkit's IoU NaN, and its <c>np.mean</c> makes AO
/// NaN while SR still counts the frame as a miss: the toolkit yields no AO. By default
/// (<see cref="Got10kNanPolicy.Error"/>) such a file is an error naming the file and line of its first such row;
/// <see cref="Got10kNanPolicy.ZeroOverlap"/> counts the frame as overlap 0 instead (with a warning).
/// </para>
/// </summary>
public sealed class Got10kProtocol(Got10kNanPolicy nanRows = Got10kNanPolicy.Error) : IEvaluationProtocol
{
    /// <summary>What a NaN overlap on a counted frame does.</summary>
    public Got10kNanPolicy NanRows { get; } = nanRows;

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
        int zeroed = 0, firstZeroed = 0;
        for (int i = 1; i < gt.Length; i++)
        {
            bool use = sequence.Cover is { } c ? i < c.Length && c[i] > 0 : sequence.IsVisible(i);
            if (!use) continue;
            double iou = Overlap.IouGot10k(boxes[i], gt[i], sequence.Resolution);
            if (double.IsNaN(iou))
            {
                if (NanRows == Got10kNanPolicy.Error) throw NanOverlap(sequence, result, boxes, i);
                iou = 0;
                if (zeroed++ == 0) firstZeroed = i;
            }
            overlaps.Add(iou);
            s.Add(iou);
            p.Add(Overlap.CenterError(boxes[i], gt[i]));
            np.Add(Overlap.NormalizedCenterError(boxes[i], gt[i]));
        }
        int m = overlaps.Count;
        var notes = new List<string>();
        if (sequence.Resolution is null) notes.Add("no resolution in meta_info.ini: boxes not clipped to the image");
        string[] warnings = zeroed > 0
            ? [$"{result.FilePath}:{result.LineOf(firstZeroed)}: {zeroed} counted frame(s) with a NaN overlap from this line on counted as overlap 0 (Got10kNanPolicy.ZeroOverlap; got10k-toolkit's AO would be NaN)"]
            : [];
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
            Warnings = warnings,
        };
    }

    private static DataFormatException NanOverlap(Sequence sequence, NumericTable result, Box[] boxes, int i)
    {
        const string consequence = "got10k-toolkit's IoU is then NaN and its AO (np.mean) NaN, so no AO can be reported " +
                                   "(Got10kNanPolicy.ZeroOverlap counts such frames as overlap 0)";
        if (boxes[i].HasNaN)
            return new DataFormatException(result.FilePath, result.LineOf(i), $"NaN in frame {i + 1}, a counted frame (cover > 0): {consequence}");
        return new DataFormatException(sequence.GroundTruthPath ?? sequence.Name, i + 1,
            $"ground-truth row {i + 1} has NaN on a counted frame (cover > 0): {consequence}");
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
