using System.Diagnostics;
using System.Globalization;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Trackers.External;

namespace ReasonTrack.Benchmarks;

/// <summary>
/// <c>external-overhead [frames] [python] [width] [height]</c>: the external-tracker bridge's cost per frame with a
/// no-op Python child (tests/.../noop_adapter.py over python/reasontrack_adapter.py, standard library only): header,
/// raw RGB frame on the pipe, the child's read and JSON reply, parsing. Default 2000 frames at 640x480, best of 3.
/// Measured and printed, never asserted (issue 12 target: under 1 ms per frame).
/// </summary>
internal static class ExternalOverhead
{
    public static int Run(string[] args)
    {
        int frames = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        string python = args.Length > 1 ? args[1] : File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        int width = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 640;
        int height = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 480;
        string root = RepoRoot();
        Environment.SetEnvironmentVariable("PYTHONPATH", Path.Combine(root, "python"));
        var options = new ExternalTrackerOptions
        {
            Interpreter = python,
            Command = [Path.Combine(root, "tests", "ReasonTrack.Tests", "Trackers", "External", "noop_adapter.py")],
        };
        var frame = new ImageFrame(width, height, PixelFormat.Rgb24);
        new Random(1).NextBytes(frame.Data);
        double best = double.MaxValue, childMs = 0;
        long allocated = 0;
        for (int round = 0; round < 3; round++)
        {
            using var tracker = new ExternalTracker(options);
            frame.Index = 0;
            tracker.Initialize(frame, new Box(100, 100, 50, 50));
            for (int i = 1; i <= 50; i++) { frame.Index = i; tracker.Update(frame); } // warm-up
            double before = tracker.ChildMilliseconds;
            long bytes = GC.GetTotalAllocatedBytes(precise: true);
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < frames; i++) { frame.Index = 51 + i; tracker.Update(frame); }
            double ms = sw.Elapsed.TotalMilliseconds / frames;
            if (ms < best) (best, childMs, allocated) = (ms, (tracker.ChildMilliseconds - before) / frames, (GC.GetTotalAllocatedBytes(precise: true) - bytes) / frames);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"external bridge, no-op child ({python}), {width}x{height} rgb24 ({width * height * 3} bytes/frame), {frames} updates: {best:0.000} ms/frame round trip (best of 3; the child's own update {childMs:0.000} ms), {allocated} bytes allocated per frame on the host"));
        return 0;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReasonTrack.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
