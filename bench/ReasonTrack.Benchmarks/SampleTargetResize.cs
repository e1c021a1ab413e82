using System.Diagnostics;
using System.Globalization;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Crops;

namespace ReasonTrack.Benchmarks;

/// <summary>
/// <c>sample-target-resize [sequence] [count] [outdir]</c>: writes, for the first <c>count</c> frames of a shared
/// sequence, the zero-padded <c>sample_target</c> crop before resizing (<c>k_case.padded.png</c>) and what
/// <see cref="SampleTarget.Crop(ImageFrame, Box, CropMapping)"/> makes of it at 336 px (<c>k_case.ours.png</c>), all
/// lossless PNG, for <c>bench/peers/resize_vs_opencv.py</c> to compare with <c>cv2.resize(padded, (336, 336))</c>
/// (INTER_LINEAR, what R1-Track's <c>infer_script/crop_image.py</c> and <c>generation_data/sampling_data.py</c> call).
/// Cases: <c>f4</c> is R1-Track's template and search window (factor 4) around the ground-truth box, <c>f2</c> the
/// factor-2 window (the low end of the training sampler's U(2, 8)); on bag and Car4 one side is under 336, one over; <c>s168</c>, <c>s672</c> and <c>s1008</c> force the side (2x up,
/// the exact 2x down that OpenCV serves with INTER_AREA, 3x down). Then prints the time of one 336 crop.
/// <c>sample-target-resize random [count] [outdir]</c> instead writes <c>count</c> noise images of random sizes and
/// channel counts (1..700 px a side, gray or RGB) with <see cref="ImageOps.ResizeLinearOpenCv(ImageFrame, int, int)"/>
/// to random sizes, same file names, for the same script. A measurement, never a test.
/// </summary>
internal static class SampleTargetResize
{
    private const int Out = 336;

    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "random") return RandomImages(args[1..]);
        string sequence = args.Length > 0 ? args[0] : "bag";
        int count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        string output = Path.GetFullPath(args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), "sample-target-resize"));
        string seq = SharedPaths.Require(Path.Combine("data", "sequences", sequence));
        var boxes = SequenceBoxes.Read(seq);
        Directory.CreateDirectory(output);
        using var source = FrameSources.Open(seq, new FrameSourceOptions { Format = PixelFormat.Rgb24 });
        int k = 0, written = 0;
        ImageFrame? timingFrame = null;
        Box timingBox = default;
        foreach (var frame in source.ReadFrames())
        {
            using (frame)
            {
                if (k >= count) break;
                var box = boxes[k];
                if (box.W > 0 && box.H > 0)
                {
                    foreach (var (name, map) in Cases(box))
                    {
                        using var padded = SampleTarget.CropPadded(frame, map);
                        var crop = SampleTarget.Crop(frame, box, map);
                        using (crop.Image)
                        {
                            string stem = Path.Combine(output, $"{sequence}_{k:0000}_{name}");
                            File.WriteAllBytes(stem + ".padded.png", PngEncoder.Encode(padded));
                            File.WriteAllBytes(stem + ".ours.png", PngEncoder.Encode(crop.Image));
                        }
                        written++;
                    }
                    if (timingFrame is null)
                    {
                        timingFrame = new ImageFrame(frame.Width, frame.Height, frame.Format);
                        frame.Pixels.CopyTo(timingFrame.Pixels);
                        timingBox = box;
                    }
                }
                k++;
            }
        }
        Console.WriteLine($"{written} crops of {sequence} in {output}");
        if (timingFrame is not null)
        {
            using (timingFrame) Time(timingFrame, timingBox);
        }
        return 0;
    }

    private static int RandomImages(string[] args)
    {
        int count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        string output = Path.GetFullPath(args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "sample-target-resize-random"));
        Directory.CreateDirectory(output);
        var rng = new Random(11);
        int Side() => rng.Next(4) == 0 ? rng.Next(1, 8) : rng.Next(1, 701);
        for (int i = 0; i < count; i++)
        {
            using var src = new ImageFrame(Side(), Side(), rng.Next(2) == 0 ? PixelFormat.Gray8 : PixelFormat.Rgb24);
            rng.NextBytes(src.Pixels);
            int w = i % 10 == 0 ? src.Width / 2 : Side(), h = i % 10 == 0 ? src.Height / 2 : Side();
            if (w < 1 || h < 1) continue;
            using var dst = ImageOps.ResizeLinearOpenCv(src, w, h);
            string stem = Path.Combine(output, $"random_{i:0000}");
            File.WriteAllBytes(stem + ".padded.png", PngEncoder.Encode(src));
            File.WriteAllBytes(stem + ".ours.png", PngEncoder.Encode(dst));
        }
        Console.WriteLine($"{count} random resizes in {output}");
        return 0;
    }

    private static IEnumerable<(string Name, CropMapping Map)> Cases(Box box)
    {
        yield return ("f2", SampleTarget.Window(box, 2, Out));
        yield return ("f4", SampleTarget.Window(box, 4, Out));
        foreach (int side in new[] { 168, 672, 1008 })
        {
            int x1 = (int)Math.Round(box.X + 0.5 * box.W - side * 0.5, MidpointRounding.ToEven);
            int y1 = (int)Math.Round(box.Y + 0.5 * box.H - side * 0.5, MidpointRounding.ToEven);
            yield return ($"s{side}", new CropMapping(x1, y1, side, Out));
        }
    }

    /// <summary>Milliseconds per call (best of 5 rounds) of the whole crop and of the resize alone, per case.</summary>
    private static void Time(ImageFrame frame, Box box)
    {
        foreach (var (name, map) in Cases(box))
        {
            using var padded = SampleTarget.CropPadded(frame, map);
            var dst = new ImageFrame(Out, Out, frame.Format);
            double crop = Best(() => SampleTarget.Crop(frame, box, map).Image.Dispose());
            double old = Best(() => ImageOps.Resize(padded.Pixels, padded.Width, padded.Height, padded.Channels, dst.Pixels, Out, Out));
            double cv = Best(() => ImageOps.ResizeLinearOpenCv(padded.Pixels, padded.Width, padded.Height, padded.Channels, dst.Pixels, Out, Out));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-5} side {map.Side,4} -> {Out}: SampleTarget.Crop {crop:0.000} ms; resize alone: ResizeLinearOpenCv {cv:0.000} ms, Resize (pre-issue-11) {old:0.000} ms"));
        }
    }

    private static double Best(Action action)
    {
        for (int i = 0; i < 20; i++) action();
        double best = double.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            const int reps = 50;
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < reps; i++) action();
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds / reps);
        }
        return best;
    }
}
