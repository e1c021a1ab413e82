using ReasonTrack.Media;

namespace ReasonTrack.Tests.Media;

[Collection(MemoryMeasurement.Name)]
public class MemoryTests
{
    /// <summary>
    /// 10,000 frames through the decode queue: the pool must stop allocating after the first few frames and the
    /// managed heap (measured after full collections) must not grow between frame 1,000 and frame 10,000.
    /// </summary>
    [Fact]
    public void Streaming_ten_thousand_frames_keeps_memory_flat()
    {
        FfmpegTool.Require();
        using var tmp = new Datasets.TempTree();
        string video = tmp["long.mkv"];
        FfmpegTool.Run("-f", "lavfi", "-i", "testsrc=size=96x64:rate=1000", "-frames:v", "10000", "-c:v", "mpeg4", "-q:v", "5", video);

        using var source = FfmpegFrameSource.FromVideo(video, new FrameSourceOptions { Format = PixelFormat.Rgb24 });
        source.FrameCount.ShouldBe(10000); // Matroska has no frame count: it is counted from packets
        long at1000 = 0, at10000 = 0;
        int n = 0;
        foreach (var f in source.ReadFrames(TestContext.Current.CancellationToken))
        {
            f.Dispose();
            n++;
            if (n == 1000) at1000 = Settled();
        }
        at10000 = Settled();
        n.ShouldBe(10000);
        source.Pool.Allocated.ShouldBeLessThanOrEqualTo(FrameSourceOptions.Default.QueueCapacity + 3);
        // 10,000 frames of 18 KiB would be 180 MiB if retained; allow 1 MiB of noise.
        (at10000 - at1000).ShouldBeLessThan(1 << 20, $"heap after 1,000 frames {at1000:N0} B, after 10,000 {at10000:N0} B");
        TestContext.Current.TestOutputHelper?.WriteLine($"heap after 1,000 frames {at1000:N0} B, after 10,000 {at10000:N0} B, pool buffers {source.Pool.Allocated}");
    }

    private static long Settled()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
