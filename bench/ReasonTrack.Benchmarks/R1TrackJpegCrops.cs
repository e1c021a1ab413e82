using System.Globalization;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Prompts;

namespace ReasonTrack.Benchmarks;

/// <summary>
/// <c>r1track-jpeg [sequence] [count] [outdir] [--legacy]</c>: writes R1-Track search crops (factor 4, 336 px, around
/// the ground truth box) of a shared sequence as lossless PNG (<c>k.png</c>) and as what the r1track mode sends
/// (<c>k.ours.jpg</c>: JPEG quality 95, 4:2:0 through SkiaSharp; with <c>--legacy</c> our pre-issue-13 encoder
/// instead), for <c>bench/peers/jpeg_vs_opencv.py</c> to compare with OpenCV's <c>cv.imencode(".jpg")</c> on the same
/// pixels. A measurement, never a test.
/// </summary>
internal static class R1TrackJpegCrops
{
    public static int Run(string[] args)
    {
        bool legacy = args.Contains("--legacy");
        args = [.. args.Where(a => a != "--legacy")];
        string sequence = args.Length > 0 ? args[0] : "bag";
        int count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        string output = Path.GetFullPath(args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), "r1track-jpeg"));
        string seq = SharedPaths.Require(Path.Combine("data", "sequences", sequence));
        var boxes = SequenceBoxes.Read(seq);
        Directory.CreateDirectory(output);
        using var source = FrameSources.Open(seq, new FrameSourceOptions { Format = PixelFormat.Rgb24 });
        int k = 0;
        foreach (var frame in source.ReadFrames())
        {
            using (frame)
            {
                if (k >= count) break;
                if (!(boxes[k].W > 0 && boxes[k].H > 0)) { k++; continue; }
                var crop = R1TrackPrompts.SearchCrop(frame, boxes[k]);
                using (crop.Image)
                {
                    File.WriteAllBytes(Path.Combine(output, $"{k:0000}.png"), PngEncoder.Encode(crop.Image));
                    File.WriteAllBytes(Path.Combine(output, $"{k:0000}.ours.jpg"), legacy
                        ? Legacy.LegacyJpegEncoder.Encode(crop.Image, ImageEncoding.ReleasedR1Track.JpegQuality)
                        : ImageEncoding.ReleasedR1Track.Encode(crop.Image).Bytes);
                }
                k++;
            }
        }
        Console.WriteLine($"{k} crops of {sequence} in {output} ({ImageEncoding.ReleasedR1Track.Name}{(legacy ? ", legacy encoder" : ", SkiaSharp")})");
        return 0;
    }
}
