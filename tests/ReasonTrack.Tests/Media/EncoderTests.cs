using ReasonTrack.Media;

namespace ReasonTrack.Tests.Media;

public class EncoderTests
{
    /// <summary>Deterministic pixels with gradients, edges and noise, so every PNG filter and JPEG block type occurs.</summary>
    private static byte[] Synthetic(int w, int h, int channels, int seed)
    {
        var rng = new Random(seed);
        var px = new byte[w * h * channels];
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        for (int c = 0; c < channels; c++)
            px[(y * w + x) * channels + c] = (byte)((x * 3 + y * (c + 1) + ((x / 7 + y / 5) % 2) * 90 + rng.Next(12)) & 0xFF);
        return px;
    }

    [Theory]
    [InlineData(PixelFormat.Rgb24, 37, 23)]
    [InlineData(PixelFormat.Gray8, 64, 48)]
    [InlineData(PixelFormat.Rgb24, 1, 1)]
    public void Png_decodes_in_ffmpeg_to_exactly_the_same_pixels(PixelFormat format, int w, int h)
    {
        FfmpegTool.Require();
        using var tmp = new Datasets.TempTree();
        byte[] px = Synthetic(w, h, ImageFrame.ChannelsOf(format), 7);
        string file = tmp["x.png"];
        File.WriteAllBytes(file, PngEncoder.Encode(px, w, h, format));
        FfmpegTool.Decode(file, format == PixelFormat.Gray8 ? "gray" : "rgb24").ShouldBe(px);
    }

    [Fact]
    public void Png_header_and_chunks_are_well_formed()
    {
        byte[] png = PngEncoder.Encode(Synthetic(10, 6, 3, 1), 10, 6, PixelFormat.Rgb24);
        ImageHeader.TryRead(png, out var h).ShouldBeTrue();
        h.ShouldBe(new ImageHeader(ImageFileKind.Png, 10, 6));
        ImageHeader.CompleteLength(png, ImageFileKind.Png).ShouldBe(png.Length);
        // The IEND chunk's CRC is a fixed, published value.
        png.AsSpan(png.Length - 4).ToArray().ShouldBe(new byte[] { 0xAE, 0x42, 0x60, 0x82 });
    }

    [Theory]
    [InlineData("Couple", JpegSubsampling.Yuv420)]
    [InlineData("Couple", JpegSubsampling.Yuv444)]
    [InlineData("Car4", JpegSubsampling.Yuv420)]
    public void Jpeg_of_a_real_frame_at_quality_90_decodes_in_ffmpeg_above_35_dB(string sequence, JpegSubsampling sub)
    {
        string first = Path.Combine(SharedData.Require($"data/sequences/{sequence}"), "img", "0001.jpg");
        FfmpegTool.Require();
        ImageHeader.TryRead(File.ReadAllBytes(first), out var header).ShouldBeTrue();
        bool gray = sequence == "Car4"; // Car4 frames are one-component JPEGs
        string fmt = gray ? "gray" : "rgb24";
        byte[] px = FfmpegTool.Decode(first, fmt);
        using var tmp = new Datasets.TempTree();
        string file = tmp["x.jpg"];
        byte[] jpg = JpegEncoder.Encode(px, header.Width, header.Height, gray ? PixelFormat.Gray8 : PixelFormat.Rgb24, 90, sub);
        File.WriteAllBytes(file, jpg);
        byte[] back = FfmpegTool.Decode(file, fmt);
        double psnr = FfmpegTool.Psnr(px, back);
        TestContext.Current.TestOutputHelper?.WriteLine($"{sequence} {sub}: {jpg.Length} bytes, PSNR {psnr:F2} dB");
        psnr.ShouldBeGreaterThan(35);
    }

    [Fact]
    public void Jpeg_quality_trades_size_for_fidelity_on_odd_sizes()
    {
        FfmpegTool.Require();
        const int w = 45, h = 29; // not multiples of 8 or 16: edge blocks are padded
        var px = new byte[w * h * 3];
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        {
            // Smooth content: gradients and a slow wave, what JPEG is designed for.
            px[(y * w + x) * 3] = (byte)(40 + 4 * x);
            px[(y * w + x) * 3 + 1] = (byte)(128 + 60 * Math.Sin(x / 6.0 + y / 9.0));
            px[(y * w + x) * 3 + 2] = (byte)(200 - 5 * y);
        }
        using var tmp = new Datasets.TempTree();
        var psnr = new List<double>();
        var size = new List<int>();
        foreach (int q in new[] { 10, 50, 95 })
        {
            string file = tmp[$"q{q}.jpg"];
            byte[] jpg = JpegEncoder.Encode(px, w, h, PixelFormat.Rgb24, q, JpegSubsampling.Yuv444);
            File.WriteAllBytes(file, jpg);
            psnr.Add(FfmpegTool.Psnr(px, FfmpegTool.Decode(file, "rgb24")));
            size.Add(jpg.Length);
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"PSNR {string.Join(", ", psnr)}; bytes {string.Join(", ", size)}");
        psnr.ShouldBeInOrder(SortDirection.Ascending);
        size.ShouldBeInOrder(SortDirection.Ascending);
        psnr[^1].ShouldBeGreaterThan(40);
    }

    [Fact]
    public void Jpeg_header_reports_the_size()
    {
        byte[] jpg = JpegEncoder.Encode(new byte[33 * 17], 33, 17, PixelFormat.Gray8);
        ImageHeader.TryRead(jpg, out var h).ShouldBeTrue();
        h.ShouldBe(new ImageHeader(ImageFileKind.Jpeg, 33, 17));
        ImageHeader.CompleteLength(jpg, ImageFileKind.Jpeg).ShouldBe(jpg.Length);
        ImageHeader.CompleteLength(jpg.AsSpan(0, jpg.Length - 10), ImageFileKind.Jpeg).ShouldBe(-1);
    }
}
