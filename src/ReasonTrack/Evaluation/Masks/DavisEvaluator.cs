using ReasonTrack.Datasets.Davis;
using ReasonTrack.Geometry.Masks;
using ReasonTrack.IO;
using ReasonTrack.Results.Masks;

namespace ReasonTrack.Evaluation.Masks;

/// <summary>
/// The DAVIS 2017 semi-supervised evaluation (protocol <c>davis2017</c>) of one results folder,
/// <c>&lt;results&gt;/&lt;seq&gt;/&lt;frame id&gt;.png</c> (palette PNGs, one id per object), against a
/// <see cref="DavisSequenceSet"/>, with the official toolkit's rules (see <see cref="DavisEvaluationOptions"/> for
/// the ones that are options): per sequence, the annotated frames minus the first and last are scored; object k is
/// <c>label == k</c> for k = 1..(highest id of annotation frame 0) in both the ground truth and the result (a result
/// with fewer objects scores empty masks for the others); J and F per frame (<see cref="DavisMetrics"/>), Mean /
/// Recall / Decay per object (<see cref="DavisStatistics"/>), and the plain mean over all objects
/// (<see cref="DavisGlobalResult"/>). Where the toolkit stops silently (a missing result frame, an id above the
/// object count, 255 in a result) this throws a <see cref="DataFormatException"/> naming the file.
/// </summary>
public sealed class DavisEvaluator
{
    /// <summary>The protocol key.</summary>
    public const string ProtocolKey = "davis2017";

    /// <summary>One paragraph for <c>reasontrack protocols</c>.</summary>
    public const string Description =
        "DAVIS 2017 semi-supervised J&F as the official davis2017-evaluation toolkit (commit ac7c43f): masks from palette PNGs, " +
        "first and last frames not scored, objects = highest id of annotation frame 0, void (255) counted as background, " +
        "J = IoU (1 when both empty), F = boundary F-measure (_seg2bmap, disk tolerance ceil(0.008 * diagonal)), " +
        "Recall > 0.5 strictly, Decay over four inclusive quartile bins, global = plain mean over all objects.";

    public DavisEvaluator(DavisEvaluationOptions? options = null)
    {
        Options = options ?? DavisEvaluationOptions.Toolkit;
    }

    public DavisEvaluationOptions Options { get; }

