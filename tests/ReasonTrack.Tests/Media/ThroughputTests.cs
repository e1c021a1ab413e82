using System.Diagnostics;
using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Tests.Media;

/// <summary>
/// Stopwatch measurements of the hot paths, printed to the test output and to $TMP/reasontrack-media-throughput.txt.
/// The assertions are loose floors that only catch order-of-magnitude regressions (a shared 2-core machine).
/// </summary>
public class ThroughputTests
{
    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "reasontrack-media-throughput.txt"), line + Environment.NewLine);
    }

    [Theory]
    [InlineData(PixelFormat.Gray8)]
    [InlineData(PixelFormat.Rgb24)]
    public void Car4_decode_throughput(PixelFormat format)
    {
        string seq = SharedData.Require("data/sequences/Car4");
        FfmpegTool.Require();
        using var source = FrameSources.Open(seq, new FrameSourceOptions { Format = format });
        var sw = Stopwatch.StartNew();
        int n = 0;
        foreach (var f in source.ReadFrames(TestContext.Current.CancellationToken)) { f.Dispose(); n++; }
        sw.Stop();
        double fps = n / sw.Elapsed.TotalSeconds;
        Report($"Car4 {format}: {n} frames in {sw.Elapsed.TotalMilliseconds:F0} ms = {fps:F0} frames/s (pool buffers {source.Pool.Allocated})");
        n.ShouldBe(659);
        fps.ShouldBeGreaterThan(50);
    }

    [Fact]
    public void Crop_resize_to_255()
    {
        var src = new ImageFrame(640, 480, PixelFormat.Rgb24);
        new Random(1).NextBytes(src.Data);
        var dst = new ImageFrame(255, 255, PixelFormat.Rgb24);
        var inside = new Box(100, 80, 300, 300);
        var outside = new Box(-120, -60, 400, 400);
        for (int i = 0; i < 50; i++) { ImageOps.CropResize(src, inside, dst); ImageOps.CropResize(src, outside, dst); }
        const int reps = 500;
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < reps; i++) ImageOps.CropResize(src, inside, dst, PadMode.Zero);
        double inUs = sw.Elapsed.TotalMilliseconds * 1000 / reps;
        sw.Restart();
        for (int i = 0; i < reps; i++) ImageOps.CropResize(src, outside, dst, PadMode.Zero);
        double outUs = sw.Elapsed.TotalMilliseconds * 1000 / reps;
        sw.Restart();
        for (int i = 0; i < reps; i++) ImageOps.CropResize(src, inside, dst, PadMode.Mean);
        double meanUs = sw.Elapsed.TotalMilliseconds * 1000 / reps;
        Report($"CropResize rgb 640x480 -> 255x255: inside {inUs:F0} us, partly outside {outUs:F0} us, inside + mean colour {meanUs:F0} us");
        inUs.ShouldBeLessThan(20_000);
    }
}
