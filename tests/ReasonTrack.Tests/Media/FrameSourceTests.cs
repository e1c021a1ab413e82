using ReasonTrack.Datasets;
using ReasonTrack.Media;

namespace ReasonTrack.Tests.Media;

public class FrameSourceTests
{
    private static string Car4Img => Path.Combine(SharedData.Require("data/sequences/Car4"), "img");

    [Theory]
    [InlineData(PixelFormat.Gray8, "gray")]
    [InlineData(PixelFormat.Rgb24, "rgb24")]
    public void Reads_Car4_with_every_frame_matching_an_independent_ffmpeg_decode_of_sampled_files(PixelFormat format, string pixFmt)
    {
        string img = Car4Img;
        FfmpegTool.Require();
        int jpgs = Directory.GetFiles(img, "*.jpg").Length;
        using var source = FrameSources.Open(Path.GetDirectoryName(img)!, new FrameSourceOptions { Format = format });
        source.Name.ShouldBe("Car4");
        source.Size.Width.ShouldBe(360); // provenance.txt: image size (WxH): 360x240
        source.Size.Height.ShouldBe(240);
        source.FrameCount.ShouldBe(jpgs);

        int[] check = [0, 1, 330, jpgs - 1];
        int n = 0;
        foreach (var frame in source.ReadFrames(TestContext.Current.CancellationToken))
        {
            using (frame)
            {
                frame.Index.ShouldBe(n);
                frame.Status.ShouldBe(FrameStatus.Ok);
                frame.Format.ShouldBe(format);
                if (check.Contains(n))
                {
                    string file = Path.Combine(img, $"{n + 1:D4}.jpg");
                    frame.Origin.ShouldBe(file);
                    byte[] expected = FfmpegTool.Decode(file, pixFmt);
                    frame.Pixels.SequenceEqual(expected).ShouldBeTrue($"frame {n} differs from ffmpeg's decode of {file}");
                }
                n++;
            }
        }
        n.ShouldBe(jpgs);
        source.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void A_video_made_from_frames_reads_back_with_its_frame_count_and_size()
    {
        string img = Car4Img;
        FfmpegTool.Require();
        using var tmp = new Datasets.TempTree();
        string video = tmp["car4 clip.mp4"];
        FfmpegTool.Run("-framerate", "25", "-start_number", "1", "-i", Path.Combine(img, "%04d.jpg"), "-frames:v", "40",
            "-c:v", "mpeg4", "-q:v", "2", "-pix_fmt", "yuv420p", video);

        using var source = FrameSources.Open(video, new FrameSourceOptions { Format = PixelFormat.Gray8 });
        source.Name.ShouldBe("car4 clip");
        source.Size.Width.ShouldBe(360);
        source.Size.Height.ShouldBe(240);
        source.FrameCount.ShouldBe(40);
        int n = 0;
        foreach (var f in source.ReadFrames(TestContext.Current.CancellationToken))
        {
            using (f) { f.Width.ShouldBe(360); f.Index.ShouldBe(n); n++; }
        }
        n.ShouldBe(40);
        source.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void A_truncated_video_ends_with_a_warning_naming_the_frames_read()
    {
        FfmpegTool.Require();
        using var tmp = new Datasets.TempTree();
        string video = tmp["clip.mp4"];
        FfmpegTool.Run("-f", "lavfi", "-i", "testsrc=size=160x120:rate=25", "-frames:v", "200", "-c:v", "mpeg4", "-q:v", "2",
            "-movflags", "+faststart", video);
        byte[] all = File.ReadAllBytes(video);
        File.WriteAllBytes(video, all.AsSpan(0, all.Length / 2).ToArray());

        using var source = FfmpegFrameSource.FromVideo(video);
        source.FrameCount.ShouldBe(200); // the moov atom is at the front, so the container still declares 200
        int n = 0;
        foreach (var f in source.ReadFrames(TestContext.Current.CancellationToken)) { f.Dispose(); n++; }
        n.ShouldBeInRange(1, 199);
        string warning = source.Warnings.ShouldHaveSingleItem();
        warning.ShouldContain($"ended at frame {n} of 200");
        warning.ShouldNotContain("ffmpeg said"); // one line, not ffmpeg's raw stderr
        warning.ShouldNotContain("\n");
    }

    [Fact]
    public void Text_files_are_refused_as_videos_with_an_error_naming_the_file()
    {
        FfmpegTool.Require();
        using var tmp = new Datasets.TempTree();
        // An OTB annotation file: ffmpeg's tty demuxer would "play" it as ANSI art frames.
        string file = tmp.Write("groundtruth_rect.txt", string.Concat(Enumerable.Range(0, 400).Select(i => $"{i},{2 * i},50,80\n")));
        var e = Should.Throw<MediaException>(() => FrameSources.Open(file));
        e.ShouldBeAssignableTo<ReasonTrackException>();
        e.Message.ShouldContain(file);
        e.Message.ShouldContain("not an image or a video");
    }

    [Fact]
    public void A_truncated_frame_is_delivered_unreadable_with_the_previous_pixels_and_a_warning_naming_it()
    {
        string img = Car4Img;
        FfmpegTool.Require();
        using var tmp = new Datasets.TempTree();
        string folder = Path.Combine(tmp.Root, "Cut", "img");
        Directory.CreateDirectory(folder);
        for (int i = 1; i <= 5; i++) File.Copy(Path.Combine(img, $"{i:D4}.jpg"), Path.Combine(folder, $"{i:D4}.jpg"));
        string bad = Path.Combine(folder, "0003.jpg");
        File.WriteAllBytes(bad, File.ReadAllBytes(bad).AsSpan(0, 100).ToArray());

        using var source = FrameSources.Open(folder, new FrameSourceOptions { Format = PixelFormat.Gray8 });
        source.Name.ShouldBe("Cut"); // the folder is img/, so the parent names the sequence
        var frames = new List<(FrameStatus Status, byte[] Pixels)>();
        foreach (var f in source.ReadFrames(TestContext.Current.CancellationToken)) using (f) frames.Add((f.Status, f.Pixels.ToArray()));

        frames.Count.ShouldBe(5);
        frames.Select(f => f.Status).ShouldBe([FrameStatus.Ok, FrameStatus.Ok, FrameStatus.Unreadable, FrameStatus.Ok, FrameStatus.Ok]);
        frames[2].Pixels.ShouldBe(frames[1].Pixels);
        frames[3].Pixels.ShouldBe(FfmpegTool.Decode(Path.Combine(folder, "0004.jpg"), "gray"));
        source.Warnings.ShouldHaveSingleItem().ShouldContain(bad);
    }

    [Fact]
    public void A_missing_first_frame_is_black_and_a_frame_of_another_size_is_resized_with_a_warning()
    {
        string img = Car4Img;
        FfmpegTool.Require();
        using var tmp = new Datasets.TempTree();
        string folder = tmp["Mixed"];
        Directory.CreateDirectory(folder);
        for (int i = 2; i <= 4; i++) File.Copy(Path.Combine(img, $"{i:D4}.jpg"), Path.Combine(folder, $"{i:D4}.jpg"));
        string small = Path.Combine(folder, "0003.jpg");
        File.Delete(small);
        FfmpegTool.Run("-i", Path.Combine(img, "0003.jpg"), "-vf", "scale=180:120", small);
        var paths = new[] { Path.Combine(folder, "0001.jpg") }.Concat(DatasetFiles.ListImages(folder)).ToArray();

        using var source = FfmpegFrameSource.FromImages(paths, new FrameSourceOptions { Format = PixelFormat.Gray8 });
        source.Size.Width.ShouldBe(360);
        var statuses = new List<FrameStatus>();
        foreach (var f in source.ReadFrames(TestContext.Current.CancellationToken))
        {
            using (f)
            {
                statuses.Add(f.Status);
                f.Width.ShouldBe(360);
                if (f.Index == 0) f.Pixels.ToArray().ShouldAllBe(b => b == 0);
            }
        }
        statuses.ShouldBe([FrameStatus.Unreadable, FrameStatus.Ok, FrameStatus.Ok, FrameStatus.Ok]);
        source.Warnings.Count.ShouldBe(2);
        source.Warnings[0].ShouldContain(paths[0]);
        source.Warnings[1].ShouldContain(small);
        source.Warnings[1].ShouldContain("180x120");
    }

    [Fact]
    public void Missing_ffmpeg_is_a_clear_error_with_the_install_hint()
    {
        string nowhere = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "ffmpeg");
        var e = Should.Throw<FfmpegNotFoundException>(() => FfmpegFrameSource.FromImages([typeof(FrameSourceTests).Assembly.Location],
            new FrameSourceOptions { FfmpegPath = nowhere }));
        e.Message.ShouldContain(nowhere);
        e.Message.ShouldContain("sudo apt-get install ffmpeg (or ./setup.sh)");
    }

    [Fact]
    public void Missing_paths_and_non_videos_are_errors_naming_the_file()
    {
        FfmpegTool.Require();
        using var tmp = new Datasets.TempTree();
        string missing = tmp["nothing.mp4"];
        Should.Throw<MediaException>(() => FrameSources.Open(missing)).Message.ShouldContain(missing);
        string fake = tmp.Write("fake.mp4", "this is not a video");
        var e = Should.Throw<MediaException>(() => FrameSources.Open(fake));
        e.Message.ShouldContain(fake);
        e.Message.ShouldContain("not a readable video");
        Directory.CreateDirectory(tmp["empty"]);
        Should.Throw<MediaException>(() => FrameSources.Open(tmp["empty"])).Message.ShouldContain("no images");
    }

    [Theory]
    [InlineData("/data/Car4/img", "Car4")]
    [InlineData("/data/Car4/imgs/", "Car4")]
    [InlineData("/data/Car4", "Car4")]
    public void Sequences_are_named_after_the_folder_or_the_parent_of_img(string folder, string name) =>
        FrameSources.SequenceNameOfFolder(folder).ShouldBe(name);

    [Fact]
    public void Breaking_out_early_stops_ffmpeg_and_returns_the_buffers()
    {
        string img = Car4Img;
        FfmpegTool.Require();
        using var source = FrameSources.Open(img);
        int n = 0;
        foreach (var f in source.ReadFrames(TestContext.Current.CancellationToken))
        {
            f.Dispose();
            if (++n == 10) break;
        }
        // A second pass starts a fresh decode from frame 0.
        var first = source.ReadFrames(TestContext.Current.CancellationToken).First();
        first.Index.ShouldBe(0);
        first.Dispose();
        source.Pool.Allocated.ShouldBeLessThanOrEqualTo(2 * (FrameSourceOptions.Default.QueueCapacity + 3));
    }
}
