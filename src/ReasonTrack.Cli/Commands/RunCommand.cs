using System.CommandLine;
using System.Globalization;
using ReasonTrack.Datasets;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Results;
using ReasonTrack.Runs;
using ReasonTrack.Trackers;
using Spectre.Console;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// <c>reasontrack run</c>: a tracker over a whole dataset, through the library's <see cref="BenchmarkRun"/> (resume
/// decision, configuration record, per-sequence tracking, failures, the evaluation of what was run, a fleet's figures);
/// this command parses, calls and prints. <c>--shard i/N</c> splits the work across machines.
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
        var jobs = CliOptions.Jobs("Sequences tracked");
        var shard = new Option<string?>("--shard") { Description = "i/N: track only sequences i, i+N, i+2N, ... (0-based), to split a dataset across machines." };
        var sequences = new Option<string?>("--sequences", "-s") { Description = "A text file listing the sequences to track, one per line." };
        var format = TrackCommand.FormatOption();
        var noResume = new Option<bool>("--no-resume") { Description = "Track every sequence again even when its results exist." };
        var report = new Option<string?>("--report") { Description = "Also write the HTML report of the run (leaderboard, plots, a page per sequence with video, charts and the reasoning timeline) to this folder." };
        var name = new Option<string?>("--name") { Description = "Name the results are filed under (default: the tracker; with --reasoner: r1track, vptracker or <tracker>-<reasoner>). The configuration is recorded beside the results; resuming over another configuration's results is refused." };
        var segmenter = CliOptions.Segmenter();
        var split = new Option<string?>("--split") { Description = "Referring benchmarks: the split (refer-davis17: val (default) or train; refer-youtube-vos: train (default, the only one with masks) or valid; mevis: valid_u (default), train or valid)." };
        var expressions = CliOptions.Enum("--expressions", ReasonTrack.Naming.Names.ReferDavisExpressions, "refer-davis17: the expression file (davis_text_annotations/): annot1 (Davis17_annot1.txt, first-frame, annotator 1), annot1-full (Davis17_annot1_full_video.txt), annot2, annot2-full (annotator 2, read as Latin-1).", ReasonTrack.Datasets.Referring.ReferDavisExpressions.Annotator1);
        var overlap = CliOptions.Enum("--overlap", ReasonTrack.Naming.Names.MaskOverlapRules, "Referring benchmarks: which object keeps a pixel two objects' masks cover in the merged DAVIS label map: lower-id (ReferFormer's inference_davis.py argmax rule) or higher-id (ours).", ReasonTrack.Runs.Referring.MaskOverlapRule.LowerIdWins);
        var maskAnnotations = CliOptions.MaskAnnotations();
        var cmd = new Command("run", "Run a tracker over a dataset (resumable, parallel, shardable), then print the evaluation.")
        {
            dataset, root, tracker, settings, modelDir, outDir, jobs, shard, sequences, format, noResume, name, report, segmenter, maskAnnotations, split, expressions, overlap,
        };
        var reasoning = new ReasoningCliOptions(hasInit: false);
        reasoning.AddTo(cmd);
        cmd.WithExamples(
            "reasontrack run -d lasot -a /data/LaSOT -o out/lasot -t nanotrack --set long-term=ours --model-dir models/nanotrack -j 4",
            "reasontrack run -d tnl2k -a /data/TNL2K -o out/tnl2k --reasoner reasoningtrack --model Qwen2.5-VL-7B-Instruct -j 6 --vlm-url http://gpu1:8000/v1 --vlm-url http://gpu2:8000/v1",
            "reasontrack run -d refer-davis17 -a /data/ref-davis -o out/refdavis --reasoner instruction --model Qwen2.5-VL-7B-Instruct --vlm-url http://gpu1:8000/v1 --segmenter colour --expressions annot1");
        cmd.SetAction(parse => CliErrors.Run(() => ReasonTrack.Datasets.DatasetRegistry.Get(parse.GetValue(dataset)!) is ReasonTrack.Datasets.Referring.IReferringDatasetLoader referring
            ? ReferringRunCommand.Run(referring, parse, root, tracker, settings, modelDir, outDir, jobs, shard, sequences, format, noResume, reasoning, name, report, segmenter, maskAnnotations, split, expressions, overlap)
            : RefuseReferringOptions(parse, split, expressions, overlap) ?? Run(parse.GetValue(dataset)!, parse.GetValue(root)!, parse.GetValue(tracker)!, parse.GetValue(settings) ?? [],
            parse.GetValue(modelDir), parse.GetValue(outDir)!, parse.GetValue(jobs), parse.GetValue(shard), parse.GetValue(sequences), parse.GetValue(format)!, parse.GetValue(noResume),
            reasoning.Read(parse), parse.GetValue(name), parse.GetValue(report), parse.GetValue(segmenter)!, parse.GetValue(maskAnnotations))));
        return cmd;
    }

    /// <summary>Null when no referring-only option was given to a box benchmark; else throws naming it.</summary>
    private static int? RefuseReferringOptions(ParseResult parse, params Option[] options)
    {
        foreach (var o in options)
            if (parse.GetResult(o) is { Implicit: false }) throw new ReasonTrackException($"{o.Name} only applies to the referring benchmarks (refer-davis17, refer-youtube-vos, mevis)");
        return null;
    }

    private const string Advice = "hint: give another --out (or another --name with --format pytracking or matlab, which file each name in its own folder), or --no-resume to track again and replace them";

    internal static (int Index, int Count) ParseShard(string? shard)
    {
        if (shard is null) return (0, 1);
        var parts = shard.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out int i) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out int n) && n > 0 && i >= 0 && i < n)
            return (i, n);
        throw new ReasonTrackException($"--shard must be i/N with 0 <= i < N, not '{shard}'");
    }

    private static int Run(string datasetKey, string root, string trackerName, string[] settings, string? modelDir, string outDir,
        int jobs, string? shardText, string? listFile, ResultLayout layout, bool noResume, ReasoningCliSelection? reasoning, string? name, string? reportDir,
        Segmentation.SegmenterOptions segmenter, string? maskAnnotations)
    {
        if (maskAnnotations is not null && reportDir is null) throw new ReasonTrackException("--mask-annotations is for the report: give --report too");
        if (maskAnnotations is not null && !Directory.Exists(maskAnnotations)) throw new ReasonTrackException($"--mask-annotations {maskAnnotations}: no such folder");
        var (shardIndex, shardCount) = ParseShard(shardText);
        if (jobs < 1) throw new ReasonTrackException("--jobs must be at least 1");
        IReadOnlyList<string>? list = listFile is null ? null
            : File.ReadAllLines(listFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var ds = DatasetRegistry.Get(datasetKey).Load(root, new DatasetLoadOptions { Sequences = list, ListFrames = true });
        string trackerKey = reasoning is null ? trackerName : ReasoningSetup.TrackerFor(reasoning.Setup.Kind, trackerName);
        string resultName = name ?? BenchmarkRun.DefaultResultName(trackerName, reasoning?.Setup.Kind);
        if (resultName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || resultName.Length == 0) throw new ReasonTrackException($"--name '{resultName}' cannot be a file name");
        var (client, fleet, recorder) = reasoning is null ? (null, null, null) : reasoning.CreateClient(line => Console.WriteLine($"vlm fleet: {line}"), outDir);
        using var disposeRecorder = recorder;
        using var disposeClient = client;
        var options = new RunOptions
        {
            Dataset = ds,
            TrackerKey = trackerKey,
            Settings = TrackerSettings.Parse(settings),
            Context = new TrackerContext { ModelDirectory = modelDir },
            OutputDirectory = outDir,
            ResultName = resultName,
            Layout = layout,
            Jobs = jobs,
            ShardIndex = shardIndex,
            ShardCount = shardCount,
            Resume = !noResume,
            Reasoning = reasoning is null ? null : new RunReasoning(reasoning.Setup, client!, reasoning.Text, reasoning.GroundInit),
            FailurePolicy = reasoning?.FailurePolicy ?? VlmFailurePolicy.Default,
            Segmenter = segmenter,
        };
        BenchmarkRun run;
        try
        {
            run = BenchmarkRun.Prepare(options);
        }
        catch (RunConfigurationMismatchException e)
        {
            throw e.WithAdvice(Advice);
        }
        var todo = run.Todo;
        Console.WriteLine($"{ds.DisplayName}: {run.Sequences.Count} sequence(s) in shard {shardIndex}/{shardCount}; {run.Resumed} already done, {todo.Count} to track with {resultName} ({jobs} in parallel)" +
                          (reasoning is null ? "" : $"; reasoning: {reasoning.Setup.Kind.ToString().ToLowerInvariant()} with {reasoning.Setup.Model} at {reasoning.ShownServers}, {reasoning.Setup.Schedule.ToString().ToLowerInvariant()}"));

        // A fleet's per-endpoint figures are written by the library beside the results when the run ends (also on failure); printed here.
        Action<ReasonTrack.Reasoning.Vlm.Fleet.VlmFleetStats, string> fleetFigures = ReasoningCliSelection.PrintFleet;
        BenchmarkRunResult result;
        // Another shard started at the same moment may record a different configuration first: refused the same way.
        try
        {
            if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive && todo.Count > 0)
            {
                BenchmarkRunResult? shown = null;
                AnsiConsole.Progress().AutoClear(false).Start(ctx =>
                {
                    var task = ctx.AddTask($"{resultName} on {ds.DisplayName}", maxValue: todo.Count);
                    var gate = new object();
                    shown = run.Run(new BenchmarkRunHooks
                    {
                        FleetFigures = fleetFigures,
                        SequenceDone = p =>
                        {
                            lock (gate)
                            {
                                task.Increment(1);
                                task.Description = $"{resultName} on {ds.DisplayName}: {p.FramesPerSecond:0} frames/s of tracking work";
                            }
                        },
                    });
                });
                result = shown!;
            }
            else result = run.Run(new BenchmarkRunHooks { FleetFigures = fleetFigures, SequenceDone = p => Console.WriteLine($"done: {p.Sequence.Name}") });
        }
        catch (RunConfigurationMismatchException e)
        {
            throw e.WithAdvice(Advice);
        }
        var summary = result.Summary;
        foreach (var w in summary.Warnings) Console.WriteLine($"warning: {w}");
        if (summary.Frames > 0) Console.WriteLine($"tracked {summary.Frames} frames, {summary.Frames / Math.Max(1e-9, summary.TrackingSeconds):0.0} frames/s of tracking work (decoding excluded)");

        if (!result.Succeeded)
        {
            foreach (var f in summary.Failures) Console.Error.WriteLine($"failed: {f}");
            bool model = summary.Failures.Any(f => f.ModelFailure);
            throw new RunFailedException($"{summary.Failures.Count} of {todo.Count} sequence(s) failed; the others are saved and a rerun resumes" +
                                         (model ? " (boxes of sequences whose model calls failed are kept, marked .failed, and tracked again on a rerun; --allow-vlm-failures counts them as done)" : ""),
                summary.Failures);
        }

        // The evaluation of this shard's sequences, under the dataset's own protocol (made by the library).
        var evaluation = result.Evaluation!;
        foreach (var w in evaluation.Warnings) Console.WriteLine($"warning: {w}");
        TerminalTable.Print(evaluation);
        if (reportDir is not null)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var written = new ReasonTrack.Reports.Html.HtmlReportBuilder(new ReasonTrack.Reports.Html.HtmlReportOptions
            {
                OutputDirectory = reportDir,
                Dataset = ds,
                Results = [run.ResultSource()],
                Parallelism = jobs,
                // Masks written beside the boxes (a segmenter, or a tracker sending masks) are overlaid; J with ground-truth masks.
                Masks = new ReasonTrack.Reports.Html.HtmlReportMasks { Annotations = maskAnnotations },
            }).Build(evaluation);
            ReportCommand.Print(written, started.Elapsed);
        }
        return 0;
    }
}
