using ReasonTrack.Media;

namespace ReasonTrack.Tests.Media;

/// <summary>
/// The whole of a real sequence decodes through the pooled frame source in both formats. Decode frames/s and
/// crop-resize times are measured, not asserted, by
/// <c>dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- media-throughput</c> (README).
/// </summary>
public class Car4DecodeTests
{
    [Theory]
    [InlineData(PixelFormat.Gray8)]
    [InlineData(PixelFormat.Rgb24)]
    public void Car4_decodes_every_frame_with_a_few_pooled_buffers(PixelFormat format)
    {
        string seq = SharedData.Require("data/sequences/Car4");
        FfmpegTool.Require();
        using var source = FrameSources.Open(seq, new FrameSourceOptions { Format = format });
        int n = 0;
        foreach (var f in source.ReadFrames(TestContext.Current.CancellationToken)) { f.Dispose(); n++; }
        n.ShouldBe(659);
        source.Pool.Allocated.ShouldBeLessThan(n); // frames disposed at once go back to the pool and are reused
    }
}
