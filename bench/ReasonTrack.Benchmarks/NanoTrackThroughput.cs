using System.Diagnostics;
using System.Globalization;
using ReasonTrack.Datasets;
using ReasonTrack.Media;
using ReasonTrack.Trackers.NanoTrack;

namespace ReasonTrack.Benchmarks;

/// <summary>
/// <c>nanotrack-fps [v2] [rounds=5]</c>: frames/s of NanoTrack's tracking work (only <c>Update</c>: search crop, backbone,
/// head, decode; not JPEG decoding, not Initialize) over the ten shared sequences, 1 intra-op thread, published
/// settings. Each sequence is decoded once (Rgb24, as the dataset runner decodes it) and tracked <c>rounds</c> times;
/// a round's figure is all updates of all sequences over their summed time. Prints every round and the median.
/// Measured and printed, never asserted.
/// </summary>
internal static class NanoTrackThroughput
{
    public static int Run(string[] args)
    {
        var version = args.Length > 0 ? Enum.Parse<NanoTrackVersion>(args[0].TrimStart('v', 'V').Insert(0, "V")) : NanoTrackVersion.V2;
        int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        string root = SharedPaths.Require(Path.Combine("data", "sequences"));
        Environment.SetEnvironmentVariable("REASONTRACK_MODELS", Environment.GetEnvironmentVariable("REASONTRACK_MODELS") ?? SharedPaths.Require("models"));
        var dataset = DatasetRegistry.Get("otb").Load(root, new DatasetLoadOptions());
        using var tracker = new NanoTrackTracker(NanoTrackOptions.ForVersion(version) with { Threads = 1 });
        var ticks = new long[rounds];
        long updates = 0;
        foreach (var seq in dataset.Sequences)
        {
            var frames = new List<ImageFrame>();
            using (var source = FfmpegFrameSource.FromImages(seq.Frames.Take(seq.Length), new FrameSourceOptions { Format = PixelFormat.Rgb24 }))
                foreach (var f in source.ReadFrames())
                    using (f)
                    {
                        var copy = new ImageFrame(f.Width, f.Height, f.Format);
                        f.Pixels.CopyTo(copy.Data);
                        frames.Add(copy);
                    }
            for (int r = 0; r < rounds; r++)
            {
                tracker.Initialize(frames[0], seq.GroundTruth[0]);
                long t0 = Stopwatch.GetTimestamp();
                for (int i = 1; i < frames.Count; i++) tracker.Update(frames[i]);
                ticks[r] += Stopwatch.GetTimestamp() - t0;
            }
            updates += frames.Count - 1;
        }
        var fps = ticks.Select(t => updates / (t / (double)Stopwatch.Frequency)).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tracker.Name}, 1 thread, {dataset.Sequences.Count} sequences, {updates} updates per round; {tracker.RuntimeDescription}"));
        Console.WriteLine("rounds (frames/s): " + string.Join(" ", fps.Select(v => v.ToString("0.0", CultureInfo.InvariantCulture))));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median {fps.Order().ElementAt(rounds / 2):0.0} frames/s ({1000 / fps.Order().ElementAt(rounds / 2):0.000} ms/update)"));
        return 0;
    }
}
