using ReasonTrack.Media;

namespace ReasonTrack.Tests.Media;

/// <summary>
/// A damaged image file is that one frame, never a shift: frame k of the output is image k of the input. The frames
/// are numbered in their pixels (the lower half is solid grey 8·k, the upper half noise so the files are large enough
/// to damage mid-file), so the tests check content, not only counts.
/// </summary>
public class DamagedFrameTests
{
    private const int Count = 30, W = 128, H = 96;

    private static byte[] NumberedJpeg(int k)
    {
        var px = new byte[W * H];
        new Random(k).NextBytes(px.AsSpan(0, W * H / 2));
        px.AsSpan(W * H / 2).Fill((byte)(8 * k));
        return JpegEncoder.Encode(px, W, H, PixelFormat.Gray8, quality: 90);
    }

    /// <summary>The number a delivered frame carries: its lower half's mean grey over 8.</summary>
    private static int NumberOf(ReadOnlySpan<byte> gray)
    {
        long sum = 0;
        int n = 0;
        for (int y = H / 2 + 8; y < H - 8; y++)
            for (int x = 8; x < W - 8; x++) { sum += gray[y * W + x]; n++; }
        return (int)Math.Round(sum / (double)n / 8);
    }

    private static string[] MakeFrames(string folder, int damaged)
    {
        Directory.CreateDirectory(folder);
        var paths = new string[Count];
        for (int k = 1; k <= Count; k++)
        {
            byte[] jpg = NumberedJpeg(k);
            if (k == damaged)
            {
                // 800 bytes overwritten in the middle, header and end-of-image marker intact. The garbage holds
                // what random damage sometimes holds: bytes that read as a marker segment with a large length
                // (FF E1 FF FF), which made ffmpeg's image2pipe parser swallow the following files.
                jpg.Length.ShouldBeGreaterThan(2400);
                var garbage = jpg.AsSpan(jpg.Length / 2 - 400, 800);
                new Random(99).NextBytes(garbage);
                for (int j = 0; j + 4 <= 64; j += 4) { garbage[j] = 0xFF; garbage[j + 1] = 0xE1; garbage[j + 2] = 0xFF; garbage[j + 3] = 0xFF; }
            }
            paths[k - 1] = Path.Combine(folder, $"{k:D4}.jpg");
            File.WriteAllBytes(paths[k - 1], jpg);
        }
        return paths;
    }

    private static void CheckAligned(FfmpegFrameSource source, string[] paths, int damaged)
    {
        int i = 0;
        foreach (var f in source.ReadFrames(TestContext.Current.CancellationToken))
        {
            using (f)
            {
                f.Index.ShouldBe(i);
                f.Origin.ShouldBe(paths[i]);
                int k = i + 1;
                if (k != damaged)
                {
                    f.Status.ShouldBe(FrameStatus.Ok, $"frame {k}");
                    NumberOf(f.Pixels).ShouldBe(k, $"frame {k} must show image {k}");
                }
                i++;
            }
        }
        i.ShouldBe(Count);
        // Whatever is said is about the damaged file, never a later one.
        foreach (string w in source.Warnings) w.ShouldContain(paths[damaged - 1]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(Count)]
    public void A_damaged_jpeg_in_a_folder_is_that_frame_alone(int damaged)
    {
        FfmpegTool.Require();
        using var tmp = new Datasets.TempTree();
        string[] paths = MakeFrames(tmp["seq"], damaged);
        using var source = FrameSources.Open(tmp["seq"], new FrameSourceOptions { Format = PixelFormat.Gray8 });
        CheckAligned(source, paths, damaged);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(Count)]
    public void A_damaged_jpeg_in_an_image_list_is_that_frame_alone_also_bit_exact(int damaged)
    {
        FfmpegTool.Require();
        using var tmp = new Datasets.TempTree();
        string[] paths = MakeFrames(tmp["list"], damaged);
        using var source = FfmpegFrameSource.FromImages(paths, new FrameSourceOptions { Format = PixelFormat.Gray8, BitExact = true });
        CheckAligned(source, paths, damaged);
    }
}
