using System.Diagnostics;
using System.Globalization;
using ReasonTrack.IO;

namespace ReasonTrack.Benchmarks;

/// <summary>
/// <c>parse-speed ANNOTATIONS RESULTS_DIR [ROUNDS=15]</c>: <see cref="NumericTable.Parse"/> alone, in memory, on one thread,
/// for the three kinds of file an evaluation of LaSOT reads (ground truth <c>annos/*.txt</c>, absence flags
/// <c>annos/absent/*.txt</c>, one tracker's results), each parsed ROUNDS times after a warm-up; prints the best and the
/// median round (MB/s and ns per row). Best-of is what the parser can do; the median shows how much the machine's load
/// moved it. Measured and printed, never asserted.
/// </summary>
internal static class ParseSpeed
{
    public static int Run(string[] args)
    {
        if (args.Length < 2) { Console.Error.WriteLine("usage: parse-speed ANNOTATIONS RESULTS_DIR [ROUNDS=15]"); return 2; }
        string annos = Path.Combine(args[0], "annos");
        int rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 15;
        var sets = new (string Name, string Dir, NumericTableOptions Options)[]
        {
            ("ground truth (annos/*.txt)", annos, NumericTableOptions.Strict),
            ("absence flags (annos/absent/*.txt)", Path.Combine(annos, "absent"), NumericTableOptions.Strict),
            ($"results ({Path.GetFileName(Path.TrimEndingDirectorySeparator(args[1]))})", args[1], NumericTableOptions.Dlmread),
        };
        Console.WriteLine($"{"files",-40}{"MB",8}{"rows",10}{"best MB/s",12}{"ns/row",9}{"median MB/s",13}");
        foreach (var (name, dir, options) in sets)
        {
            var files = Directory.EnumerateFiles(dir, "*.txt").Order(StringComparer.Ordinal).Select(f => (f, File.ReadAllBytes(f))).ToArray();
            long bytes = files.Sum(f => (long)f.Item2.Length);
            long rows = 0;
            foreach (var (f, b) in files) rows += NumericTable.Parse(f, b, options).RowCount; // warm-up
            var times = new List<double>();
            for (int r = 0; r < rounds; r++)
            {
                var sw = Stopwatch.StartNew();
                foreach (var (f, b) in files) NumericTable.Parse(f, b, options);
                times.Add(sw.Elapsed.TotalSeconds);
            }
            times.Sort();
            double best = times[0], median = times[times.Count / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-40}{bytes / 1e6,8:0.0}{rows,10}{bytes / 1e6 / best,12:0}{best * 1e9 / rows,9:0.0}{bytes / 1e6 / median,13:0}"));
        }
        return 0;
    }
}
