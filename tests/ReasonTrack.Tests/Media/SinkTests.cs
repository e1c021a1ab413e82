using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Tests.Media;

public class SinkTests
{
    private static ImageFrame Pattern(int w, int h, int i)
    {
        var f = new ImageFrame(w, h, PixelFormat.Rgb24) { Index = i };
        for (int p = 0; p < w * h; p++) { f.Data[3 * p] = (byte)(p * 7 + i); f.Data[3 * p + 1] = (byte)(p / w * 3); f.Data[3 * p + 2] = (byte)(i * 20); }
        return f;
    }

    [Fact]
    public void Video_sink_writes_an_mp4_that_reads_back_with_odd_sizes_padded_to_even()
    {
        FfmpegTool.Require();
        using var tmp = new Datasets.TempTree();
        string path = tmp["out/annotated.mp4"];
        using var annotator = TestFonts.Annotator();
        using (var sink = new FfmpegVideoSink(path, fps: 10))
        {
            for (int i = 0; i < 12; i++)
            {
                using var f = Pattern(101, 75, i);
                annotator.DrawBox(f, new Box(10, 10, 40, 30), Rgb.Red, 2, $"#{i}");
                sink.Write(f);
            }
            File.Exists(path).ShouldBeFalse(); // only a temporary file until finished
        }
        File.Exists(path).ShouldBeTrue();
        Directory.GetFiles(tmp["out"]).ShouldHaveSingleItem(); // the temporary file was moved, not left behind
        using var back = FrameSources.Open(path);
        back.Size.ShouldBe(new ImageSize(102, 76));
        back.FrameCount.ShouldBe(12);
        back.ReadFrames(TestContext.Current.CancellationToken).Count(f => { f.Dispose(); return true; }).ShouldBe(12);
    }

    [Fact]
    public void Video_sink_errors_carry_ffmpegs_message_and_leave_no_file()
    {
        FfmpegTool.Require();
        using var tmp = new Datasets.TempTree();
        string path = tmp["clip.notaformat"]; // ffmpeg cannot guess a muxer from this extension
        var sink = new FfmpegVideoSink(path);
        var e = Should.Throw<MediaException>(() =>
        {
            using var f = Pattern(64, 48, 0);
            sink.Write(f);
            sink.Dispose();
        });
        e.Message.ShouldContain(path);
        e.Message.ShouldContain("ffmpeg");
        File.Exists(path).ShouldBeFalse();
        Directory.GetFiles(tmp.Root).ShouldBeEmpty();
    }

    [Fact]
    public void Image_folder_sink_writes_numbered_pngs_that_read_back_exactly()
    {
        FfmpegTool.Require();
        using var tmp = new Datasets.TempTree();
        var written = new List<byte[]>();
        using (var sink = new ImageFolderSink(tmp["seq/img"], ImageFileKind.Png, digits: 4))
        {
            for (int i = 0; i < 3; i++)
            {
                using var f = Pattern(33, 21, i);
                written.Add(f.Pixels.ToArray());
                sink.Write(f);
            }
        }
        Directory.GetFiles(tmp["seq/img"]).Select(Path.GetFileName).Order().ShouldBe(["0001.png", "0002.png", "0003.png"]);
        using var back = FrameSources.Open(tmp["seq"]);
        back.Name.ShouldBe("seq");
        int n = 0;
        foreach (var f in back.ReadFrames(TestContext.Current.CancellationToken))
        {
            using (f) f.Pixels.ToArray().ShouldBe(written[n++]);
        }
        n.ShouldBe(3);
    }

    [Fact]
    public void Image_folder_sink_writes_jpegs()
    {
        FfmpegTool.Require();
        using var tmp = new Datasets.TempTree();
        using (var sink = new ImageFolderSink(tmp.Root, ImageFileKind.Jpeg, quality: 80))
        {
            using var f = Pattern(40, 30, 1);
            sink.Write(f);
        }
        string file = tmp["000001.jpg"];
        ImageHeader.TryRead(File.ReadAllBytes(file), out var h).ShouldBeTrue();
        h.ShouldBe(new ImageHeader(ImageFileKind.Jpeg, 40, 30));
        FfmpegTool.Decode(file, "rgb24").Length.ShouldBe(40 * 30 * 3);
    }
}
