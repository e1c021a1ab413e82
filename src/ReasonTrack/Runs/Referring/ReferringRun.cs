using System.Collections.Concurrent;
using ReasonTrack.Datasets.Referring;
using ReasonTrack.Geometry;
using ReasonTrack.Geometry.Masks;
using ReasonTrack.IO;
using ReasonTrack.Media;
using ReasonTrack.Media.Palette;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Results;
using ReasonTrack.Results.Masks;
using ReasonTrack.Segmentation;
using ReasonTrack.Trackers;

namespace ReasonTrack.Runs.Referring;

/// <summary>
/// A tracker (with or without the instruction mode) over a referring benchmark in the DAVIS layout, ours: for every
/// video, each expression's object is tracked on its own (instruction mode: the expression is the instruction, the
/// first box is grounded by the model on the first frame, the tracker follows and the model rethinks when its score
/// falls; without a model: the first box is the bounding box of the object's ground-truth mask in the first frame),
/// each frame's box becomes a mask through <see cref="ReferringRunOptions.Segmenter"/>, and the video's objects are
/// merged into one palette PNG per frame (<c>&lt;out&gt;/&lt;name&gt;/masks/&lt;video&gt;/&lt;frame&gt;.png</c>, pixel = object id,
/// overlaps by <see cref="ReferringRunOptions.Overlap"/>) that the davis2017 evaluation reads.
/// <para>Writes atomically: each object's boxes, scores, times and reasoning log go to <c>boxes/</c> as in a dataset
/// run; a video's PNGs are written into a '.'-named temporary folder published by renaming. A video is done (and
/// resumed) when its folder holds one PNG per frame and the folder's configuration record
/// (<see cref="RunConfiguration"/>, <c>&lt;out&gt;/&lt;name&gt;/reasontrack-run.json</c>) matches; another
/// configuration's folder is refused. An object whose tracking fails (a frame unreadable, the model unreachable,
/// too many failed calls) fails its video: the video's masks are not published and the run reports it.</para>
/// </summary>
public sealed class ReferringRun
{
    private readonly List<ReferringVideo> _todo;

    private ReferringRun(ReferringRunOptions options, RunConfiguration configuration, List<ReferringVideo> todo, int resumed)
    {
        Options = options;
        Configuration = configuration;
        _todo = todo;
        Resumed = resumed;
    }

    public ReferringRunOptions Options { get; }

    public RunConfiguration Configuration { get; }

    public IReadOnlyList<ReferringVideo> Todo => _todo;

    public int Resumed { get; }

    /// <summary>The pixel ids of a video's results: each expression's single object id (Refer-DAVIS17 names one object per expression).</summary>
    public static int ObjectIdOf(ReferringExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        int id = expression.ObjectId;
        if (id is < 1 or > 254) throw new ReasonTrackException($"object id {id} of expression {expression.Id} does not fit a DAVIS PNG (1..254)");
        return id;
    }

