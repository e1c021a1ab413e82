using System.Collections.Concurrent;
using ReasonTrack.Datasets;
using ReasonTrack.IO;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Results;
using ReasonTrack.Trackers;

namespace ReasonTrack.Runs;

/// <summary>
/// A tracker (with or without reasoning) over a dataset: decides what to resume, tracks the rest in parallel, writes
/// results atomically and collects failures.
/// <para>Resume rule: results are tied to the <see cref="RunConfiguration"/> recorded beside them. A sequence is done
/// when its boxes have one row per ground-truth row, its reasoning log and descriptions exist (with reasoning), it
/// carries no <see cref="FailedSequenceMarker"/>, and the folder's record matches this run's configuration. A folder
/// recorded with a different configuration is refused (<see cref="RunConfigurationMismatchException"/>, naming both and
/// the differing fields); so is a folder holding results but no record (results made before configurations were
/// recorded: nothing tells what made them). Without resuming everything is tracked again and the record replaced.</para>
/// <para>Failure rule: a sequence whose model calls failed under <see cref="RunOptions.FailurePolicy"/> keeps its boxes
/// for inspection but is a failure (marker written, not resumed). A server that cannot be reached at all on the first
/// call stops the whole run at once (<see cref="VlmRequestException.IsUnreachable"/>).</para>
/// </summary>
public sealed class DatasetRunner
{
    private readonly List<Sequence> _todo;
    private long _frames;
    private double _trackingSeconds;
    private readonly object _gate = new();

    private DatasetRunner(RunOptions options, RunConfiguration configuration, List<Sequence> todo, int resumed)
    {
        Options = options;
        Configuration = configuration;
        _todo = todo;
        Resumed = resumed;
    }

    public RunOptions Options { get; }

    /// <summary>This run's configuration (written beside the results when the run starts).</summary>
    public RunConfiguration Configuration { get; }

    /// <summary>The shard's sequences still to track.</summary>
    public IReadOnlyList<Sequence> Todo => _todo;

    /// <summary>The shard's sequences already done under the same configuration.</summary>
    public int Resumed { get; }

    /// <summary>Frames tracked so far (safe to read while <see cref="Run"/> runs).</summary>
    public long Frames { get { lock (_gate) return _frames; } }

    /// <summary>Seconds of tracking work so far (decoding excluded).</summary>
    public double TrackingSeconds { get { lock (_gate) return _trackingSeconds; } }

