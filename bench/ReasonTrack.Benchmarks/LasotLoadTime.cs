using System.Diagnostics;
using System.Globalization;
using ReasonTrack.Datasets;
using ReasonTrack.Datasets.Lasot;

namespace ReasonTrack.Benchmarks;

/// <summary>
/// <c>lasot-load</c>: time to load the annotations of the 280 LaSOT test sequences from ../shared/data/lasot (after
/// one warm-up load for the file cache and the JIT; best of five). Measured and printed, never asserted.
/// </summary>
internal static class LasotLoadTime
{
    public static int Run()
    {
        string root = SharedPaths.Require(Path.Combine("data", "lasot"));
        var loader = new LasotLoader();
        var options = new DatasetLoadOptions { ListFrames = false };
        loader.Load(root, options);
        double best = double.MaxValue;
        int sequences = 0, rows = 0;
        for (int i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            var ds = loader.Load(root, options);
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
            sequences = ds.Sequences.Count;
            rows = ds.Sequences.Sum(s => s.Length);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"LaSOT annotations: {sequences} sequences, {rows} rows in {best:0} ms (best of 5)"));
        return 0;
    }
}