    /// <summary>Evaluates one tracker's results folder on every sequence of <paramref name="groundTruth"/>.</summary>
    /// <exception cref="DataFormatException">A missing or broken result file, or one the toolkit would stop on, naming it.</exception>
    public DavisEvaluationReport Evaluate(DavisSequenceSet groundTruth, string resultsFolder, string? trackerName = null,
        IProgress<int>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        ArgumentException.ThrowIfNullOrWhiteSpace(resultsFolder);
        string folder = Path.GetFullPath(resultsFolder);
        if (!Directory.Exists(folder)) throw new DataFormatException(folder, "results folder not found");
        var objects = new List<DavisObjectResult>();
        var boundPix = new Dictionary<string, int>();
        var warnings = new List<string>();
        int done = 0;
        foreach (var seq in groundTruth.Sequences)
        {
            cancel.ThrowIfCancellationRequested();
            var (results, bp) = EvaluateSequence(seq, Path.Combine(folder, seq.Name), warnings, cancel);
            objects.AddRange(results);
            boundPix[seq.Name] = bp;
            progress?.Report(++done);
        }
        return new DavisEvaluationReport
        {
            Tracker = trackerName ?? Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar)),
            ResultsFolder = folder,
            Set = groundTruth.Set,
            Options = Options,
            Objects = objects,
            Global = DavisGlobalResult.Of(objects),
            BoundPix = boundPix,
            Warnings = warnings,
        };
    }

    /// <summary>The scored frame indices of a sequence (all but the first and last under the toolkit's rule).</summary>
    public IReadOnlyList<int> ScoredFrames(DavisSequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        int n = sequence.FrameCount;
        return Options.DropFirstAndLastFrame ? Enumerable.Range(1, Math.Max(0, n - 2)).ToArray() : Enumerable.Range(0, n).ToArray();
    }

    /// <summary>Evaluates one sequence given the folder of its result PNGs; returns its objects and its tolerance.</summary>
    public (IReadOnlyList<DavisObjectResult> Objects, int BoundPix) EvaluateSequence(DavisSequence seq, string resultFolder,
        List<string>? warnings = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(seq);
        var frames = ScoredFrames(seq);
        int n = Options.ObjectCountFromFirstFrame ? seq.ObjectCount : ObjectCountOverAllFrames(seq);
        int bp = DavisMetrics.BoundPix(seq.Width, seq.Height, Options.BoundThreshold);
        // The toolkit reads every scored result frame before scoring: a missing one stops it first.
        var paths = new string[frames.Count];
        for (int i = 0; i < frames.Count; i++)
        {
            paths[i] = Path.Combine(resultFolder, seq.FrameIds[frames[i]] + ".png");
            if (!File.Exists(paths[i]))
                throw new DataFormatException(paths[i],
                    $"result frame missing (sequence '{seq.Name}', frame {seq.FrameIds[frames[i]]}); every annotated frame but the first and last needs its PNG " +
                    "(the official toolkit prints \"not found\" and exits with code 0)");
        }
        var j = new double[n][];
        var f = new double[n][];
        var counts = new DavisFrameCounts[n][];
        for (int k = 0; k < n; k++) { j[k] = new double[frames.Count]; f[k] = new double[frames.Count]; counts[k] = new DavisFrameCounts[frames.Count]; }
        var errors = new Exception?[frames.Count];
        var ignored = new int[frames.Count];
        var po = new ParallelOptions { CancellationToken = cancel, MaxDegreeOfParallelism = Options.Parallelism ?? -1 };
        Parallel.For(0, frames.Count, po, i =>
        {
            try
            {
                var gt = seq.ReadAnnotation(frames[i]);
                var res = DavisPngFolder.ReadLabels(paths[i]);
                if (res.Width != gt.Width || res.Height != gt.Height)
                    throw new DataFormatException(paths[i], $"result is {res.Width}x{res.Height}, the annotation {gt.Width}x{gt.Height}");
                ReadOnlySpan<byte> resLabels = res.Labels;
                int max = DavisSequence.MaxObjectIdOrVoid(resLabels);
                if (max > n)
                {
                    if (Options.ExtraObjects == DavisExtraObjectPolicy.Error)
                        throw new DataFormatException(paths[i], max == LabelMap.Void
                            ? $"value 255 in a result (sequence '{seq.Name}' has {n} objects; 255 is void in annotations only) " +
                              "(the official toolkit prints \"there is an index higher than the number of objects\" and exits with code 0)"
                            : $"object id {max} in a result, but sequence '{seq.Name}' has {n} objects (ids 1..{n}, from annotation frame 0) " +
                              "(the official toolkit prints \"there is an index higher than the number of objects\" and exits with code 0)");
                    var copy = res.Labels.ToArray();
                    for (int p = 0; p < copy.Length; p++) if (copy[p] > n) copy[p] = 0;
                    resLabels = copy;
                    ignored[i] = max;
                }
                ScoreFrame(gt.Labels, resLabels, seq.Width, seq.Height, n, bp, i, j, f, counts);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                errors[i] = e;
            }
        });
        // The error of the earliest frame, whatever the threads' order.
        if (Array.Find(errors, e => e is not null) is { } first) throw first;
        int firstIgnored = Array.FindIndex(ignored, v => v > 0);
        if (firstIgnored >= 0)
            warnings?.Add($"{paths[firstIgnored]}: ids above the {n} objects of '{seq.Name}' ignored (extra-ids=ignore, ours)");
        var ids = frames.Select(i => seq.FrameIds[i]).ToArray();
        return (Objects(seq.Name, ids, n, j, f, counts), bp);
    }

    /// <summary>
    /// Scores label maps already in memory (no files): <paramref name="groundTruth"/> and <paramref name="results"/>
    /// are the frames to score, parallel to <paramref name="frameIds"/> (the caller has applied the frame rule), with
    /// objects 1..<paramref name="objectCount"/>. Result values above the object count are ignored here.
    /// </summary>
    public IReadOnlyList<DavisObjectResult> EvaluateFrames(string sequence, IReadOnlyList<string> frameIds,
        IReadOnlyList<LabelMap> groundTruth, IReadOnlyList<LabelMap> results, int objectCount)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        ArgumentNullException.ThrowIfNull(results);
        if (groundTruth.Count != frameIds.Count || results.Count != frameIds.Count)
            throw new ArgumentException($"{frameIds.Count} frame ids, {groundTruth.Count} ground-truth and {results.Count} result maps.", nameof(results));
        int n = objectCount, count = frameIds.Count;
        int w = count == 0 ? 1 : groundTruth[0].Width, h = count == 0 ? 1 : groundTruth[0].Height;
        int bp = DavisMetrics.BoundPix(w, h, Options.BoundThreshold);
        var j = new double[n][];
        var f = new double[n][];
        var counts = new DavisFrameCounts[n][];
        for (int k = 0; k < n; k++) { j[k] = new double[count]; f[k] = new double[count]; counts[k] = new DavisFrameCounts[count]; }
        var po = new ParallelOptions { MaxDegreeOfParallelism = Options.Parallelism ?? -1 };
        Parallel.For(0, count, po, i =>
        {
            var gt = groundTruth[i];
            var res = results[i];
            if (res.Width != w || res.Height != h || gt.Width != w || gt.Height != h)
                throw new ArgumentException($"Frame {frameIds[i]}: maps of different sizes.", nameof(results));
            ScoreFrame(gt.Labels, res.Labels, w, h, n, bp, i, j, f, counts);
        });
        return Objects(sequence, frameIds, n, j, f, counts);
    }

    /// <summary>Scores objects 1..n of one frame into slot <paramref name="i"/> (allocation-free after the first frame of a thread).</summary>
    private void ScoreFrame(ReadOnlySpan<byte> gtLabels, ReadOnlySpan<byte> resLabels, int width, int height, int n, int bp, int i,
        double[][] j, double[][] f, DavisFrameCounts[][] counts)
    {
        var ws = DavisMetrics.Workspace(width, height, bp);
        ws.SetVoid(gtLabels, !Options.VoidAsBackground);
        for (int k = 0; k < n; k++)
        {
            var c = ws.Score(resLabels, gtLabels, (byte)(k + 1));
            counts[k][i] = c;
            j[k][i] = c.J;
            f[k][i] = c.F;
        }
    }

    private DavisObjectResult[] Objects(string sequence, IReadOnlyList<string> ids, int n, double[][] j, double[][] f, DavisFrameCounts[][] counts)
    {
        var list = new DavisObjectResult[n];
        for (int k = 0; k < n; k++)
            list[k] = new DavisObjectResult
            {
                Sequence = sequence,
                ObjectId = k + 1,
                FrameIds = ids,
                JPerFrame = j[k],
                FPerFrame = f[k],
                J = DavisStatistics.Compute(j[k], Options.DecayUint8Wrap),
                F = DavisStatistics.Compute(f[k], Options.DecayUint8Wrap),
                Counts = Options.KeepCounts ? counts[k] : null,
            };
        return list;
    }

    private static int ObjectCountOverAllFrames(DavisSequence seq)
    {
        int max = 0;
        for (int i = 0; i < seq.FrameCount; i++) max = Math.Max(max, DavisSequence.MaxObjectId(seq.ReadAnnotation(i).Labels));
        return max;
    }
}
