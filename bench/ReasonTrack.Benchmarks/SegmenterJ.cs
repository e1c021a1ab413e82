using System.Diagnostics;
using System.Globalization;
using ReasonTrack.Geometry;
using ReasonTrack.Geometry.Masks;
using ReasonTrack.Media;
using ReasonTrack.Media.Synthetic;
using ReasonTrack.Reports.Html;
using ReasonTrack.Results.Masks;
using ReasonTrack.Segmentation;
using ReasonTrack.Trackers;

namespace ReasonTrack.Benchmarks;

/// <summary>
/// <c>segmenter-j [sequences] [frames] [width] [height]</c> (issue 16): how good the weights-free segmenters' masks are, on generated
/// sequences with exact masks (<see cref="SyntheticMaskSequence"/>: rotating, breathing ellipses, rhombi and rotated
/// rectangles on a textured background; seeds 1..N, deterministic). Each segmenter is run twice: on the default
/// tracker's boxes (what <c>track/run --segmenter</c> give) and on the ground-truth boxes (the masks' own bounding
/// boxes), which separates the segmenter's quality from the tracker's error. J and F per frame are the DAVIS 2017
/// toolkit's (<see cref="Evaluation.Masks.DavisMetrics"/> through <see cref="MaskRegionSimilarity"/> and
/// <see cref="MaskBoundaryMeasure"/>); the means follow its rule: per object the mean over frames 2..N-1 (first and
/// last frames dropped), then the plain mean over objects (one per sequence).
/// </summary>
internal static class SegmenterJ
{
    private static readonly SyntheticShape[] Shapes = [SyntheticShape.Ellipse, SyntheticShape.Diamond, SyntheticShape.Rectangle];

    public static int Run(string[] args)
    {
        int sequences = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 6;
        int frames = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 150;
        int width = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 320;
        int height = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 240;
        foreach (double clutter in new[] { 0.0, 0.3 }) Measure(sequences, frames, width, height, clutter);
        return 0;
    }

    private static void Measure(int sequences, int frames, int width, int height, double clutter)
    {
        double k = width / 320.0; // the target and its motion scale with the frame
        var metric = new MaskRegionSimilarity();
        var fMetric = new MaskBoundaryMeasure();
        var kinds = new[] { ("box", new SegmenterOptions { Kind = SegmenterKind.Box }), ("colour", new SegmenterOptions { Kind = SegmenterKind.Colour }) };
        var tracked = kinds.ToDictionary(k => k.Item1, _ => new List<double>());
        var given = kinds.ToDictionary(k => k.Item1, _ => new List<double>());
        var trackedF = kinds.ToDictionary(k => k.Item1, _ => new List<double>());
        var givenF = kinds.ToDictionary(k => k.Item1, _ => new List<double>());
        var seconds = kinds.ToDictionary(k => k.Item1, _ => 0.0);
        var boxIou = new List<double>();
        int segmented = 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"segmenter-j: {sequences} generated sequences x {frames} frames, {width}x{height} ({string.Join(", ", Shapes.Select(s => s.ToString().ToLowerInvariant()))} in turn; seeds 1..{sequences}), " +
                          $"clutter {clutter:0.0} (share of the background in the target's colours); tracker: default (dcf)"));
        for (int s = 0; s < sequences; s++)
        {
            var seq = new SyntheticMaskSequence(new SyntheticMaskSequenceOptions
            {
                Frames = frames, Seed = (ulong)(s + 1), Shape = Shapes[s % Shapes.Length], Clutter = clutter,
                Width = width, Height = height, SemiMajor = 42 * k, SemiMinor = 20 * k,
            });
            using var source = seq.AsFrameSource($"seq{s + 1}");
            var gt = seq.Masks;
            var row = new List<string>();
            foreach (var (name, options) in kinds)
            {
                // On the tracker's boxes, as track/run --segmenter make them (MaskRecorder: frame 1 from the initial box; lost frames empty).
                using var tracker = TrackerRegistry.Create("default");
                using var recorder = new MaskRecorder(tracker, options);
                var outcome = SequenceTracking.Run(tracker, source, seq.GroundTruth[0], recorder.Before(null));
                double jt = JMean(recorder.Masks!, gt, metric, frames);
                tracked[name].Add(jt);
                trackedF[name].Add(JMean(recorder.Masks!, gt, fMetric, frames));
                if (name == "box")
                    boxIou.Add(Enumerable.Range(1, frames - 2).Average(f => Overlap.Iou(outcome.Boxes[f], seq.GroundTruth[f])));

                // On the ground-truth boxes.
                using var segmenter = options.Create()!;
                var dense = new byte[seq.Size.Width * seq.Size.Height];
                var made = new SequenceMasks(seq.Size.Width, seq.Size.Height);
                var sw = Stopwatch.StartNew();
                foreach (var frame in source.ReadFrames())
                {
                    segmenter.Segment(frame, seq.GroundTruth[frame.Index], dense);
                    made.Set(frame.Index, 1, Mask.FromDense(dense, seq.Size.Width, seq.Size.Height));
                }
                seconds[name] += sw.Elapsed.TotalSeconds;
                double jg = JMean(made, gt, metric, frames);
                given[name].Add(jg);
                givenF[name].Add(JMean(made, gt, fMetric, frames));
                row.Add(string.Create(CultureInfo.InvariantCulture, $"{name} J {jt:0.000} / {jg:0.000}"));
            }
            segmented += frames;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  seq{s + 1} ({seq.Options.Shape.ToString().ToLowerInvariant()}): tracker box IoU {boxIou[^1]:0.000}; J-Mean tracked / gt box: {string.Join(", ", row)}"));
        }
        Console.WriteLine("J-Mean and F-Mean (davis2017: DavisMetrics J and F per frame; frames 2..N-1 per object, plain mean over objects):");
        Console.WriteLine("  segmenter   J tracked   J gt box   F tracked   F gt box   ms/frame (gt boxes)");
        foreach (var (name, _) in kinds)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-10}  {tracked[name].Average(),9:0.000}  {given[name].Average(),9:0.000}  {trackedF[name].Average(),9:0.000}  {givenF[name].Average(),9:0.000}   {seconds[name] * 1000 / segmented,8:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  (the default tracker's mean box IoU over the same frames: {boxIou.Average():0.000}, continuous-box IoU)"));
    }

    /// <summary>The DAVIS per-object mean of <paramref name="metric"/> for object 1: frames 1..n-2 (0-based; the toolkit drops the first and the last).</summary>
    private static double JMean(SequenceMasks result, SequenceMasks gt, IMaskFrameMetric metric, int frames)
    {
        double sum = 0;
        for (int f = 1; f < frames - 1; f++) sum += metric.Score(result.GetOrEmpty(f, 1), gt.GetOrEmpty(f, 1));
        return sum / (frames - 2);
    }
}
