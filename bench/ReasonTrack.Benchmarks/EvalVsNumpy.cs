using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ReasonTrack.Benchmarks;

/// <summary>
/// <c>eval-vs-numpy ANNOTATIONS RESULTS_DIR... [--runs 5]</c> (issue 15 item 1): whole-process time of
/// <c>reasontrack eval -d lasot ... --json</c> (the Release build the <c>./reasontrack</c> launcher runs,
/// <c>src/ReasonTrack.Cli/bin/Release/net10.0/ReasonTrack.Cli.dll</c>, ReadyToRun) against the independent numpy evaluator
/// <c>bench/peers/lasot_eval_numpy.py</c> (run with <c>/usr/bin/python3</c>), on one tracker (the first folder) and on
/// all the folders given. Each measurement is one process under <c>/usr/bin/time</c> (wall, user + system CPU, peak
/// memory); the two programs alternate run by run (after one untimed run of each, which fills the page cache), so that
/// a change of the machine's load hits both; medians of the runs and the ratio numpy / reasontrack are printed, with
/// the load average before and after. Both programs' AUC, P@20 and NP@0.20 are compared (largest difference printed).
/// Measured and printed, never asserted. Results for LaSOT-280 come from <c>bench/peers/make_lasot_results.py</c>
/// (synthetic, the size and text of published trackers' raw results; see that script).
/// </summary>
internal static class EvalVsNumpy
{
    private sealed record Sample(double Wall, double Cpu, double PeakMb);

    public static int Run(string[] args)
    {
        int runs = 5;
        var rest = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--runs" && i + 1 < args.Length) runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else rest.Add(args[i]);
        }
        if (rest.Count < 2)
        {
            Console.Error.WriteLine("usage: eval-vs-numpy ANNOTATIONS RESULTS_DIR [RESULTS_DIR...] [--runs 5]");
            return 2;
        }
        string annotations = rest[0];
        var dirs = rest.Skip(1).ToList();
        string repo = RepositoryRoot();
        string cli = Path.Combine(repo, "src", "ReasonTrack.Cli", "bin", "Release", "net10.0", "ReasonTrack.Cli.dll");
        string numpy = Path.Combine(repo, "bench", "peers", "lasot_eval_numpy.py");
        if (!File.Exists(cli)) { Console.Error.WriteLine($"{cli} not found: dotnet build ReasonTrack.slnx -c Release first"); return 2; }
        if (!File.Exists("/usr/bin/time")) { Console.Error.WriteLine("/usr/bin/time not found (Debian: apt-get install time)"); return 2; }
        string tmp = Path.Combine(Path.GetTempPath(), $"rt-eval-vs-numpy-{Environment.ProcessId}");
        Directory.CreateDirectory(tmp);
        try
        {
            Console.WriteLine($"eval-vs-numpy: {runs} runs of each program per set, alternating; load average {LoadAverage()} at start; {Environment.ProcessorCount} cores");
            Console.WriteLine($"  reasontrack: dotnet {cli} eval -d lasot -a {annotations} -r DIR... --json OUT");
            Console.WriteLine($"  numpy:       /usr/bin/python3 {numpy} {annotations} DIR... --json OUT");
            var sets = new List<List<string>> { dirs.Take(1).ToList() };
            if (dirs.Count > 1) sets.Add(dirs);
            Console.WriteLine();
            Console.WriteLine($"{"trackers",-9}{"result MB",10}   {"program",-14}{"wall s (median)",17}{"CPU s (median)",16}{"peak MB",9}   runs (wall s)");
            foreach (var set in sets)
            {
                double mb = set.Sum(d => Directory.EnumerateFiles(d, "*.txt").Sum(f => new FileInfo(f).Length)) / 1e6;
                var rtArgs = new List<string> { cli, "eval", "-d", "lasot", "-a", annotations };
                foreach (var d in set) { rtArgs.Add("-r"); rtArgs.Add(d); }
                rtArgs.Add("--json");
                rtArgs.Add(Path.Combine(tmp, "reasontrack.json"));
                var npArgs = new List<string> { numpy, annotations };
                npArgs.AddRange(set);
                npArgs.Add("--json");
                npArgs.Add(Path.Combine(tmp, "numpy.json"));

                Measure(tmp, "dotnet", rtArgs);        // untimed: page cache, build checks
                Measure(tmp, "/usr/bin/python3", npArgs);
                var rt = new List<Sample>();
                var np = new List<Sample>();
                for (int r = 0; r < runs; r++)
                {
                    rt.Add(Measure(tmp, "dotnet", rtArgs));
                    np.Add(Measure(tmp, "/usr/bin/python3", npArgs));
                }
                Print(set.Count, mb, "reasontrack", rt);
                Print(set.Count, mb, "numpy", np);
                double ratioWall = Median(np.Select(s => s.Wall)) / Median(rt.Select(s => s.Wall));
                double ratioCpu = Median(np.Select(s => s.Cpu)) / Median(rt.Select(s => s.Cpu));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{"",-9}{"",10}   {"ratio",-14}{ratioWall,16:0.0}x{ratioCpu,15:0.0}x          numpy / reasontrack; figures agree to {Agreement(tmp):0.0e0}"));
            }
            Console.WriteLine($"load average {LoadAverage()} at the end");
            return 0;
        }
        finally
        {
            Directory.Delete(tmp, recursive: true);
        }
    }

    private static void Print(int trackers, double mb, string program, List<Sample> s) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{trackers,-9}{mb,10:0.0}   {program,-14}{Median(s.Select(x => x.Wall)),17:0.000}{Median(s.Select(x => x.Cpu)),16:0.000}{Median(s.Select(x => x.PeakMb)),9:0}   {string.Join(" ", s.Select(x => x.Wall.ToString("0.00", CultureInfo.InvariantCulture)))}"));

    /// <summary>One process under /usr/bin/time: wall, user + system CPU, peak resident memory. A failed run stops the bench.</summary>
    private static Sample Measure(string tmp, string program, List<string> args)
    {
        string timeFile = Path.Combine(tmp, "time.txt");
        var psi = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-f", "%e %U %S %M", "-o", timeFile, program }) psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({p.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        var f = File.ReadAllText(timeFile).Trim().Split('\n')[^1].Split(' ').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        return new Sample(f[0], f[1] + f[2], f[3] / 1024);
    }

    /// <summary>Largest absolute difference between the two programs' AUC, P@20 and NP@0.20 (fractions) over the trackers.</summary>
    private static double Agreement(string tmp)
    {
        using var rt = JsonDocument.Parse(File.ReadAllText(Path.Combine(tmp, "reasontrack.json")));
        using var np = JsonDocument.Parse(File.ReadAllText(Path.Combine(tmp, "numpy.json")));
        double worst = 0;
        int compared = 0;
        foreach (var t in rt.RootElement.GetProperty("trackers").EnumerateArray())
        {
            var other = np.RootElement.GetProperty(t.GetProperty("name").GetString()!);
            foreach (string key in new[] { "auc", "precision_at_20", "norm_precision_at_020" })
            {
                worst = Math.Max(worst, Math.Abs(t.GetProperty(key).GetDouble() - other.GetProperty(key).GetDouble()));
                compared++;
            }
        }
        if (compared == 0) throw new InvalidOperationException("no tracker compared");
        return worst;
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReasonTrack.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
