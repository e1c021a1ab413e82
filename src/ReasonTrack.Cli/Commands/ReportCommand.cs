using System.CommandLine;
using System.Diagnostics;
using ReasonTrack.Datasets;
using ReasonTrack.Evaluation;
using ReasonTrack.Evaluation.Protocols;
using ReasonTrack.IO;
using ReasonTrack.Reports;
using ReasonTrack.Reports.Html;
using ReasonTrack.Results;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// <c>reasontrack report</c>: the HTML report (<see cref="HtmlReportBuilder"/>) of result folders evaluated on a dataset
/// (any layout <c>eval</c> reads), or of an evaluation JSON. Parses, calls the library, prints.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var results = new Option<string[]>("--results", "-r")
        {
            Description = "A tracker's results folder (name=folder to name it; any layout 'eval' reads), repeatable; or one evaluation JSON written by 'eval' (results.json: leaderboard, plots and attributes only).",
            AllowMultipleArgumentsPerToken = true,
            Required = true,
        };
        var dataset = new Option<string?>("--dataset", "-d") { Description = "Dataset key (see 'reasontrack datasets'); needed with result folders." };
        var annotations = new Option<string?>("--annotations", "--root", "-a") { Description = "The dataset's folder. With its frames, each sequence page gets an annotated video." };
        var protocol = new Option<string[]>("--protocol", "-p") { Description = "Evaluation protocol(s), repeatable: one leaderboard each. Default: the dataset's official toolkit.", AllowMultipleArgumentsPerToken = true };
        var runs = new Option<string[]>("--runs") { Description = "More folders with reasoning logs (<seq>_reasoning.jsonl, _descriptions.txt) as name=folder, name being the tracker they belong to; a tracker's own results folder is always searched.", AllowMultipleArgumentsPerToken = true };
        var masks = new Option<string[]>("--masks") { Description = "A tracker's masks as name=folder (DAVIS results layout, <folder>/<seq>/00000.png), when they are not beside its boxes (where track and run write them with a segmenter, found without this); repeatable.", AllowMultipleArgumentsPerToken = true };
        var maskAnnotations = CliOptions.MaskAnnotations();
        var outDir = new Option<string>("--out", "-o") { Description = "The folder to write the site to (open index.html).", Required = true };
        var sequences = new Option<string?>("--sequences", "-s") { Description = "A text file listing the sequences to include, one per line." };
        var allowMissing = new Option<bool>("--allow-missing") { Description = "Include only the sequences every tracker has results for, instead of stopping." };
        var noVideo = new Option<bool>("--no-video") { Description = "No annotated videos (faster; charts and timelines only)." };
        var title = new Option<string?>("--title") { Description = "Title of the pages." };
        var jobs = CliOptions.Jobs("Sequences evaluated and written");
        var cmd = new Command("report", "Write an HTML report (leaderboard, plots, attributes, a page per sequence with video, per-frame charts and the reasoning timeline); open index.html from disk.")
        {
            results, dataset, annotations, protocol, runs, masks, maskAnnotations, outDir, sequences, allowMissing, noVideo, title, jobs,
        };
        cmd.WithExamples(
            "reasontrack report -d otb -a ../shared/data/sequences -r results/dcf -r nano=results/nanotrack -o out/html",
            "reasontrack report -d otb -a data/seqs -r colour=out/colour -r box=out/box --mask-annotations data/davis/Annotations/480p -o out/html",
            "reasontrack report -r out/report/results.json -o out/html");
        cmd.SetAction(parse => CliErrors.Run(() => Run(new ReportArguments
        {
            Results = parse.GetValue(results) ?? [],
            Dataset = parse.GetValue(dataset),
            Annotations = parse.GetValue(annotations),
            Protocols = parse.GetValue(protocol) ?? [],
            Runs = parse.GetValue(runs) ?? [],
            Masks = parse.GetValue(masks) ?? [],
            MaskAnnotations = parse.GetValue(maskAnnotations),
            Out = parse.GetValue(outDir)!,
            Sequences = parse.GetValue(sequences),
            AllowMissing = parse.GetValue(allowMissing),
            NoVideo = parse.GetValue(noVideo),
            Title = parse.GetValue(title),
            Jobs = parse.GetValue(jobs),
        })));
        return cmd;
    }

    internal sealed record ReportArguments
    {
        public string[] Results { get; init; } = [];
        public string? Dataset { get; init; }
        public string? Annotations { get; init; }
        public string[] Protocols { get; init; } = [];
        public string[] Runs { get; init; } = [];
        public string[] Masks { get; init; } = [];
        public string? MaskAnnotations { get; init; }
        public required string Out { get; init; }
        public string? Sequences { get; init; }
        public bool AllowMissing { get; init; }
        public bool NoVideo { get; init; }
        public string? Title { get; init; }
        public int? Jobs { get; init; }
    }

    internal static int Run(ReportArguments a)
    {
        var sw = Stopwatch.StartNew();
        HtmlReportResult written;
        if (a.Results.Length == 1 && a.Results[0].EndsWith(".json", StringComparison.OrdinalIgnoreCase) && File.Exists(a.Results[0]))
        {
            var report = JsonReportReader.Read(a.Results[0]);
            written = new HtmlReportBuilder(new HtmlReportOptions { OutputDirectory = a.Out, Title = a.Title, Parallelism = a.Jobs }).Build(report);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(a.Dataset)) throw new ReasonTrackException("--dataset is required with result folders (or give one evaluation JSON)");
            if (string.IsNullOrWhiteSpace(a.Annotations)) throw new ReasonTrackException("--annotations is required: the dataset's folder");
            IReadOnlyList<string>? list = a.Sequences is null ? null
                : File.ReadAllLines(a.Sequences).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
            var ds = DatasetRegistry.Get(a.Dataset).Load(a.Annotations, new DatasetLoadOptions { Sequences = list, ListFrames = !a.NoVideo });
            foreach (var note in ds.Notes) Console.WriteLine($"note: {note}");
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
            var options = new EvaluationOptions
            {
                Missing = a.AllowMissing ? MissingResultPolicy.SkipSequence : MissingResultPolicy.Error,
                Parallelism = a.Jobs,
                Subset = list is null ? null : Path.GetFileNameWithoutExtension(a.Sequences),
            };
            var protocols = a.Protocols.Length == 0 ? [ds.DefaultProtocol] : a.Protocols;
            var reports = protocols.Select(p => Evaluator.Evaluate(ds, sources, ProtocolRegistry.Get(p, ds.Key), options)).ToList();
            foreach (var w in reports.SelectMany(r => r.Warnings)) Console.WriteLine($"warning: {w}");
            var reasoning = a.Runs.Select(ResultLocator.ParseArgument).Select(x => (x.Name, x.Directory)).ToList();
            var maskFolders = a.Masks.Select(ResultLocator.ParseArgument).Select(x => (x.Name, x.Directory)).ToList();
            foreach (var (name, dir) in maskFolders)
            {
                if (!sources.Any(s => s.TrackerName == name)) throw new ReasonTrackException($"--masks {name}={dir}: no results folder is named {name} (name them with -r {name}=folder)");
                if (!Directory.Exists(dir)) throw new ReasonTrackException($"--masks {name}={dir}: no such folder");
            }
            if (a.MaskAnnotations is not null && !Directory.Exists(a.MaskAnnotations)) throw new ReasonTrackException($"--mask-annotations {a.MaskAnnotations}: no such folder");
            written = new HtmlReportBuilder(new HtmlReportOptions
            {
                OutputDirectory = a.Out,
                Title = a.Title,
                Dataset = ds,
                Results = sources,
                ReasoningFolders = reasoning,
                Masks = new HtmlReportMasks { Annotations = a.MaskAnnotations, ResultFolders = maskFolders },
                BoxReading = ProtocolRegistry.Get(protocols[0], ds.Key).ReadOptions,
                Video = a.NoVideo ? HtmlReportVideo.None : HtmlReportVideo.Auto,
                Parallelism = a.Jobs,
            }).Build(reports);
        }
        Print(written, sw.Elapsed);
        return 0;
    }

    internal static void Print(HtmlReportResult written, TimeSpan elapsed)
    {
        foreach (var w in written.Warnings.Take(20)) Console.WriteLine($"warning: {w}");
        if (written.Warnings.Count > 20) Console.WriteLine($"warning: ... and {written.Warnings.Count - 20} more");
        Console.WriteLine($"report: {written.IndexPath} ({written.SequencePages} sequence page(s), {written.Videos} video(s), {written.Thumbnails} thumbnail(s); {elapsed.TotalSeconds:0.00} s)");
    }
}
