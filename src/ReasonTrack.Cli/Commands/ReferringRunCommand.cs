using System.CommandLine;
using ReasonTrack.Datasets.Referring;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Results;
using ReasonTrack.Runs;
using ReasonTrack.Runs.Referring;
using ReasonTrack.Trackers;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// <c>reasontrack run</c> on a referring benchmark (refer-davis17): parses, calls the library's
/// <see cref="ReferringRun"/> (every object tracked, its boxes made masks, the objects merged into DAVIS label maps)
/// and <see cref="ReferringEvaluation"/> (the davis2017 toolkit's figures), prints.
/// </summary>
internal static class ReferringRunCommand
{
    public static int Run(IReferringDatasetLoader loader, ParseResult parse, Option<string> root, Option<string> tracker, Option<string[]> settings,
        Option<string?> modelDir, Option<string> outDir, Option<int> jobs, Option<string?> shard, Option<string?> sequences, Option<ResultLayout> format,
        Option<bool> noResume, ReasoningCliOptions reasoningOptions, Option<string?> name, Option<string?> report, Option<Segmentation.SegmenterOptions> segmenter,
        Option<string?> maskAnnotations, Option<string?> split, Option<ReferDavisExpressions> expressions, Option<MaskOverlapRule> overlap)
    {
        foreach (var o in new Option[] { shard, format, report, maskAnnotations, reasoningOptions.Instruction, reasoningOptions.Text, reasoningOptions.GroundInit })
            if (parse.GetResult(o) is { Implicit: false })
                throw new ReasonTrackException($"{o.Name} does not apply to {loader.Key}" + (o == reasoningOptions.Instruction || o == reasoningOptions.Text
                    ? ": each object's expression is its instruction" : o == format ? ": masks are written in the DAVIS layout" : ""));
        if (parse.GetResult(expressions) is { Implicit: false } && loader is not ReferDavisLoader)
            throw new ReasonTrackException($"--expressions only applies to refer-davis17 (its annotator files), not {loader.Key}");
        int jobCount = parse.GetValue(jobs);
        if (jobCount < 1) throw new ReasonTrackException("--jobs must be at least 1");
        string? listFile = parse.GetValue(sequences);
        IReadOnlyList<string>? list = listFile is null ? null
            : File.ReadAllLines(listFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var ds = loader.LoadReferring(parse.GetValue(root)!, new ReferringLoadOptions { Videos = list, Split = parse.GetValue(split), DavisExpressions = parse.GetValue(expressions) });
        foreach (var n in ds.Notes) Console.WriteLine($"note: {n}");
        var reasoning = reasoningOptions.Read(parse);
        string trackerName = parse.GetValue(tracker)!;
        string trackerKey = reasoning is null ? trackerName : ReasoningSetup.TrackerFor(reasoning.Setup.Kind, trackerName);
        string resultName = parse.GetValue(name) ?? BenchmarkRun.DefaultResultName(trackerName, reasoning?.Setup.Kind);
        string output = parse.GetValue(outDir)!;
        var (client, _, recorder) = reasoning is null ? (null, null, null) : reasoning.CreateClient(line => Console.WriteLine($"vlm fleet: {line}"), output);
        using var disposeRecorder = recorder;
        using var disposeClient = client;
        var options = new ReferringRunOptions
        {
            Dataset = ds,
            TrackerKey = trackerKey,
            Settings = TrackerSettings.Parse(parse.GetValue(settings) ?? []),
            Context = new TrackerContext { ModelDirectory = parse.GetValue(modelDir) },
            Segmenter = parse.GetValue(segmenter)!,
            Reasoning = reasoning is null ? null : new RunReasoning(reasoning.Setup, client!, null, GroundInit: true),
            FailurePolicy = reasoning?.FailurePolicy ?? VlmFailurePolicy.Default,
            OutputDirectory = output,
            ResultName = resultName,
            Overlap = parse.GetValue(overlap),
            Jobs = jobCount,
            Resume = !parse.GetValue(noResume),
        };
        ReferringRun run;
        try
        {
            run = ReferringRun.Prepare(options);
        }
        catch (RunConfigurationMismatchException e)
        {
            throw e.WithAdvice("hint: give another --out or --name, or --no-resume to run again and replace them");
        }
        int objects = run.Todo.Sum(v => v.Expressions.Count);
        Console.WriteLine($"{ds.DisplayName} {ds.Split} ({ds.ExpressionSet}): {ds.Videos.Count} video(s); {run.Resumed} already done, {run.Todo.Count} to run ({objects} object(s)) with {resultName}" +
                          (reasoning is null ? "; each object starts from its first-frame ground-truth box" : $"; instruction mode with {reasoning.Setup.Model} at {reasoning.ShownServers}, each expression grounded on the first frame") +
                          $"; masks: {options.Segmenter}");
        var result = run.Run(v => Console.WriteLine($"done: {v.Name}"));
        foreach (var w in result.Warnings) Console.WriteLine($"warning: {w}");
        if (result.Frames > 0) Console.WriteLine($"tracked {result.Frames} object-frames, {result.Frames / Math.Max(1e-9, result.TrackingSeconds):0.0} frames/s of tracking work (decoding excluded)");
        Console.WriteLine($"masks (DAVIS results layout): {result.MasksDirectory}");
        if (!result.Succeeded)
        {
            foreach (var f in result.Failures) Console.Error.WriteLine($"failed: {f}");
            throw new RunFailedException($"{result.Failures.Count} object(s) failed; their videos' masks were not written and a rerun tracks them again", result.Failures);
        }
        if (!ReferringRun.Merged(ds))
        {
            if (ds.Videos.Any(v => v.GroundTruth is null))
            {
                Console.WriteLine($"{ds.DisplayName} has no public masks: submit {result.MasksDirectory} (<video>/<expression id>/<frame>.png) to the benchmark's server");
                return 0;
            }
            foreach (string line in ReferringEvaluation.Describe(ExpressionEvaluation.Evaluate(ds, result.MasksDirectory), ds)) Console.WriteLine(line);
            return 0;
        }
        var evaluation = ReferringEvaluation.Evaluate(ds, result.MasksDirectory, resultName);
        foreach (string line in ReferringEvaluation.Describe(evaluation, ds)) Console.WriteLine(line);
        return 0;
    }
}
