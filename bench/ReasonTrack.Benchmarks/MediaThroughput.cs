using System.Diagnostics;
using System.Globalization;
using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Benchmarks;

/// <summary>
/// <c>media-throughput [sequence]</c>: decode frames/s of a shared sequence through the pooled frame source (Gray8 and
/// Rgb24, best of three) and the time of one 640x480 to 255x255 crop-resize (inside, partly outside, mean-colour pad).
/// Measured and printed, never asserted: the figures depend on the machine and on what else runs on it.
/// </summary>
internal static class MediaThroughput
{
    public static int Run(string[] args)
    {
        string sequence = args.Length > 0 ? args[0] : "Car4";
        string seq = SharedPaths.Require(Path.Combine("data", "sequences", sequence));
        foreach (var format in new[] { PixelFormat.Gray8, PixelFormat.Rgb24 })
        {
            double best = 0;
            int n = 0;
            for (int round = 0; round < 3; round++)
            {
                using var source = FrameSources.Open(seq, new FrameSourceOptions { Format = format });
                var sw = Stopwatch.StartNew();
                n = 0;
                foreach (var f in source.ReadFrames()) { f.Dispose(); n++; }
                best = Math.Max(best, n / sw.Elapsed.TotalSeconds);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sequence} decode {format,-6} {n} frames: {best,6:0} frames/s (best of 3)"));
        }

        var src = new ImageFrame(640, 480, PixelFormat.Rgb24);
        new Random(1).NextBytes(src.Data);
        var dst = new ImageFrame(255, 255, PixelFormat.Rgb24);
        var inside = new Box(100, 80, 300, 300);
        var outside = new Box(-120, -60, 400, 400);
        for (int i = 0; i < 50; i++) { ImageOps.CropResize(src, inside, dst); ImageOps.CropResize(src, outside, dst); }
        double Micros(Box box, PadMode pad)
        {
            const int reps = 500;
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < reps; i++) ImageOps.CropResize(src, box, dst, pad);
            return sw.Elapsed.TotalMilliseconds * 1000 / reps;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CropResize rgb 640x480 -> 255x255: inside {Micros(inside, PadMode.Zero):0} us, partly outside {Micros(outside, PadMode.Zero):0} us, inside + mean colour {Micros(inside, PadMode.Mean):0} us"));
        return 0;
    }
}
