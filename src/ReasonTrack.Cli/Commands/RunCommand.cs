using System.Collections.Concurrent;
using System.CommandLine;
using System.Globalization;
using ReasonTrack.Datasets;
using ReasonTrack.Evaluation;
using ReasonTrack.Evaluation.Protocols;
using ReasonTrack.IO;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Results;
using ReasonTrack.Trackers;
using Spectre.Console;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// <c>reasontrack run</c>: a tracker over a whole dataset. Finished sequences are skipped (a result file with one row
/// per ground-truth row), results are written atomically, <c>--shard i/N</c> splits the work across machines, and the
/// evaluation table follows.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset", "-d") { Description = "Dataset key (see 'reasontrack datasets'); the dataset layout with frames is needed.", Required = true };
        var root = new Option<string>("--root", "-a") { Description = "The dataset's folder.", Required = true };
        var tracker = new Option<string>("--tracker", "-t") { Description = "Tracker name (see 'reasontrack trackers').", DefaultValueFactory = _ => "default" };
        var settings = new Option<string[]>("--set") { Description = "A tracker setting name=value; repeatable.", AllowMultipleArgumentsPerToken = true };
        var modelDir = new Option<string?>("--model-dir") { Description = "Folder of model files (NanoTrack's ONNX files)." };
        var outDir = new Option<string>("--out", "-o") { Description = "Results folder.", Required = true };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Sequences tracked in parallel.", DefaultValueFactory = _ => 1 };
        var shard = new Option<string?>("--shard") { Description = "i/N: track only sequences i, i+N, i+2N, ... (0-based), to split a dataset across machines." };
        var sequences = new Option<string?>("--sequences", "-s") { Description = "A text file listing the sequences to track, one per line." };
        var format = new Option<string>("--format") { Description = "Results layout: plain, pytracking, matlab, got10k, vptracker.", DefaultValueFactory = _ => "plain" };
        var noResume = new Option<bool>("--no-resume") { Description = "Track every sequence again even when its results exist." };
        var name = new Option<string?>("--name") { Description = "Name the results are filed under (default: the tracker; with --reasoner: r1track, vptracker or <tracker>-<reasoner>). Give each configuration its own name or --out, or resume will take one configuration's results for another's." };
        var cmd = new Command("run", "Run a tracker over a dataset (resumable, parallel, shardable), then print the evaluation.")
        {
            dataset, root, tracker, settings, modelDir, outDir, jobs, shard, sequences, format, noResume, name,
        };
        var reasoning = new ReasoningCliOptions();
        reasoning.AddTo(cmd);
        cmd.SetAction(parse => CliErrors.Run(() => Run(parse.GetValue(dataset)!, parse.GetValue(root)!, parse.GetValue(tracker)!, parse.GetValue(settings) ?? [],
            parse.GetValue(modelDir), parse.GetValue(outDir)!, parse.GetValue(jobs), parse.GetValue(shard), parse.GetValue(sequences), parse.GetValue(format)!, parse.GetValue(noResume),
            reasoning.Read(parse), parse.GetValue(name))));
        return cmd;
    }

    internal static (int Index, int Count) ParseShard(string? shard)
    {
        if (shard is null) return (0, 1);
        var parts = shard.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out int i) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out int n) && n > 0 && i >= 0 && i < n)
            return (i, n);
        throw new ArgumentException($"--shard must be i/N with 0 <= i < N, not '{shard}'");
    }

    private static int Run(string datasetKey, string root, string trackerName, string[] settings, string? modelDir, string outDir,
        int jobs, string? shardText, string? listFile, string format, bool noResume, ReasoningCliSelection? reasoning, string? name)
    {
        var layout = TrackCommand.ParseLayout(format);
        var (shardIndex, shardCount) = ParseShard(shardText);
        if (jobs < 1) throw new ArgumentException("--jobs must be at least 1");
        IReadOnlyList<string>? list = listFile is null ? null
            : File.ReadAllLines(listFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var ds = DatasetRegistry.Get(datasetKey).Load(root, new DatasetLoadOptions { Sequences = list, ListFrames = true });
        var parsedSettings = TrackerSettings.Parse(settings);
        var context = new TrackerContext { ModelDirectory = modelDir };
        string trackerKey = reasoning is null ? trackerName : ReasoningSetup.TrackerFor(reasoning.Setup.Kind, trackerName);
        string resultName = name ?? reasoning?.ResultName(trackerName) ?? trackerName;
        if (resultName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || resultName.Length == 0) throw new ArgumentException($"--name '{resultName}' cannot be a file name");
        bool grounded = reasoning is not null && reasoning.GroundInit && (reasoning.Text is not null || reasoning.Setup.Instruction is not null);
        // Fail on bad settings before any work starts.
        TrackerRegistry.Create(trackerKey, parsedSettings, context).Dispose();
        if (reasoning is not null && ds.Sequences.Count > 0)
            ReasoningSetup.Validate(reasoning.Setup, !grounded, reasoning.Text ?? ds.Sequences.Select(s => s.Language).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)));
        var (client, recorder) = reasoning is null ? (null, null) : reasoning.CreateClient();
        using var disposeRecorder = recorder;
        using var disposeClient = client;

        var mine = ds.Sequences.Where((_, i) => i % shardCount == shardIndex).ToList();
        var todo = new List<Sequence>();
        int resumed = 0;
        foreach (var s in mine)
        {
            string path = ResultWriter.PathFor(layout, outDir, resultName, s.Name);
            // With reasoning, a sequence is done only when its reasoning log and descriptions were written too.
            if (!noResume && IsComplete(path, s.Length) && (reasoning is null || ReasoningOutputsExist(path, s.Name))) { resumed++; continue; }
            todo.Add(s);
        }
        Console.WriteLine($"{ds.DisplayName}: {mine.Count} sequence(s) in shard {shardIndex}/{shardCount}; {resumed} already done, {todo.Count} to track with {resultName} ({jobs} in parallel)" +
                          (reasoning is null ? "" : $"; reasoning: {reasoning.Setup.Kind.ToString().ToLowerInvariant()} with {reasoning.Setup.Model} at {ReasonTrack.IO.UrlRedaction.Redact(reasoning.Client.BaseUrl)}, {reasoning.Setup.Schedule.ToString().ToLowerInvariant()}"));

        var failures = new ConcurrentBag<string>();
        long frames = 0;
        double trackingSeconds = 0;
        var gate = new object();
        void TrackOne(Sequence s)
        {
            try
            {
                if (s.Frames.Count < s.Length)
                    throw new DataFormatException(s.GroundTruthPath ?? s.Name, $"has {s.Length} ground-truth rows but {s.Frames.Count} frame files (frames are needed: the toolkit layout holds annotations only)");
                using var tracker = TrackerRegistry.Create(trackerKey, parsedSettings, context);
                using var source = FfmpegFrameSource.FromImages(s.Frames.Take(s.Length), new FrameSourceOptions { Name = s.Name, Format = PixelFormat.Rgb24 });
                TrackingOutcome outcome;
                if (reasoning is null) outcome = SequenceTracking.Run(tracker, source, s.GroundTruth[0]);
                else
                {
                    string? description = reasoning.Text ?? s.Language;
                    ReasoningSetup.Validate(reasoning.Setup, !grounded, description);
                    outcome = reasoning.Track(client!, tracker, source, grounded ? null : s.GroundTruth[0], description, ResultWriter.PathFor(layout, outDir, resultName, s.Name));
                }
                TrackingOutputs.Write(outcome, outDir, layout, resultName);
                lock (gate)
                {
                    frames += outcome.Frames;
                    trackingSeconds += outcome.Times.Sum();
                }
                foreach (var w in outcome.Warnings) Console.WriteLine($"warning: {s.Name}: {w}");
            }
            catch (Exception e) when (e is ArgumentException or DataFormatException or IOException or InvalidOperationException or MediaException or ReasonTrack.Reasoning.Vlm.VlmRequestException)
            {
                failures.Add($"{s.Name}: {e.Message}");
            }
        }

        if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive && todo.Count > 0)
        {
            AnsiConsole.Progress().AutoClear(false).Start(ctx =>
            {
                var task = ctx.AddTask($"{resultName} on {ds.DisplayName}", maxValue: todo.Count);
                Parallel.ForEach(todo, new ParallelOptions { MaxDegreeOfParallelism = jobs }, s =>
                {
                    TrackOne(s);
                    task.Increment(1);
                    lock (gate) task.Description = $"{resultName} on {ds.DisplayName}: {frames / Math.Max(1e-6, trackingSeconds):0} frames/s of tracking work";
                });
            });
        }
        else
        {
            Parallel.ForEach(todo, new ParallelOptions { MaxDegreeOfParallelism = jobs }, s =>
            {
                TrackOne(s);
                Console.WriteLine($"done: {s.Name}");
            });
        }
        if (frames > 0) Console.WriteLine($"tracked {frames} frames, {frames / Math.Max(1e-9, trackingSeconds):0.0} frames/s of tracking work (decoding excluded)");

        if (!failures.IsEmpty)
        {
            foreach (var f in failures.OrderBy(f => f, StringComparer.Ordinal)) Console.Error.WriteLine($"failed: {f}");
            throw new InvalidOperationException($"{failures.Count} of {todo.Count} sequence(s) failed; the others are saved and a rerun resumes");
        }

        // The evaluation of this shard's sequences, under the dataset's own protocol.
        var shardDataset = new Dataset(ds.Key, ds.DisplayName, ds.Root, mine) { AttributeNames = ds.AttributeNames, AttributeShortNames = ds.AttributeShortNames, DefaultProtocol = ds.DefaultProtocol };
        string resultsDir = layout == ResultLayout.Pytracking ? Path.Combine(outDir, resultName) : layout == ResultLayout.MatlabToolkit ? Path.Combine(outDir, resultName + "_tracking_result") : outDir;
        var source = ResultLocator.Locate(resultName, resultsDir, mine.Select(s => s.Name).ToList());
        var report = Evaluator.Evaluate(shardDataset, [source], ProtocolRegistry.Get(ds.DefaultProtocol, ds.Key));
        foreach (var w in report.Warnings) Console.WriteLine($"warning: {w}");
        TerminalTable.Print(report);
        return 0;
    }

    private static bool ReasoningOutputsExist(string boxesPath, string sequence)
    {
        string stem = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(boxesPath))!, sequence);
        return File.Exists(stem + "_reasoning.jsonl") && File.Exists(stem + "_descriptions.txt");
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
}
