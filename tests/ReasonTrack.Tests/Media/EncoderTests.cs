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

    /// <summary>
    /// R1-Track's released client encodes with OpenCV (<c>cv.imencode(".jpg", img)</c>: quality 95, 4:2:0, libjpeg).
    /// Skia's libjpeg-turbo with the same settings quantises to the same coefficients, so the two files decode (in
    /// ffmpeg) to identical pixels although their bytes differ (Skia writes optimised Huffman tables). Measured before
    /// this test: 20 crops of bag with bench/peers/jpeg_vs_opencv.py, max difference 0; our former encoder was 50.2 dB
    /// from OpenCV's, max difference 7. OpenCV 4.6 cannot choose the chroma sampling, so 4:4:4 is checked against PIL
    /// (<c>subsampling=0</c>), which also encodes through libjpeg.
    /// </summary>
    [Theory]
    [InlineData(95, "Yuv420", "cv2")]
    [InlineData(90, "Yuv420", "cv2")]
    [InlineData(95, "Yuv444", "PIL")]
    public void Jpeg_decodes_to_the_same_pixels_as_OpenCV_and_PIL_with_the_same_settings(int quality, string sub, string reference)
    {
        string python = ReasonTrack.Tests.Trackers.External.ExternalChildren.RequireCv2();
        FfmpegTool.Require();
        const int w = 100, h = 75; // not multiples of 16: partial MCUs at the right and bottom
        byte[] px = Synthetic(w, h, 3, 11);
        using var tmp = new Datasets.TempTree();
        File.WriteAllBytes(tmp["src.png"], PngEncoder.Encode(px, w, h, PixelFormat.Rgb24));
        File.WriteAllBytes(tmp["ours.jpg"], JpegEncoder.Encode(px, w, h, PixelFormat.Rgb24, quality, Enum.Parse<JpegSubsampling>(sub)));
        string code = reference == "cv2"
            ? $"import cv2,sys; img=cv2.imread(sys.argv[1], cv2.IMREAD_COLOR); ok,b=cv2.imencode('.jpg', img, [cv2.IMWRITE_JPEG_QUALITY, {quality}]); open(sys.argv[2],'wb').write(b.tobytes())"
            : $"import sys\ntry:\n from PIL import Image\nexcept ImportError: sys.exit(3)\nImage.open(sys.argv[1]).convert('RGB').save(sys.argv[2], 'JPEG', quality={quality}, subsampling=0)";
        var psi = new System.Diagnostics.ProcessStartInfo(python) { RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { "-c", code, tmp["src.png"], tmp["ref.jpg"] }) psi.ArgumentList.Add(a);
        using (var p = System.Diagnostics.Process.Start(psi)!)
        {
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode == 3) Assert.Skip($"{python} has no PIL (Debian python3-pil)");
            p.ExitCode.ShouldBe(0, err);
        }
        byte[] ours = FfmpegTool.Decode(tmp["ours.jpg"], "rgb24"), expected = FfmpegTool.Decode(tmp["ref.jpg"], "rgb24");
        ours.ShouldBe(expected);
        File.ReadAllBytes(tmp["ours.jpg"]).ShouldNotBe(File.ReadAllBytes(tmp["ref.jpg"])); // same pixels, other entropy coding
    }

    [Fact]
    public void Png_is_8_bit_gray_or_truecolour_without_alpha()
    {
        // IHDR (PNG spec 11.2.2): bit depth at byte 24, colour type at 25: 0 gray, 2 truecolour (6 would be RGBA).
        byte[] rgb = PngEncoder.Encode(Synthetic(9, 4, 3, 2), 9, 4, PixelFormat.Rgb24);
        (rgb[24], rgb[25]).ShouldBe(((byte)8, (byte)2));
        byte[] gray = PngEncoder.Encode(Synthetic(9, 4, 1, 2), 9, 4, PixelFormat.Gray8);
        (gray[24], gray[25]).ShouldBe(((byte)8, (byte)0));
        using var decoded = PngTestDecoder.Decode(rgb);
        decoded.Pixels.ToArray().ShouldBe(Synthetic(9, 4, 3, 2));
    }

    [Fact]
    public void Jpeg_of_a_gray_frame_has_one_component_and_422_samples_chroma_2x1()
    {
        var (_, grayComponents) = JpegTestReader.Read(JpegEncoder.Encode(new byte[16 * 8], 16, 8, PixelFormat.Gray8));
        grayComponents.Select(c => (c.H, c.V)).ShouldBe([(1, 1)]);
        var (_, c422) = JpegTestReader.Read(JpegEncoder.Encode(Synthetic(16, 8, 3, 3), 16, 8, PixelFormat.Rgb24, 90, JpegSubsampling.Yuv422));
        c422.Select(c => (c.H, c.V)).ShouldBe([(2, 1), (1, 1), (1, 1)]);
    }

    /// <summary>
    /// make-data promises the same bytes for the same seed on one machine (TrainingSetBuilderTests covers the JPEG
    /// default end to end, with 2 jobs): the Skia encoders give the same bytes for the same pixels, whichever thread
    /// encodes and however many encode at once.
    /// </summary>
    [Fact]
    public void Encoding_the_same_pixels_gives_the_same_bytes_on_every_thread()
    {
        byte[] px = Synthetic(123, 77, 3, 5);
        byte[] jpeg = JpegEncoder.Encode(px, 123, 77, PixelFormat.Rgb24, 95), png = PngEncoder.Encode(px, 123, 77, PixelFormat.Rgb24);
        var results = new System.Collections.Concurrent.ConcurrentBag<(byte[] Jpeg, byte[] Png)>();
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
            results.Add((JpegEncoder.Encode(px, 123, 77, PixelFormat.Rgb24, 95), PngEncoder.Encode(px, 123, 77, PixelFormat.Rgb24))));
        results.Count.ShouldBe(16);
        foreach (var (j, p) in results)
        {
            j.ShouldBe(jpeg);
            p.ShouldBe(png);
        }
        JpegEncoder.Encode(px, 123, 77, PixelFormat.Rgb24, 94).ShouldNotBe(jpeg); // the comparison can fail
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
