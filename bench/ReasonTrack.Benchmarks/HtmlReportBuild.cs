using System.Diagnostics;
using System.Globalization;
using System.Text;
using ReasonTrack.Datasets;
using ReasonTrack.Datasets.Lasot;
using ReasonTrack.Evaluation;
using ReasonTrack.Evaluation.Protocols;
using ReasonTrack.Reports.Html;
using ReasonTrack.Results;

namespace ReasonTrack.Benchmarks;

/// <summary>
/// <c>html-report [trackers=8] [out=out/bench-html] [rounds=3]</c>: the HTML report of LaSOT-280 (the shared annotations,
/// ../shared/data/lasot) x N synthetic trackers. The results are written once (the ground truth moved by a seeded
/// random walk with drop-outs, plus a score file per sequence, the size of real ReasonTrack runs), then timed per round:
/// the evaluation under lasot-matlab and <see cref="HtmlReportBuilder.Build"/> (no videos: the shared LaSOT copy has
/// annotations only), and the largest sequence page is reported. Measured and printed, never asserted. The same
/// results serve a whole-process measurement: the command line to time is printed at the end.
/// </summary>
internal static class HtmlReportBuild
{
    public static int Run(string[] args)
    {
        int trackers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 8;
        string outDir = Path.GetFullPath(args.Length > 1 ? args[1] : Path.Combine("out", "bench-html"));
        int rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        string root = SharedPaths.Require(Path.Combine("data", "lasot"));
        var ds = new LasotLoader().Load(root, new DatasetLoadOptions { ListFrames = false });
        string results = Path.Combine(outDir, "results");
        var sw = Stopwatch.StartNew();
        long bytes = WriteResults(ds, trackers, results);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"synthetic results: {trackers} trackers x {ds.Sequences.Count} sequences, {bytes / 1e6:0.0} MB, written in {sw.Elapsed.TotalSeconds:0.0} s"));

        var names = ds.Sequences.Select(s => s.Name).ToList();
        var protocol = ProtocolRegistry.Get("lasot-matlab", ds.Key);
        for (int r = 0; r < rounds; r++)
        {
            var t0 = Stopwatch.StartNew();
            var sources = Enumerable.Range(0, trackers).Select(k => ResultLocator.Locate(TrackerName(k), Path.Combine(results, TrackerName(k)), names)).ToList();
            var report = Evaluator.Evaluate(ds, sources, protocol);
            double evaluation = t0.Elapsed.TotalSeconds;
            var t1 = Stopwatch.StartNew();
            var written = new HtmlReportBuilder(new HtmlReportOptions
            {
                OutputDirectory = Path.Combine(outDir, "report"),
                Dataset = ds,
                Results = sources,
                BoxReading = protocol.ReadOptions,
                Video = HtmlReportVideo.None,
            }).Build(report);
            double build = t1.Elapsed.TotalSeconds;
            var largest = Directory.GetFiles(Path.Combine(outDir, "report", "seq")).Select(f => new FileInfo(f)).MaxBy(f => f.Length)!;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {r + 1}: evaluation {evaluation:0.00} s + HTML report {build:0.00} s = {evaluation + build:0.00} s; {written.SequencePages} sequence pages; largest page {largest.Name} {largest.Length / 1e6:0.000} MB"));
        }
        Console.WriteLine("whole process: /usr/bin/time -v dotnet src/ReasonTrack.Cli/bin/Release/net10.0/ReasonTrack.Cli.dll report -d lasot -a " + root +
                          " " + string.Join(' ', Enumerable.Range(0, trackers).Select(k => "-r " + Path.Combine(results, TrackerName(k)))) + " --no-video -o " + Path.Combine(outDir, "cli-report"));
        return 0;
    }

    private static string TrackerName(int k) => "synthetic" + (k + 1).ToString(CultureInfo.InvariantCulture);

    private static long WriteResults(Dataset ds, int trackers, string results)
    {
        long total = 0;
        for (int k = 0; k < trackers; k++)
        {
            string dir = Path.Combine(results, TrackerName(k));
            Directory.CreateDirectory(dir);
            Parallel.For(0, ds.Sequences.Count, i =>
            {
                var s = ds.Sequences[i];
                var rng = new Random(k * 100_003 + i);
                var boxes = new StringBuilder(s.Length * 28);
                var scores = new StringBuilder(s.Length * 6);
                double dx = 0, dy = 0, drift = 0.002 + 0.004 * k;
                bool lost = false;
                for (int f = 0; f < s.Length; f++)
                {
                    var g = s.GroundTruth[f];
                    if (rng.NextDouble() < 0.002) lost = !lost;
                    dx += (rng.NextDouble() - 0.5) * drift * g.W * 4;
                    dy += (rng.NextDouble() - 0.5) * drift * g.H * 4;
                    if (rng.NextDouble() < 0.02) { dx *= 0.2; dy *= 0.2; }
                    double x = lost ? g.X + 3 * g.W : g.X + dx, y = lost ? g.Y + 2 * g.H : g.Y + dy;
                    boxes.Append(CultureInfo.InvariantCulture, $"{x:0.##},{y:0.##},{g.W:0.##},{g.H:0.##}\n");
                    scores.Append(CultureInfo.InvariantCulture, $"{(lost ? 0.1 : 0.9) * (0.8 + 0.2 * rng.NextDouble()):0.###}\n");
                }
                File.WriteAllText(Path.Combine(dir, s.Name + ".txt"), boxes.ToString());
                File.WriteAllText(Path.Combine(dir, s.Name + "_scores.txt"), scores.ToString());
                Interlocked.Add(ref total, boxes.Length + scores.Length);
            });
        }
        return total;
    }
}
