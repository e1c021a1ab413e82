using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using ReasonTrack.Benchmarks.Legacy;
using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Benchmarks;

/// <summary>
/// <c>media-encoding [rounds] [outdir]</c>: our pre-issue-13 encoders and 5x7 labels (bench/Legacy) against SkiaSharp
/// (<see cref="JpegEncoder"/>, <see cref="PngEncoder"/>, <see cref="FrameAnnotator"/>) on real frames of the shared
/// sequences: votlt_yamaha_first530 (640x480) and uav_wakeboard7 (1280x720), frame 1. Per round each side encodes
/// (JPEG q90 4:2:0; PNG at zlib level 1, .NET's Fastest, and 6, Optimal) and draws (a box with a score label and a frame-number label,
/// on a fresh copy of the frame) in turn; printed are the medians over rounds, the sizes, the PSNR of each JPEG as
/// ffmpeg decodes it, whether each PNG decodes (ffmpeg) to the exact pixels, and the managed bytes allocated per
/// drawing. The encoded files and an annotated frame (<c>annotated.png</c>) are left in outdir. Measured and printed,
/// never asserted.
/// </summary>
internal static class MediaEncoding
{
    public static int Run(string[] args)
    {
        int rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
        string outDir = Path.GetFullPath(args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "media-encoding"));
        Directory.CreateDirectory(outDir);
        foreach (string sequence in new[] { "votlt_yamaha_first530", "uav_wakeboard7" })
        {
            string seq = SharedPaths.Require(Path.Combine("data", "sequences", sequence));
            var box = SequenceBoxes.Read(seq)[0];
            using var source = FrameSources.Open(seq, new FrameSourceOptions { Format = PixelFormat.Rgb24 });
            using var frame = source.ReadFrames().First().Clone();
            string size = $"{frame.Width}x{frame.Height}";
            Report(sequence, size, "jpeg q90", rounds,
                () => LegacyJpegEncoder.Encode(frame, 90), () => JpegEncoder.Encode(frame, 90), outDir, frame, ".jpg");
            Report(sequence, size, "png z1", rounds,
                () => LegacyPngEncoder.Encode(frame), () => PngEncoder.Encode(frame, CompressionLevel.Fastest), outDir, frame, ".png");
            Report(sequence, size, "png z6", rounds,
                () => LegacyPngEncoder.Encode(frame, CompressionLevel.Optimal), () => PngEncoder.Encode(frame, CompressionLevel.Optimal), outDir, frame, ".png");
            DrawBench(sequence, frame, box, rounds, outDir);
        }
        return 0;
    }

    private static void Report(string sequence, string size, string what, int rounds, Func<byte[]> old, Func<byte[]> skia, string outDir, ImageFrame frame, string ext)
    {
        for (int i = 0; i < 3; i++) { old(); skia(); }
        var tOld = new List<double>();
        var tNew = new List<double>();
        byte[] bOld = [], bNew = [];
        for (int r = 0; r < rounds; r++)
        {
            var sw = Stopwatch.StartNew();
            bOld = old();
            tOld.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            bNew = skia();
            tNew.Add(sw.Elapsed.TotalMilliseconds);
        }
        string stem = Path.Combine(outDir, $"{sequence}.{what.Replace(' ', '_')}");
        File.WriteAllBytes(stem + ".old" + ext, bOld);
        File.WriteAllBytes(stem + ".skia" + ext, bNew);
        string Quality(string file)
        {
            using var src = FrameSources.Open(file, new FrameSourceOptions { Format = PixelFormat.Rgb24 });
            using var back = src.ReadFrames().First();
            if (ext == ".png") return back.Pixels.SequenceEqual(frame.Pixels) ? "exact pixels" : "PIXELS DIFFER";
            double se = 0;
            var a = frame.Pixels;
            var b = back.Pixels;
            for (int i = 0; i < a.Length; i++) { double d = a[i] - b[i]; se += d * d; }
            return string.Create(CultureInfo.InvariantCulture, $"PSNR {10 * Math.Log10(255.0 * 255 / (se / a.Length)):0.00} dB");
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{size} {what,-8}: ours {Median(tOld),6:0.00} ms {bOld.Length / 1024.0,6:0.0} KB {Quality(stem + ".old" + ext)} | skia {Median(tNew),6:0.00} ms {bNew.Length / 1024.0,6:0.0} KB {Quality(stem + ".skia" + ext)}  (medians of {rounds})"));
    }

    private static void DrawBench(string sequence, ImageFrame frame, Box box, int rounds, string outDir)
    {
        using var annotator = new FrameAnnotator();
        using var canvas = frame.Clone();
        const int reps = 2000;
        string label = "dcf 0.93", number = "#1";
        void Old() { LegacyDrawing.DrawBox(canvas, box, Rgb.Yellow, 2, label); LegacyDrawing.DrawText(canvas, 4, 4, number, Rgb.White); }
        void New() { annotator.DrawBox(canvas, box, Rgb.Yellow, 2, label); annotator.DrawLabel(canvas, 0, 0, number, Rgb.Black, Rgb.White); }
        for (int i = 0; i < 5000; i++) { Old(); New(); } // past tiered compilation
        var tOld = new List<double>();
        var tNew = new List<double>();
        long aOld = 0, aNew = 0;
        for (int r = 0; r < rounds; r++)
        {
            long a0 = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < reps; i++) Old();
            tOld.Add(sw.Elapsed.TotalMilliseconds * 1000 / reps);
            long a1 = GC.GetAllocatedBytesForCurrentThread();
            sw.Restart();
            for (int i = 0; i < reps; i++) New();
            tNew.Add(sw.Elapsed.TotalMilliseconds * 1000 / reps);
            long a2 = GC.GetAllocatedBytesForCurrentThread();
            aOld += a1 - a0;
            aNew += a2 - a1;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{frame.Width}x{frame.Height} box + label: ours (5x7) {Median(tOld),5:0.0} us {aOld / (double)(rounds * reps):0} B/draw | skia (DejaVu Sans 13 px) {Median(tNew),5:0.0} us {aNew / (double)(rounds * reps):0} B/draw  (medians of {rounds} x {reps})"));

        // What a person sees: the annotated frame, both ways, side by side files.
        using var shot = frame.Clone();
        annotator.DrawBox(shot, box, Rgb.Green, 1);
        annotator.DrawBox(shot, box.Offset(6, 4), Rgb.Yellow, 2, "dcf 0.93");
        annotator.DrawLabel(shot, 0, 0, "#1", Rgb.Black, Rgb.White);
        annotator.DrawLabel(shot, 0, shot.Height - annotator.LabelHeight, annotator.Fit("the yellow boat with a white sail, left of the pier — Ünïcödé ok", shot.Width - 4), Rgb.Black, Rgb.White);
        File.WriteAllBytes(Path.Combine(outDir, $"{sequence}.annotated.png"), PngEncoder.Encode(shot));
        using var oldShot = frame.Clone();
        LegacyDrawing.DrawBox(oldShot, box, Rgb.Green, 1);
        LegacyDrawing.DrawBox(oldShot, box.Offset(6, 4), Rgb.Yellow, 2, "dcf 0.93");
        LegacyDrawing.DrawText(oldShot, 4, 4, "#1", Rgb.White);
        File.WriteAllBytes(Path.Combine(outDir, $"{sequence}.annotated.old.png"), PngEncoder.Encode(oldShot));
    }

    private static double Median(List<double> v)
    {
        var s = v.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
