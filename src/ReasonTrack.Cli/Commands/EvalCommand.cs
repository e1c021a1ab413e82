using System.CommandLine;
using System.Diagnostics;
using ReasonTrack.Datasets;
using ReasonTrack.Datasets.Synthetic;
using ReasonTrack.Evaluation;
using ReasonTrack.Evaluation.Protocols;
using ReasonTrack.IO;
using ReasonTrack.Naming;
using ReasonTrack.Reports;
using ReasonTrack.Results;
using Spectre.Console;

namespace ReasonTrack.Cli.Commands;

/// <summary><c>reasontrack eval</c>: evaluates result folders on a dataset under a named protocol.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset", "-d")
        {
            Description = "Dataset key: lasot, tnllt, tnl2k, otb, got10k-val, vot, folder, davis2017 (masks) (see 'reasontrack datasets').",
        };
        var annotations = new Option<string>("--annotations", "--root", "-a")
        {
            Description = "The dataset's folder (annotations only are enough; either the dataset layout or the official toolkit layout).",
        };
        var results = new Option<string[]>("--results", "-r")
        {
            Description = "A tracker's results folder, or name=folder to set the display name; repeat for several trackers. " +
                          "Layouts detected: <seq>.txt, pytracking <param>[_NNN]/<seq>.txt, Matlab <Name>_tracking_result/, GOT-10k <seq>/<seq>_001.txt.",
            AllowMultipleArgumentsPerToken = true,
        };
        var protocol = new Option<string?>("--protocol", "-p")
        {
            Description = "Evaluation protocol: lasot-matlab, tnllt-matlab, tnl2k-matlab, otb, pytracking, got10k; davis2017 for masks (DAVIS PNG results <folder>/<seq>/<frame>.png). Default: the dataset's official toolkit.",
        };
        var davisSet = new Option<string?>("--set") { Description = "davis2017: the DAVIS set, ImageSets/2017/<set>.txt (default val); also names the CSVs (global_results-<set>.csv)." };
        var davisVoid = new Option<bool>("--void-excluded") { Description = "davis2017, ours: leave void (255) ground-truth pixels out of J and F. Default (toolkit): void counts as background, predictions on it are false positives." };
        var davisAllFrames = new Option<bool>("--score-first-last") { Description = "davis2017, ours: also score the first and last annotated frames (the toolkit drops both)." };
        var davisObjects = new Option<bool>("--objects-all-frames") { Description = "davis2017, ours: objects = highest id over all annotation frames (the toolkit: highest id of frame 0; later ids ignored)." };
        var davisNoWrap = new Option<bool>("--no-decay-uint8-wrap") { Description = "davis2017, ours: Decay bin edges as integers (the toolkit casts them to uint8, wrong above 256 scored frames)." };
        var davisIgnoreExtra = new Option<bool>("--ignore-extra-ids") { Description = "davis2017, ours: ignore result ids above the object count (255 included) with a warning. Default: an error naming the file (the toolkit stops, exit code 0)." };
        var sequences = new Option<string?>("--sequences", "-s") { Description = "A text file listing the sequences to evaluate, one per line (default: the dataset's test list)." };
        var outDir = new Option<string?>("--out", "-o") { Description = "Write the reports here: results.json, results.csv, sequences.csv, results.md, results.tex and plots/*.svg." };
        var json = new Option<string?>("--json") { Description = "Also write the JSON report to this file." };
        var allowMissing = new Option<bool>("--allow-missing") { Description = "Evaluate only the sequences every tracker has results for, instead of stopping." };
        var emptyResult = CliOptions.OptionalEnum("--empty-result", Names.EmptyResults,
            "An empty result file: 'toolkit' (the Matlab toolkits' behaviour: skip the sequence for this tracker and every later one), " +
            "'skip' (this tracker only) or 'error'. Default: the protocol's.");
        var example = new Option<bool>("--example")
        {
            Description = "Evaluate a bundled synthetic example (generated, no third-party data): LaSOT toolkit layout, three trackers, lasot-matlab.",
        };
        var jobs = CliOptions.Jobs("Sequences evaluated");
        var matlabGrid = new Option<bool>("--matlab-colon-grid")
        {
            Description = "Matlab protocols: build the success thresholds as Matlab's colon operator does (1 ulp off Octave's k*0.05 at 5 of 21 thresholds).",
        };
        var pytrackingDataset = new Option<string?>("--pytracking-dataset")
        {
            Description = "pytracking protocol: its dataset switch (lasot, uav, otb, ...). Default: the dataset key. 'uav' accepts NaN ground truth.",
        };

        var cmd = new Command("eval", "Evaluate tracker results on a dataset under a named protocol, print a ranked table and write reports.")
        {
            dataset, annotations, results, protocol, sequences, outDir, json, allowMissing, emptyResult, example, jobs, matlabGrid, pytrackingDataset,
            davisSet, davisVoid, davisAllFrames, davisObjects, davisNoWrap, davisIgnoreExtra,
        };

        cmd.WithExamples(
            "reasontrack eval --example",
            "reasontrack eval -d lasot -a /data/LaSOT -r results/nanotrack -r dcf=results/dcf -o out/report",
            "reasontrack eval -d davis2017 -a /data/DAVIS -r results/masks -r sam2=results/sam2 -p davis2017 --set val -o out/davis");
        cmd.SetAction(parse => CliErrors.Run(() =>
        {
            PhaseClock.Lap("command line parsed");
            var opts = new EvalArguments
            {
                Dataset = parse.GetValue(dataset),
                Annotations = parse.GetValue(annotations),
                Results = parse.GetValue(results) ?? [],
                Protocol = parse.GetValue(protocol),
                Sequences = parse.GetValue(sequences),
                Out = parse.GetValue(outDir),
                Json = parse.GetValue(json),
                AllowMissing = parse.GetValue(allowMissing),
                EmptyResult = parse.GetValue(emptyResult),
                Example = parse.GetValue(example),
                Jobs = parse.GetValue(jobs),
                MatlabColonGrid = parse.GetValue(matlabGrid),
                PytrackingDataset = parse.GetValue(pytrackingDataset),
            };
            var mask = new DavisEvalCommand.MaskArguments
            {
                Set = parse.GetValue(davisSet),
                VoidExcluded = parse.GetValue(davisVoid),
                ScoreFirstAndLast = parse.GetValue(davisAllFrames),
                ObjectsFromAllFrames = parse.GetValue(davisObjects),
                NoDecayUint8Wrap = parse.GetValue(davisNoWrap),
                IgnoreExtraIds = parse.GetValue(davisIgnoreExtra),
            };
            return Run(opts, mask);
        }));
        return cmd;
    }

    internal sealed record EvalArguments
    {
        public string? Dataset { get; init; }
        public string? Annotations { get; init; }
        public string[] Results { get; init; } = [];
        public string? Protocol { get; init; }
        public string? Sequences { get; init; }
        public string? Out { get; init; }
        public string? Json { get; init; }
        public bool AllowMissing { get; init; }
        public EmptyResultPolicy? EmptyResult { get; init; }
        public bool Example { get; init; }
        public int? Jobs { get; init; }
        public bool MatlabColonGrid { get; init; }
        public string? PytrackingDataset { get; init; }
    }

    internal static int Run(EvalArguments a, DavisEvalCommand.MaskArguments? mask = null)
    {
        if (a.Example)
        {
            string root = Path.GetFullPath(a.Annotations ?? Path.Combine("out", "example", "benchmark"));
            var (annos, resultsRoot) = ExampleBenchmark.Write(root);
            Console.WriteLine($"example: generated a synthetic LaSOT-layout benchmark in {annos}");
            a = a with
            {
                Dataset = "lasot",
                Annotations = annos,
                Results = ExampleBenchmark.Trackers.Select(t => Path.Combine(resultsRoot, t + "_tracking_result")).ToArray(),
                Out = a.Out ?? Path.Combine(Path.GetDirectoryName(root)!, "report"),
            };
        }
        if (string.IsNullOrWhiteSpace(a.Dataset)) throw new ReasonTrackException("--dataset is required (or --example)");
        if (string.IsNullOrWhiteSpace(a.Annotations)) throw new ReasonTrackException("--annotations is required: the dataset's folder");
        if (a.Results.Length == 0) throw new ReasonTrackException("--results is required: at least one tracker's results folder");

        var loader = DatasetRegistry.Get(a.Dataset);
        if (DavisEvalCommand.Applies(loader, a.Protocol)) return DavisEvalCommand.Run(loader, a, mask ?? new DavisEvalCommand.MaskArguments());
        if (loader is IMaskDatasetLoader) throw new ReasonTrackException($"dataset '{loader.Key}' has mask ground truth: evaluate it with -p davis2017 (or without -p)");
        IReadOnlyList<string>? list = null;
        if (a.Sequences is not null) list = ReadSequenceList(a.Sequences);
        var sw = Stopwatch.StartNew();
        var ds = loader.Load(a.Annotations, new DatasetLoadOptions { Sequences = list, ListFrames = false });
        foreach (var note in ds.Notes) Console.WriteLine($"note: {note}");
        PhaseClock.Lap("dataset loaded");

        var protocol = ProtocolRegistry.Get(a.Protocol ?? ds.DefaultProtocol, a.PytrackingDataset ?? ds.Key);
        if (a.MatlabColonGrid)
        {
            if (protocol is not MatlabToolkitProtocol m) throw new ReasonTrackException($"--matlab-colon-grid applies to the Matlab protocols, not {protocol.Key}");
            protocol = new MatlabToolkitProtocol(m.Options with { MatlabColonGrid = true });
            Console.WriteLine($"note: success thresholds built as Matlab's colon operator ({protocol.SuccessGrid.Construction})");
        }
        var names = ds.Sequences.Select(s => s.Name).ToList();
        var sources = new List<ResultSource>();
        foreach (var arg in a.Results)
        {
            var (name, dir) = ResultLocator.ParseArgument(arg);
            var src = ResultLocator.Locate(name, dir, names);
            foreach (var n in src.Notes) Console.WriteLine($"{name}: {n}");
            sources.Add(src);
        }
        var dup = sources.GroupBy(s => s.TrackerName).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ReasonTrackException($"two results folders have the display name '{dup.Key}'; name them with name=folder");

        PhaseClock.Lap("result files listed");
        var options = new EvaluationOptions
        {
            Missing = a.AllowMissing ? MissingResultPolicy.SkipSequence : MissingResultPolicy.Error,
            EmptyResults = a.EmptyResult,
            Parallelism = a.Jobs,
            Subset = list is null ? null : Path.GetFileNameWithoutExtension(a.Sequences),
        };

        EvaluationReport report;
        if (!Console.IsOutputRedirected && Interactive())
        {
            EvaluationReport? r = null;
            AnsiConsole.Progress().AutoClear(true).Start(ctx =>
            {
                var task = ctx.AddTask($"evaluating {sources.Count} tracker(s) on {names.Count} sequences ({protocol.Key})", maxValue: names.Count);
                r = Evaluator.Evaluate(ds, sources, protocol, options, new Progress<int>(d => task.Value = d));
                task.Value = names.Count;
            });
            report = r!;
        }
        else
        {
            report = Evaluator.Evaluate(ds, sources, protocol, options);
        }
        sw.Stop();
        PhaseClock.Lap("evaluated");

        foreach (var w in report.Warnings) Console.WriteLine($"warning: {w}");
        TerminalTable.Print(report);
        Console.WriteLine($"{names.Count} sequences, {sources.Count} tracker(s), protocol {protocol.Key}, {sw.Elapsed.TotalSeconds:0.00} s");
        PhaseClock.Lap("table printed");

        if (a.Out is not null)
        {
            var written = ReportSet.WriteAll(report, a.Out);
            Console.WriteLine($"reports: {written.Count} files in {Path.GetFullPath(a.Out)}");
            PhaseClock.Lap("reports written");
        }
        if (a.Json is not null)
        {
            AtomicFile.WriteAllBytes(a.Json, JsonReportWriter.WriteUtf8(report)); // the UTF-8 bytes as written (no round trip through a string)
            Console.WriteLine($"json: {Path.GetFullPath(a.Json)}");
            PhaseClock.Lap("json written");
        }
        return 0;
    }

    private static bool Interactive()
    {
        CliConsole.Ensure();
        return AnsiConsole.Profile.Capabilities.Interactive;
    }

    private static List<string> ReadSequenceList(string path)
    {
        if (!File.Exists(path)) throw new DataFormatException(path, "sequence list not found");
        var names = File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (names.Count == 0) throw new DataFormatException(path, "sequence list is empty");
        return names;
    }
}
