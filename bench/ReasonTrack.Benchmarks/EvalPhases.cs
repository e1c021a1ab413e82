using System.Diagnostics;
using System.Globalization;
using ReasonTrack.Datasets;
using ReasonTrack.Evaluation;
using ReasonTrack.Evaluation.Protocols;
using ReasonTrack.IO;
using ReasonTrack.Reports;
using ReasonTrack.Results;

namespace ReasonTrack.Benchmarks;

/// <summary>
/// <c>eval-phases ANNOTATIONS RESULTS_DIR...</c>: where the time of <c>reasontrack eval</c> goes, phase by phase, in one
/// process: dataset listing + annotation reading, locating result files, reading the result files' bytes, parsing
/// them, the per-frame work of lasot-matlab, the summaries and the JSON report. Each phase runs once cold (as the CLI
/// does: JIT included) and then five times warm (median). Figures are CPU time of the whole process (all threads:
/// JIT and GC included), which a shared, loaded machine disturbs far less than wall time. Single-threaded on purpose, so that phases add up; the
/// CLI runs the result phases in parallel. Measured and printed, never asserted.
/// </summary>
internal static class EvalPhases
{
    public static int Run(string[] args)
    {
        if (args.Length < 2) { Console.Error.WriteLine("usage: eval-phases ANNOTATIONS RESULTS_DIR [RESULTS_DIR...]"); return 2; }
        string root = args[0];
        var dirs = args[1..];
        var phases = new List<(string Name, double Cold, double Warm)>();
        var rounds = new List<double[]>();
        for (int round = 0; round < 6; round++)
        {
            var t = new List<(string, double)>();
            var sw = Stopwatch.StartNew();
            Lap(sw);
            var ds = DatasetRegistry.Get("lasot").Load(root, new DatasetLoadOptions { ListFrames = false });
            t.Add(("dataset listing + annotations (280 x 3 files)", Lap(sw)));
            var names = ds.Sequences.Select(s => s.Name).ToList();
            var sources = dirs.Select(d => ResultLocator.Locate(Path.GetFileName(d), d, names)).ToList();
            t.Add(("locating result files", Lap(sw)));
            var bytes = new List<byte[]>();
            foreach (var src in sources) foreach (var n in names) bytes.Add(File.ReadAllBytes(src.Runs[0][n].Path));
            t.Add(($"reading result bytes ({bytes.Sum(b => (long)b.Length) / 1e6:0.0} MB)", Lap(sw)));
            var tables = new List<NumericTable>();
            int j = 0;
            foreach (var src in sources) foreach (var n in names) tables.Add(NumericTable.Parse(src.Runs[0][n].Path, bytes[j++], NumericTableOptions.Dlmread));
            t.Add(($"parsing numbers ({tables.Sum(x => (long)x.RowCount)} rows)", Lap(sw)));
            var protocol = ProtocolRegistry.Get("lasot-matlab");
            var curves = new List<SequenceCurves>();
            j = 0;
            foreach (var src in sources) for (int i = 0; i < names.Count; i++) curves.Add(protocol.EvaluateSequence(ds.Sequences[i], tables[j++], null));
            t.Add(("per-frame work (lasot-matlab curves)", Lap(sw)));
            var report = Evaluator.Evaluate(ds, sources, protocol, new EvaluationOptions { Parallelism = 1 });
            double whole = Lap(sw);
            string json = JsonReportWriter.Write(report);
            t.Add(($"JSON report ({json.Length / 1e3:0} kB)", Lap(sw)));
            t.Add(("(Evaluator.Evaluate end to end, 1 thread)", whole));
            if (round == 0) phases.AddRange(t.Select(x => (x.Item1, x.Item2, 0.0)));
            rounds.Add(t.Select(x => x.Item2).ToArray());
        }
        Console.WriteLine($"{"phase",-52}{"cold CPU ms",12}{"warm CPU ms (median of 5)",28}");
        for (int k = 0; k < phases.Count; k++)
        {
            var w = rounds.Skip(1).Select(a => a[k]).OrderBy(x => x).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phases[k].Name,-52}{phases[k].Cold,12:0.0}{w[w.Length / 2],28:0.0}"));
        }
        return 0;
    }

    private static TimeSpan _cpu;

    /// <summary>CPU time of the process since the last lap (all threads: JIT and GC included), in ms; the stopwatch restarts too.</summary>
    private static double Lap(Stopwatch sw)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        double ms = (cpu - _cpu).TotalMilliseconds;
        _cpu = cpu;
        sw.Restart();
        return ms;
    }
}
