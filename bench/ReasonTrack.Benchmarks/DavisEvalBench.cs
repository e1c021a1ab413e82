using System.Diagnostics;
using System.Globalization;
using ReasonTrack.Datasets.Davis;
using ReasonTrack.Evaluation.Masks;
using ReasonTrack.Geometry.Masks;
using ReasonTrack.Media.Palette;

namespace ReasonTrack.Benchmarks;

/// <summary>
/// <c>davis-eval [runs] [threads]</c>: DAVIS 2017 J&amp;F (davis2017) of one generated sequence, 80 frames at 854x480
/// with 3 objects (moving ellipses, a void band around each ground-truth object; results shifted and scaled), written
/// deterministically as palette PNGs into a temporary DAVIS layout. Prints the median of the runs for the whole
/// evaluation (loading the sequence, reading the 78 + 80 PNGs, scoring) and for the scoring alone (label maps already
/// decoded). Measured and printed, never asserted.
/// </summary>
internal static class DavisEvalBench
{
    public static int Run(string[] args)
    {
        int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 9;
        int? threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : null;
        string root = Directory.CreateTempSubdirectory("rt-davis-bench-").FullName;
        try
        {
            const int W = 854, H = 480, Frames = 80, Objects = 3;
            Generate(root, W, H, Frames, Objects);
            var loader = new DavisLoader();
            var evaluator = new DavisEvaluator(new DavisEvaluationOptions { Parallelism = threads });
            string results = Path.Combine(root, "results");
            var full = new List<double>();
            var fullCpu = new List<double>();
            var proc = Process.GetCurrentProcess();
            DavisEvaluationReport? report = null;
            for (int r = 0; r < runs + 1; r++)
            {
                proc.Refresh();
                var cpu0 = proc.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                var set = loader.LoadMasks(root);
                report = evaluator.Evaluate(set, results);
                double ms = sw.Elapsed.TotalMilliseconds;
                proc.Refresh();
                if (r > 0) { full.Add(ms); fullCpu.Add((proc.TotalProcessorTime - cpu0).TotalMilliseconds); }  // run 0 warms up the JIT and the file cache
            }
            var seq = loader.LoadMasks(root).Sequences[0];
            var frames = evaluator.ScoredFrames(seq);
            var gt = frames.Select(seq.ReadAnnotation).ToArray();
            var res = frames.Select(i => Results.Masks.DavisPngFolder.ReadLabels(Path.Combine(results, seq.Name, seq.FrameIds[i] + ".png"))).ToArray();
            var ids = frames.Select(i => seq.FrameIds[i]).ToArray();
            var scoring = new List<double>();
            var scoringCpu = new List<double>();
            for (int r = 0; r < runs + 1; r++)
            {
                proc.Refresh();
                var cpu0 = proc.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                evaluator.EvaluateFrames(seq.Name, ids, gt, res, seq.ObjectCount);
                double ms = sw.Elapsed.TotalMilliseconds;
                proc.Refresh();
                if (r > 0) { scoring.Add(ms); scoringCpu.Add((proc.TotalProcessorTime - cpu0).TotalMilliseconds); }
            }
            var decode = new List<double>();
            for (int r = 0; r < 3; r++)
            {
                var sw = Stopwatch.StartNew();
                foreach (int i in frames) seq.ReadAnnotation(i);
                decode.Add(sw.Elapsed.TotalMilliseconds / frames.Count);
            }
            string t = threads?.ToString(CultureInfo.InvariantCulture) ?? $"{Environment.ProcessorCount} (all cores)";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"davis-eval: 1 sequence, {Frames} frames ({frames.Count} scored), {W}x{H}, {Objects} objects, threads {t}, median of {runs}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  evaluation with PNG reading : {Median(full):0.0} ms wall, {Median(fullCpu):0.0} ms CPU (all threads)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  scoring only (maps decoded) : {Median(scoring):0.0} ms wall, {Median(scoringCpu):0.0} ms CPU (all threads)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  one PNG decode (1 thread)   : {Median(decode):0.00} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  J&F-Mean {report!.Global.JAndFMean:0.000} (davis2017)"));
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static double Median(List<double> v)
    {
        var s = v.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    /// <summary>Deterministic DAVIS layout: val.txt, JPEG placeholders, annotations with void bands, shifted/scaled results.</summary>
    private static void Generate(string root, int w, int h, int frames, int objects)
    {
        const string Seq = "bench-ellipses";
        Directory.CreateDirectory(Path.Combine(root, "ImageSets", "2017"));
        File.WriteAllText(Path.Combine(root, "ImageSets", "2017", "val.txt"), Seq + "\n");
        string img = Path.Combine(root, "JPEGImages", "480p", Seq), ann = Path.Combine(root, "Annotations", "480p", Seq);
        string res = Path.Combine(root, "results", Seq);
        Directory.CreateDirectory(img);
        Directory.CreateDirectory(ann);
        Directory.CreateDirectory(res);
        var gt = new byte[w * h];
        var rs = new byte[w * h];
        for (int t = 0; t < frames; t++)
        {
            string name = t.ToString("D5", CultureInfo.InvariantCulture);
            File.WriteAllBytes(Path.Combine(img, name + ".jpg"), [0xFF, 0xD8, 0xFF, 0xD9]);  // the toolkit only lists the JPEGs
            Array.Clear(gt);
            Array.Clear(rs);
            for (int k = 0; k < objects; k++)
            {
                double cx = 150 + 250 * k + 60 * Math.Sin(0.07 * t + k), cy = 240 + 100 * Math.Cos(0.05 * t + 2 * k);
                double ax = 70 + 15 * k, ay = 110 - 20 * k;
                Ellipse(gt, w, h, cx, cy, ax + 3, ay + 3, LabelMap.Void);  // void band
                Ellipse(gt, w, h, cx, cy, ax, ay, (byte)(k + 1));
                double s = 0.9 + 0.002 * t;
                Ellipse(rs, w, h, cx + 6 - 0.1 * t, cy - 4, ax * s, ay * s, (byte)(k + 1));
            }
            // Filter 0 on every row, as Pillow writes palette PNGs (the DAVIS annotations and most results).
            IndexedPngWriter.Write(Path.Combine(ann, name + ".png"), gt, w, h, new IndexedPngWriteOptions { Filter = 0 });
            IndexedPngWriter.Write(Path.Combine(res, name + ".png"), rs, w, h, new IndexedPngWriteOptions { Filter = 0 });
        }
    }

    private static void Ellipse(byte[] labels, int w, int h, double cx, double cy, double ax, double ay, byte value)
    {
        int y0 = Math.Max(0, (int)(cy - ay)), y1 = Math.Min(h - 1, (int)(cy + ay) + 1);
        for (int y = y0; y <= y1; y++)
        {
            double dy = (y - cy) / ay;
            if (dy * dy > 1) continue;
            double half = ax * Math.Sqrt(1 - dy * dy);
            int x0 = Math.Max(0, (int)Math.Ceiling(cx - half)), x1 = Math.Min(w - 1, (int)Math.Floor(cx + half));
            for (int x = x0; x <= x1; x++) labels[y * w + x] = value;
        }
    }
}