    /// <summary>Checks the options and the tracker, compares the configuration with the recorded one, decides what to resume. Writes nothing.</summary>
    /// <exception cref="RunConfigurationMismatchException">Resuming over another (or an unrecorded) configuration's results.</exception>
    public static ReferringRun Prepare(ReferringRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Jobs < 1) throw new InvalidSettingException("jobs", "jobs must be at least 1");
        if (options.ResultName.Length == 0 || options.ResultName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            throw new InvalidSettingException("name", $"result name '{options.ResultName}' cannot be a file name");
        var ds = options.Dataset;
        if (ds.Protocol is not ("davis2017" or "per-expression"))
            throw new ReasonTrackException($"{ds.DisplayName} is scored {ds.Protocol}, which ReferringRun does not write results for");
        if (options.Reasoning is { } r && r.Setup.Kind != ReasonerKind.Instruction)
            throw new ReasonTrackException($"a referring benchmark runs in the instruction mode (each expression is the instruction), not {r.Setup.Kind.ToString().ToLowerInvariant()}");
        if (Merged(ds))
            foreach (var v in ds.Videos)
                foreach (var e in v.Expressions) ObjectIdOf(e);
        foreach (var v in ds.Videos)
            foreach (var e in v.Expressions)
                if (e.Id.Length == 0 || e.Id.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                    throw new ReasonTrackException($"expression id '{e.Id}' of video {v.Name} cannot be a folder name");
        if (options.Reasoning is null && ds.Videos.FirstOrDefault(v => v.GroundTruth is null) is { } blind)
            throw new ReasonTrackException($"{ds.DisplayName}: video {blind.Name} has no ground truth to start its objects from; use the instruction mode (--reasoner instruction: a model grounds each expression)");
        RunConfiguration configuration;
        using (var probe = TrackerRegistry.Create(options.TrackerKey, options.Settings, options.Context))
        {
            if (options.Segmenter.Kind == SegmenterKind.None && probe is not IMaskTracker)
                throw new InvalidSettingException("segmenter", $"tracker {options.TrackerKey} gives boxes only: a referring benchmark is scored on masks, choose a segmenter (box, colour, onnx:...)");
            configuration = RunConfiguration.For(RecordOptions(options), probe);
        }
        var todo = new List<ReferringVideo>();
        int resumed = 0;
        if (options.Resume) CheckRecord(options, configuration);
        foreach (var v in ds.Videos)
        {
            if (options.Resume && IsDone(options, v)) { resumed++; continue; }
            todo.Add(v);
        }
        return new ReferringRun(options, configuration, todo, resumed);
    }

    /// <summary>
    /// The options as a dataset run's, for the configuration record: the instruction recorded is where the
    /// per-object instructions came from (the benchmark, split and expression set), and the overlap rule is
    /// recorded in the layout.
    /// </summary>
    private static RunOptions RecordOptions(ReferringRunOptions o)
    {
        var ds = o.Dataset;
        string source = $"per object: {ds.Key} {ds.Split} {ds.ExpressionSet}";
        return new RunOptions
        {
            Dataset = ds.ToDataset(),
            TrackerKey = o.TrackerKey,
            Settings = o.Settings,
            Context = o.Context,
            OutputDirectory = o.BoxesDirectory,
            ResultName = o.ResultName,
            Segmenter = o.Segmenter,
            Reasoning = o.Reasoning is { } r ? r with { Setup = r.Setup with { Instruction = source } } : null,
        };
    }

    private static void CheckRecord(ReferringRunOptions options, RunConfiguration configuration)
    {
        var existing = RunConfiguration.Read(options.ResultsDirectory);
        if (existing is null)
        {
            if (Directory.Exists(options.MasksDirectory) && Directory.EnumerateDirectories(options.MasksDirectory).Any(d => !Path.GetFileName(d).StartsWith('.')))
                throw new RunConfigurationMismatchException(
                    $"{options.ResultsDirectory} holds masks but no {RunConfiguration.FileName} saying what made them; this run is {configuration.Summary()}. " +
                    "Refusing to resume over them: use another results folder or name, or run again without resuming",
                    options.ResultsDirectory, null, configuration, []);
            return;
        }
        var differences = existing.Differences(configuration);
        if (differences.Count > 0)
            throw new RunConfigurationMismatchException(
                $"results in {options.ResultsDirectory} were made by another configuration: recorded {existing.Summary()}; this run {configuration.Summary()}\n  differing: " +
                string.Join("\n  differing: ", differences), options.ResultsDirectory, existing, configuration, differences);
    }

    /// <summary>
    /// Whether the benchmark's results are one label map per frame merging the objects (Refer-DAVIS17, davis2017) or
    /// one binary mask per expression and frame (Refer-YouTube-VOS, MeViS: <c>masks/&lt;video&gt;/&lt;expression id&gt;/&lt;frame&gt;.png</c>,
    /// 0/255 greyscale, the layout their servers and MeViS's <c>eval_mevis.py</c> read).
    /// </summary>
    public static bool Merged(ReferringDataset dataset) => dataset.Protocol == "davis2017";

    /// <summary>The result folder of one expression in the per-expression layout.</summary>
    public static string ExpressionFolder(ReferringRunOptions options, ReferringVideo video, ReferringExpression expression) =>
        Path.Combine(options.MasksDirectory, video.Name, expression.Id);

    /// <summary>The mask folder of a video.</summary>
    public static string MaskFolder(ReferringRunOptions options, ReferringVideo video) => Path.Combine(options.MasksDirectory, video.Name);

    private static bool IsDone(ReferringRunOptions options, ReferringVideo v)
    {
        if (!Merged(options.Dataset))
            return v.Expressions.All(e => v.FrameNames.All(f => File.Exists(Path.Combine(ExpressionFolder(options, v, e), f + ".png"))));
        string folder = MaskFolder(options, v);
        return Directory.Exists(folder) && v.FrameNames.All(f => File.Exists(Path.Combine(folder, f + ".png")));
    }

    /// <summary>Records the configuration and tracks <see cref="Todo"/>; <paramref name="videoDone"/> is called after each video (from worker threads).</summary>
    /// <exception cref="VlmRequestException">The server could not be reached at all.</exception>
    public ReferringRunResult Run(Action<ReferringVideo>? videoDone = null)
    {
        var o = Options;
        var failures = new ConcurrentBag<SequenceFailure>();
        var warnings = new ConcurrentQueue<string>();
        long frames = 0;
        double seconds = 0;
        var gate = new object();
        if (_todo.Count > 0)
        {
            Directory.CreateDirectory(o.ResultsDirectory);
            Configuration.Write(o.ResultsDirectory);
        }
        VlmRequestException? unreachable = null;
        Parallel.ForEach(_todo, new ParallelOptions { MaxDegreeOfParallelism = o.Jobs }, (v, loop) =>
        {
            try
            {
                var (f, s) = TrackVideo(v, failures, warnings);
                lock (gate) { frames += f; seconds += s; }
            }
            catch (VlmRequestException e) when (e.IsUnreachable)
            {
                Interlocked.CompareExchange(ref unreachable, e, null);
                loop.Stop();
                return;
            }
            videoDone?.Invoke(v);
        });
        if (unreachable is not null) throw unreachable;
        return new ReferringRunResult(Resumed, _todo.Count, failures.OrderBy(f => f.Sequence, StringComparer.Ordinal).ToList(), frames, seconds, warnings.ToList(), o.MasksDirectory);
    }

    private (long Frames, double Seconds) TrackVideo(ReferringVideo v, ConcurrentBag<SequenceFailure> failures, ConcurrentQueue<string> warnings)
    {
        var o = Options;
        var objects = new List<(int Id, SequenceMasks? Masks)>();
        long frames = 0;
        double seconds = 0;
        bool failed = false;
        bool merged = Merged(o.Dataset);
        foreach (var e in v.Expressions)
        {
            // Merged: the object's id is its pixel value; per expression: each expression's mask is object 1 of its own folder.
            int id = merged ? ObjectIdOf(e) : 1;
            string name = merged ? $"{v.Name}_{id}" : $"{v.Name}_{e.Id}";
            try
            {
                var (masks, outcome, modelFailure) = TrackObject(v, e, id, name);
                frames += outcome.Frames;
                seconds += outcome.Times.Sum();
                foreach (var w in outcome.Warnings) warnings.Enqueue($"{name}: {w}");
                string boxes = ResultWriter.PathFor(ResultLayout.Plain, o.BoxesDirectory, o.ResultName, name);
                if (modelFailure is not null)
                {
                    FailedSequenceMarker.Write(boxes, modelFailure);
                    failures.Add(new SequenceFailure(name, modelFailure, ModelFailure: true));
                    failed = true;
                }
                else FailedSequenceMarker.Clear(boxes);
                if (merged) objects.Add((id, masks));
                else if (modelFailure is null) WriteExpression(v, e, masks);
            }
            catch (VlmRequestException ex) when (ex.IsUnreachable)
            {
                throw;
            }
            catch (Exception ex) when (UserFacingErrors.IsUserFacing(ex))
            {
                failures.Add(new SequenceFailure(name, ex.Message));
                failed = true;
            }
        }
        if (!failed && merged) WriteMasks(v, objects);
        return (frames, seconds);
    }

    private (SequenceMasks? Masks, TrackingOutcome Outcome, string? ModelFailure) TrackObject(ReferringVideo v, ReferringExpression e, int id, string name)
    {
        var o = Options;
        var paths = v.Frames;
        if (paths.Count != v.FrameNames.Count)
            throw new DataFormatException(v.Name, $"has {v.FrameNames.Count} frame names but {paths.Count} frame files");
        string boxes = ResultWriter.PathFor(ResultLayout.Plain, o.BoxesDirectory, o.ResultName, name);
        using var tracker = TrackerRegistry.Create(o.TrackerKey, o.Settings, o.Context);
        using var recorder = new MaskRecorder(tracker, o.Segmenter, id);
        using var source = FfmpegFrameSource.FromImages(paths, new FrameSourceOptions { Name = name, Format = PixelFormat.Rgb24 });
        TrackingOutcome outcome;
        string? modelFailure = null;
        if (o.Reasoning is { } r)
        {
            // The expression is the instruction; no initial box: the instruction reasoner grounds it on the first frame.
            var setup = r.Setup with { Instruction = e.Text };
            var tracked = ReasoningTracking.Track(setup, r.Client, tracker, source, null, null, boxes, masks: recorder);
            outcome = tracked.Outcome;
            modelFailure = o.FailurePolicy.Judge(tracked.Calls);
        }
        else outcome = SequenceTracking.Run(tracker, source, FirstBox(v, e), recorder.Before(null));
        TrackingOutputs.Write(outcome, o.BoxesDirectory, ResultLayout.Plain, o.ResultName);
        return (recorder.Masks, outcome, modelFailure);
    }

    /// <summary>The semi-supervised start: the bounding box of the object's ground-truth mask in the first frame.</summary>
    private static Box FirstBox(ReferringVideo v, ReferringExpression e)
    {
        var gt = v.GroundTruth ?? throw new ReasonTrackException($"{v.Name}: no ground truth to start object {e.Id} from; use the instruction mode (a model grounds the expression)");
        var m = gt.MaskOf(e, 0) ?? throw new DataFormatException(gt.Location, $"no first-frame mask ({v.FrameNames[0]}.png) to start object {e.Id} from");
        if (m.IsEmpty) throw new DataFormatException(gt.Location, $"object {e.Id} is not in the first frame ({v.FrameNames[0]}.png): nothing to start it from");
        return m.BoundingBox;
    }

    /// <summary>One expression's masks as 0/255 greyscale PNGs, one per frame (empty where none was made), published atomically.</summary>
    private void WriteExpression(ReferringVideo v, ReferringExpression e, SequenceMasks? masks)
    {
        var (width, height) = masks is { } m0 ? (m0.Width, m0.Height) : FrameSize(v);
        var dense = new byte[width * height];
        AtomicFolder.Publish(ExpressionFolder(Options, v, e), tmp =>
        {
            for (int f = 0; f < v.FrameNames.Count; f++)
            {
                Array.Clear(dense);
                if (masks?.Get(f, 1) is { } m) m.PaintInto(dense, 255);
                File.WriteAllBytes(Path.Combine(tmp, v.FrameNames[f] + ".png"), PngEncoder.Encode(dense, width, height, PixelFormat.Gray8));
            }
        });
    }

    private static (int Width, int Height) FrameSize(ReferringVideo v)
    {
        if (!ImageHeader.TryRead(File.ReadAllBytes(v.Frames[0]), out var header)) throw new DataFormatException(v.Frames[0], "cannot read the frame's size");
        return (header.Width, header.Height);
    }

    /// <summary>Merges the objects into one label map per frame and publishes the video's folder atomically.</summary>
    private void WriteMasks(ReferringVideo v, List<(int Id, SequenceMasks? Masks)> objects)
    {
        var o = Options;
        int width = 0, height = 0;
        foreach (var (_, m) in objects)
            if (m is not null) { width = m.Width; height = m.Height; break; }
        if (width == 0)
        {
            // No object got any mask: the frames' size comes from the first frame's header.
            if (!ImageHeader.TryRead(File.ReadAllBytes(v.Frames[0]), out var header)) throw new DataFormatException(v.Frames[0], "cannot read the frame's size");
            (width, height) = (header.Width, header.Height);
        }
        // Painted in the order that leaves the winner on top: descending ids when the lower id wins.
        var order = o.Overlap == MaskOverlapRule.LowerIdWins ? objects.OrderByDescending(x => x.Id) : objects.OrderBy(x => x.Id);
        var painted = order.ToList();
        AtomicFolder.Publish(MaskFolder(o, v), tmp =>
        {
            var map = new LabelMap(width, height);
            for (int f = 0; f < v.FrameNames.Count; f++)
            {
                map.Labels.Clear();
                foreach (var (id, masks) in painted)
                    if (masks?.Get(f, id) is { } m) map.Paint(m, (byte)id);
                IndexedPngWriter.Write(Path.Combine(tmp, v.FrameNames[f] + ".png"), map.Labels, width, height);
            }
        });
    }
}