    /// <summary>
    /// Checks the tracker, its settings and the reasoning setup, computes the configuration, compares it with the one
    /// recorded beside existing results and decides which sequences to track. Nothing is written yet.
    /// </summary>
    /// <exception cref="RunConfigurationMismatchException">Resuming over results of another (or an unknown) configuration.</exception>
    public static DatasetRunner Prepare(RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Jobs < 1) throw new InvalidSettingException("jobs", "jobs must be at least 1");
        if (options.ShardCount < 1 || options.ShardIndex < 0 || options.ShardIndex >= options.ShardCount)
            throw new InvalidSettingException("shard", $"shard {options.ShardIndex}/{options.ShardCount} is not 0 <= i < N");
        if (options.ResultName.Length == 0 || options.ResultName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            throw new InvalidSettingException("name", $"result name '{options.ResultName}' cannot be a file name");
        RunConfiguration configuration;
        // Fail on bad settings (and missing model files) before any work starts.
        using (var probe = TrackerRegistry.Create(options.TrackerKey, options.Settings, options.Context))
            configuration = RunConfiguration.For(options, probe);
        // The segmenter too (a missing or unreadable ONNX file is refused naming it, before any sequence fails on it).
        using (options.Segmenter.Create()) { }
        var ds = options.Dataset;
        if (options.Reasoning is { } r && ds.Sequences.Count > 0)
            ReasoningSetup.Validate(r.Setup, !r.Grounded, r.Text ?? ds.Sequences.Select(s => s.LanguageAs(ReasoningSetup.LanguageReadingFor(r.Setup))).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)));

        var mine = options.ShardSequences;
        if (options.Resume) CheckRecord(options, configuration, mine);
        var todo = new List<Sequence>();
        int resumed = 0;
        foreach (var s in mine)
        {
            if (options.Resume && IsDone(options, s)) { resumed++; continue; }
            todo.Add(s);
        }
        return new DatasetRunner(options, configuration, todo, resumed);
    }

    private static void CheckRecord(RunOptions options, RunConfiguration configuration, IReadOnlyList<Sequence> mine)
    {
        string dir = options.ResultsDirectory;
        var existing = RunConfiguration.Read(dir);
        if (existing is null)
        {
            // Results from before configurations were recorded (or copied in by hand): nothing says what made them, so
            // they are not taken over silently. A folder without any of this run's result files is simply new.
            // Only this shard's own sequences are looked at: another shard starting at the same moment may already
            // have filed results of its sequences before this shard reads the record it wrote first (see ClaimRecord).
            var found = mine.Select(s => BoxesPath(options, s)).Where(File.Exists).ToList();
            if (found.Count == 0) return;
            throw new RunConfigurationMismatchException(
                $"{dir} holds results ({found.Count} of this run's sequence(s), e.g. {found[0]}) but no {RunConfiguration.FileName} saying what made them " +
                $"(results from before configurations were recorded); this run is {configuration.Summary()}. Refusing to resume over them: " +
                "use another results folder or name, or track again without resuming to replace them",
                dir, null, configuration, []);
        }
        var differences = existing.Differences(configuration);
        if (differences.Count > 0) throw Mismatch(dir, existing, configuration, differences);
    }

    private static RunConfigurationMismatchException Mismatch(string dir, RunConfiguration existing, RunConfiguration configuration, IReadOnlyList<string> differences) =>
        new($"results in {dir} were made by another configuration: recorded {existing.Summary()}; this run {configuration.Summary()}\n" +
            "  differing: " + string.Join("\n  differing: ", differences) + "\n" +
            "file this configuration under another results folder or name, or track again without resuming to replace them",
            dir, existing, configuration, differences);

    /// <summary>How long a shard waits for another shard's hold on the record's lock (a read and one small write).</summary>
    private static readonly TimeSpan RecordLockTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Records this run's configuration beside the results before any result is written, safely against other shards
    /// writing into the same folder at the same moment.
    /// <para>Rule (ours): the first configuration recorded in a folder wins. Under an exclusive lock across processes
    /// (<see cref="FileLock"/> on <see cref="RunConfiguration.LockPath"/>) the record is read; if absent it is created
    /// without replacing (<see cref="RunConfiguration.TryCreate"/>; even without working locks only one creator can
    /// succeed), and then read back. A record equal to this run's (<see cref="RunConfiguration.Differences"/>: the
    /// version is not compared) is left as it is, never rewritten, so an identical record from another shard is
    /// accepted and its bytes stay the first writer's. A different one is refused
    /// (<see cref="RunConfigurationMismatchException"/> naming both) before this run writes anything: of two shards
    /// started together with different configurations exactly one runs. Prepare's check alone is not enough for this:
    /// two shards can both find no record there.</para>
    /// <para>Without resuming (<see cref="RunOptions.Resume"/> false) the record is replaced, as before: such a run takes
    /// the folder over, so shards sharing a folder must resume (the default).</para>
    /// </summary>
    private void ClaimRecord()
    {
        string dir = Options.ResultsDirectory;
        Directory.CreateDirectory(dir);
        using var held = FileLock.Acquire(RunConfiguration.LockPath(dir), RecordLockTimeout);
        if (!Options.Resume)
        {
            Configuration.Write(dir);
            return;
        }
        if (RunConfiguration.Read(dir) is null) Configuration.TryCreate(dir);
        var recorded = RunConfiguration.Read(dir)
            ?? throw new ReasonTrackException($"{Path.Combine(dir, RunConfiguration.FileName)} vanished while this run recorded its configuration (removed by another process?)");
        var differences = recorded.Differences(Configuration);
        if (differences.Count > 0) throw Mismatch(dir, recorded, Configuration, differences);
    }

    /// <summary>Where a sequence's boxes go.</summary>
    public static string BoxesPath(RunOptions options, Sequence sequence)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sequence);
        return ResultWriter.PathFor(options.Layout, options.OutputDirectory, options.ResultName, sequence.Name);
    }

    private static bool IsDone(RunOptions options, Sequence s)
    {
        string path = BoxesPath(options, s);
        if (FailedSequenceMarker.Exists(path) || !IsComplete(path, s.Length)) return false;
        // With a segmenter, a sequence is done only when its masks were written too.
        if (options.Segmenter.Kind != Segmentation.SegmenterKind.None && !MaskOutputs.Complete(path, s.Name, s.Length)) return false;
        if (options.Reasoning is null) return true;
        // With reasoning, a sequence is done only when its reasoning log and descriptions were written too.
        return ReasoningOutputs.Beside(path, s.Name).Exist;
    }

    private static bool IsComplete(string path, int rows)
    {
        if (!File.Exists(path)) return false;
        try
        {
            return NumericTable.Read(path, NumericTableOptions.Dlmread).RowCount == rows;
        }
        catch (DataFormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// Records the configuration beside the results and tracks <see cref="Todo"/>, <see cref="RunOptions.Jobs"/> at a
    /// time; <paramref name="sequenceDone"/> is called (from worker threads) after each sequence.
    /// <para>Several shards may run into one folder at once (see <see cref="ClaimRecord"/> for the record). What each
    /// writes is safe by construction: every file is per sequence (boxes, <c>_scores.txt</c>, <c>_time.txt</c>,
    /// <c>_reasoning.jsonl</c>, <c>_descriptions.txt</c>, the <c>.failed</c> marker) and shards own disjoint sequences
    /// (<see cref="RunOptions.ShardSequences"/>), each file is written atomically (temporary file + rename), and
    /// nothing per folder is written besides the record: the evaluation of a shard is returned, never filed.</para>
    /// </summary>
    /// <exception cref="RunConfigurationMismatchException">Another configuration recorded the folder first (another shard started at the same moment).</exception>
    /// <exception cref="VlmRequestException">The server could not be reached at all (the run stops at the first call).</exception>
    public RunSummary Run(Action<Sequence>? sequenceDone = null)
    {
        var o = Options;
        var failures = new ConcurrentBag<SequenceFailure>();
        var warnings = new ConcurrentQueue<string>();
        if (_todo.Count > 0) ClaimRecord();
        VlmRequestException? unreachable = null;
        Parallel.ForEach(_todo, new ParallelOptions { MaxDegreeOfParallelism = o.Jobs }, (s, loop) =>
        {
            try
            {
                TrackOne(s, failures, warnings);
            }
            catch (VlmRequestException e) when (e.IsUnreachable)
            {
                Interlocked.CompareExchange(ref unreachable, e, null);
                loop.Stop();
                return;
            }
            sequenceDone?.Invoke(s);
        });
        if (unreachable is not null) throw unreachable;
        return new RunSummary(Resumed, _todo.Count, failures.OrderBy(f => f.Sequence, StringComparer.Ordinal).ToList(), Frames, TrackingSeconds, warnings.ToList());
    }

    private void TrackOne(Sequence s, ConcurrentBag<SequenceFailure> failures, ConcurrentQueue<string> warnings)
    {
        var o = Options;
        string boxes = BoxesPath(o, s);
        try
        {
            if (s.Frames.Count < s.Length)
                throw new DataFormatException(s.GroundTruthPath ?? s.Name, $"has {s.Length} ground-truth rows but {s.Frames.Count} frame files (frames are needed: the toolkit layout holds annotations only)");
            using var tracker = TrackerRegistry.Create(o.TrackerKey, o.Settings, o.Context);
            using var masks = new Segmentation.MaskRecorder(tracker, o.Segmenter);
            using var source = FfmpegFrameSource.FromImages(s.Frames.Take(s.Length), new FrameSourceOptions { Name = s.Name, Format = PixelFormat.Rgb24 });
            TrackingOutcome outcome;
            string? modelFailure = null;
            // Without reasoning a tracker that reads text gets the language file's first line, trimmed (DUTrack's
            // released loader, lib/test/utils/load_text.py load_str); visual-only trackers ignore it.
            if (o.Reasoning is not { } r) outcome = SequenceTracking.Run(tracker, source, s.GroundTruth[0], masks.Before(null), description: s.Language);
            else
            {
                string? description = r.Text ?? s.LanguageAs(ReasoningSetup.LanguageReadingFor(r.Setup));
                ReasoningSetup.Validate(r.Setup, !r.Grounded, description);
                var tracked = ReasoningTracking.Track(r.Setup, r.Client, tracker, source, r.Grounded ? null : s.GroundTruth[0], description, boxes, masks: masks);
                outcome = tracked.Outcome;
                modelFailure = o.FailurePolicy.Judge(tracked.Calls);
                if (modelFailure is null && tracked.Calls.Errors > 0) warnings.Enqueue($"{s.Name}: {tracked.Calls}");
            }
            TrackingOutputs.Write(outcome, o.OutputDirectory, o.Layout, o.ResultName);
            if (masks.Masks is { } made) MaskOutputs.Write(made, boxes, s.Name, outcome.Frames);
            if (modelFailure is not null)
            {
                FailedSequenceMarker.Write(boxes, modelFailure);
                failures.Add(new SequenceFailure(s.Name, modelFailure, ModelFailure: true));
            }
            else FailedSequenceMarker.Clear(boxes);
            lock (_gate)
            {
                _frames += outcome.Frames;
                _trackingSeconds += outcome.Times.Sum();
            }
            foreach (var w in outcome.Warnings) warnings.Enqueue($"{s.Name}: {w}");
            if (tracker is ITrackerMessages m)
                foreach (var w in m.Messages) warnings.Enqueue($"{s.Name}: {w}");
        }
        catch (VlmRequestException e) when (e.IsUnreachable)
        {
            throw;
        }
        catch (Exception e) when (UserFacingErrors.IsUserFacing(e))
        {
            failures.Add(new SequenceFailure(s.Name, e.Message));
        }
    }
}
