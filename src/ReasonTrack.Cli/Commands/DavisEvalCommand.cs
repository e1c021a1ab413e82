using System.Diagnostics;
using System.Globalization;
using ReasonTrack.Datasets;
using ReasonTrack.Evaluation.Masks;
using ReasonTrack.IO;
using ReasonTrack.Reports.Masks;
using ReasonTrack.Results;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// The mask branch of <c>reasontrack eval</c>: <c>-p davis2017</c> (or a mask dataset such as <c>-d davis2017</c>
/// without <c>-p</c>). Parses nothing itself: <see cref="EvalCommand"/> hands over its arguments.
/// </summary>
internal static class DavisEvalCommand
{
    /// <summary>The mask-evaluation settings of the eval command (ours unless the toolkit's default).</summary>
    internal sealed record MaskArguments
    {
        public string? Set { get; init; }
        public bool VoidExcluded { get; init; }
        public bool ScoreFirstAndLast { get; init; }
        public bool ObjectsFromAllFrames { get; init; }
        public bool NoDecayUint8Wrap { get; init; }
        public bool IgnoreExtraIds { get; init; }
    }

    /// <summary>True when the arguments ask for the mask protocol.</summary>
    public static bool Applies(IDatasetLoader loader, string? protocol) =>
        protocol is null ? loader is IMaskDatasetLoader : string.Equals(protocol.Trim(), DavisEvaluator.ProtocolKey, StringComparison.OrdinalIgnoreCase);

    public static int Run(IDatasetLoader loader, EvalCommand.EvalArguments a, MaskArguments m)
    {
        if (loader is not IMaskDatasetLoader masks)
            throw new ReasonTrackException($"protocol {DavisEvaluator.ProtocolKey} scores masks; dataset '{loader.Key}' has boxes only (use a mask dataset: -d davis2017)");
        var sw = Stopwatch.StartNew();
        IReadOnlyList<string>? list = a.Sequences is null ? null : ReadList(a.Sequences);
        var set = masks.LoadMasks(a.Annotations!, new DatasetLoadOptions { Split = m.Set, Sequences = list });
        foreach (var note in set.Notes) Console.WriteLine($"note: {note}");
        var options = new DavisEvaluationOptions
        {
            VoidAsBackground = !m.VoidExcluded,
            DropFirstAndLastFrame = !m.ScoreFirstAndLast,
            ObjectCountFromFirstFrame = !m.ObjectsFromAllFrames,
            DecayUint8Wrap = !m.NoDecayUint8Wrap,
            ExtraObjects = m.IgnoreExtraIds ? DavisExtraObjectPolicy.Ignore : DavisExtraObjectPolicy.Error,
            Parallelism = a.Jobs,
        };
        foreach (var d in options.Deviations()) Console.WriteLine($"note: {d} differs from the official toolkit");
        var evaluator = new DavisEvaluator(options);
        var reports = new List<DavisEvaluationReport>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var arg in a.Results)
        {
            var (name, dir) = ResultLocator.ParseArgument(arg);
            if (!names.Add(name)) throw new ReasonTrackException($"two results folders have the display name '{name}'; name them with name=folder");
            var r = evaluator.Evaluate(set, dir, name);
            foreach (var w in r.Warnings) Console.WriteLine($"warning: {w}");
            reports.Add(r);
        }
        sw.Stop();
        Print(reports, set.Set, set.Sequences.Count);
        Console.WriteLine($"{set.Sequences.Count} sequences, {reports[0].Objects.Count} objects, {reports.Count} tracker(s), protocol {DavisEvaluator.ProtocolKey}, {sw.Elapsed.TotalSeconds:0.00} s");
        if (a.Out is not null)
        {
            int files = 0;
            foreach (var r in reports) files += DavisCsv.Write(r, Path.Combine(a.Out, r.Tracker)).Count;
            AtomicFile.WriteAllText(Path.Combine(a.Out, "davis2017.json"), DavisJsonReport.Write(reports));
            Console.WriteLine($"reports: {files + 1} files in {Path.GetFullPath(a.Out)} (<tracker>/{DavisCsv.GlobalFileName(set.Set)}, <tracker>/{DavisCsv.PerSequenceFileName(set.Set)}, davis2017.json)");
        }
        if (a.Json is not null)
        {
            AtomicFile.WriteAllText(a.Json, DavisJsonReport.Write(reports));
            Console.WriteLine($"json: {Path.GetFullPath(a.Json)}");
        }
        return 0;
    }

    private static void Print(IReadOnlyList<DavisEvaluationReport> reports, string setName, int sequences)
    {
        string p = DavisEvaluator.ProtocolKey;
        Console.WriteLine($"Global results for {setName} ({p}; fractions, as the toolkit)");
        int w = Math.Max(7, reports.Max(r => r.Tracker.Length));
        Console.WriteLine("tracker".PadRight(w) + string.Concat(DavisGlobalResult.Columns.Select(c => c.PadLeft(10))));
        foreach (var r in reports)
            Console.WriteLine(r.Tracker.PadRight(w) + string.Concat(r.Global.Values.Select(v => F(v).PadLeft(10))));
        foreach (var r in reports)
            Console.WriteLine($"{r.Tracker}: J&F-Mean {F(r.Global.JAndFMean)} ({p}), J-Mean {F(r.Global.JMean)} ({p}), F-Mean {F(r.Global.FMean)} ({p})");
        if (reports.Count == 1)
        {
            var r = reports[0];
            Console.WriteLine();
            Console.WriteLine($"Per sequence results for {setName} ({p})");
            int kw = Math.Max(8, r.Objects.Count == 0 ? 0 : r.Objects.Max(o => o.Key.Length));
            Console.WriteLine("Sequence".PadRight(kw) + "J-Mean".PadLeft(10) + "F-Mean".PadLeft(10));
            foreach (var o in r.Objects) Console.WriteLine(o.Key.PadRight(kw) + F(o.J.Mean).PadLeft(10) + F(o.F.Mean).PadLeft(10));
        }
    }

    private static string F(double v) => double.IsNaN(v) ? "nan" : v.ToString("0.000000", CultureInfo.InvariantCulture);

    private static List<string> ReadList(string path)
    {
        if (!File.Exists(path)) throw new DataFormatException(path, "sequence list not found");
        var names = File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (names.Count == 0) throw new DataFormatException(path, "sequence list is empty");
        return names;
    }
}
