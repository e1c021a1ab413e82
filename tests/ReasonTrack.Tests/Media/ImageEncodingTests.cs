using ReasonTrack.Media;
using ReasonTrack.Tests.Datasets;
using ReasonTrack.Tests.Reasoning.Modes;

namespace ReasonTrack.Tests.Media;

/// <summary>
/// The frame's source file (issue 11 item 4): set only when frame k is image file k, decoded at its own size; what
/// file-bytes encoding sends, with a PNG fallback named in its description otherwise.
/// </summary>
public class ImageEncodingTests
{
    [Fact]
    public void Frames_carry_their_file_only_when_they_are_exactly_that_file()
    {
        FfmpegTool.Require();
        using var tree = new TempTree();
        var paths = new List<string>();
        for (int k = 0; k < 4; k++)
        {
            using var f = ImageEncodingPerModeTests.Pattern(k == 2 ? 40 : 32, 24, k); // frame 3 has another size
            string p = tree[$"{k + 1:0000}.png"];
            File.WriteAllBytes(p, PngEncoder.Encode(f));
            paths.Add(p);
        }
        byte[] good = File.ReadAllBytes(paths[3]);
        File.WriteAllBytes(paths[3], good[..(good.Length / 2)]); // frame 4 truncated: unreadable

        var seen = new List<(FrameStatus Status, string? File)>();
        using (var source = FfmpegFrameSource.FromImages(paths, new FrameSourceOptions { Format = PixelFormat.Rgb24 }))
            foreach (var f in source.ReadFrames(TestContext.Current.CancellationToken))
                using (f)
                {
                    seen.Add((f.Status, f.SourceFile));
                    if (f.Index == 0)
                    {
                        using var copy = f.Clone();
                        copy.SourceFile.ShouldBe(paths[0]); // Clone keeps it
                        using var crop = ImageOps.Crop(f, 0, 0, 8, 8, PadMode.Zero);
                        crop.SourceFile.ShouldBeNull(); // a derived image is not the file
                        using var grey = ImageOps.Convert(f, PixelFormat.Gray8);
                        grey.SourceFile.ShouldBeNull();
                    }
                }

        seen.ShouldBe([(FrameStatus.Ok, paths[0]), (FrameStatus.Ok, paths[1]), (FrameStatus.Ok, null), (FrameStatus.Unreadable, null)]);
    }

    [Fact]
    public void File_bytes_are_the_file_and_fall_back_to_png_without_one()
    {
        using var tree = new TempTree();
        using var frame = ImageEncodingPerModeTests.Pattern(16, 12, 1);
        byte[] png = PngEncoder.Encode(frame, System.IO.Compression.CompressionLevel.Optimal);
        string path = tree["00007.png"];
        File.WriteAllBytes(path, png);

        frame.SourceFile = path;
        var sent = ImageEncoding.FileBytes().Encode(frame);
        sent.Bytes.ShouldBe(png);
        (sent.MediaType, sent.Description).ShouldBe(("image/jpeg", "file 00007.png (png) as image/jpeg"));
        ImageEncoding.FileBytes(label: null).Encode(frame).MediaType.ShouldBe("image/png");

        frame.SourceFile = null;
        var fallback = ImageEncoding.FileBytes().Encode(frame);
        fallback.MediaType.ShouldBe("image/png");
        fallback.Description.ShouldBe("png (fallback: no source file)");
        using (var decoded = PngTestDecoder.Decode(fallback.Bytes)) decoded.Pixels.ToArray().ShouldBe(frame.Pixels.ToArray());

        frame.SourceFile = tree["missing.png"];
        ImageEncoding.FileBytes().Encode(frame).Description.ShouldStartWith("png (fallback: missing.png unreadable");
        using var other = ImageEncodingPerModeTests.Pattern(20, 12, 1);
        other.SourceFile = path;
        ImageEncoding.FileBytes().Encode(other).Description.ShouldBe("png (fallback: 00007.png is 16x12, the frame 20x12)");
    }

    [Fact]
    public void Names_say_what_is_sent_and_jpeg_quality_is_checked()
    {
        ImageEncoding.ReleasedR1Track.Name.ShouldBe("jpeg q95 4:2:0");
        ImageEncoding.ReleasedVpTracker.Name.ShouldBe("png");
        ImageEncoding.ReleasedReasoningTrack.Name.ShouldBe("file as image/jpeg");
        ImageEncoding.Jpeg(90, JpegSubsampling.Yuv444).Name.ShouldBe("jpeg q90 4:4:4");
        Should.Throw<InvalidSettingException>(() => ImageEncoding.Jpeg(0));
    }
}
