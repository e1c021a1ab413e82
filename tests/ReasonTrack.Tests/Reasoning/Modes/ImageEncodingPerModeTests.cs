using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Tests.Datasets;
using ReasonTrack.Tests.Media;
using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Reasoning.Modes;

/// <summary>
/// Issue 11 item 4: each mode sends its images as its released client does, and the reasoning log names the encoding.
/// Expected bytes come from the files on disk, the IJG tables computed here from ITU T.81 Annex K, and a PNG reader
/// written for the tests.
/// </summary>
public class ImageEncodingPerModeTests
{
    /// <summary>
    /// ReasoningTrack (Evaluation/i2d.py): the frame file's own bytes, a PNG on TNLLT, labelled image/jpeg.
    /// </summary>
    [Fact]
    public async Task ReasoningTrack_sends_the_png_files_own_bytes_labelled_jpeg()
    {
        FfmpegTool.Require();
        var ct = TestContext.Current.CancellationToken;
        using var tree = new TempTree();
        string dir = Path.Combine(tree.Root, "JE_seq", "imgs");
        Directory.CreateDirectory(dir);
        var files = new List<string>();
        for (int k = 0; k < 5; k++)
        {
            using var f = Pattern(64, 48, k);
            string path = Path.Combine(dir, $"{k + 1:00000}.png");
            File.WriteAllBytes(path, PngEncoder.Encode(f, System.IO.Compression.CompressionLevel.Optimal));
            files.Add(path);
        }
        await using var server = await FakeVlmServer.StartAsync("reasoningtrack-3b", ct);
        server.DefaultReply = FakeReply.Text("<think>ok</think><d>no</d><answer>a square</answer>");
        using var client = ModeFixtures.Client(server, "reasoningtrack-3b");
        using var log = new ReasoningLog(null);
        var session = new ReasoningSession
        {
            Tracker = TrackerRegistry.Create("identity"),
            Reasoners = [new DescriptionRefiner(client, DescriptionStrategy.Initial, new UpdateTriggerOptions { Motion = false, Interval = 1 })],
            Schedule = ScheduleMode.Sync,
            Log = log,
        };
        using var source = FrameSources.Open(Path.Combine(tree.Root, "JE_seq"), new FrameSourceOptions { Format = PixelFormat.Rgb24 });

        session.Run(source, new Box(10, 10, 12, 12), "a square", cancellation: ct);

        server.Requests.Count.ShouldBeGreaterThan(0);
        var images = server.Requests[0].Images();
        images.Count.ShouldBe(2);
        images.ShouldAllBe(i => i.DeclaredMime == "image/jpeg" && i.Header!.Value.Kind == ImageFileKind.Png);
        // Image 1 is the frame of the previous update (frame 1); image 2 a later frame: each byte for byte its file.
        images[0].Bytes.ShouldBe(File.ReadAllBytes(files[0]));
        files.Skip(1).Count(f => File.ReadAllBytes(f).AsSpan().SequenceEqual(images[1].Bytes)).ShouldBe(1);
        log.Records[0].ImageEncodings[0].ShouldBe("file 00001.png (png) as image/jpeg");
        log.Records[0].ImageEncodings[1].ShouldEndWith(".png (png) as image/jpeg");
    }

    /// <summary>
    /// R1-Track (infer_script/r1track.py, cv.imencode(".jpg")): JPEG at OpenCV's defaults, quality 95 and 4:2:0. The
    /// quality-95 tables are computed here with libjpeg's scaling (scale = 200 - 2q, (base * scale + 50) / 100, at
    /// least 1) from the Annex K tables.
    /// </summary>
    [Fact]
    public async Task R1Track_sends_jpeg_with_the_ijg_quality_95_tables_and_420_chroma()
    {
        var ct = TestContext.Current.CancellationToken;
        var frames = Enumerable.Range(0, 3).Select(k => Pattern(200, 150, k)).ToList();
        await using var server = await FakeVlmServer.StartAsync("r1track-3b", ct);
        server.DefaultReply = FakeReply.Text("[100,110,200,190]");
        using var client = ModeFixtures.Client(server, "r1track-3b");
        using var log = new ReasoningLog(null);
        var session = new ReasoningSession
        {
            Tracker = TrackerRegistry.Create("identity"),
            Reasoners = [new R1TrackReasoner(client, new R1TrackOptions())],
            Schedule = ScheduleMode.Sync,
            Log = log,
        };

        session.Run(new InMemoryFrameSource("pattern", frames), new Box(80, 60, 40, 30), null, cancellation: ct);

        var images = server.Requests[0].Images();
        images.Count.ShouldBe(2);
        int[] luma = ZigZagged(Ijg(LumaK1, 95)), chroma = ZigZagged(Ijg(ChromaK2, 95));
        foreach (var image in images)
        {
            image.DeclaredMime.ShouldBe("image/jpeg");
            (image.Header!.Value.Width, image.Header!.Value.Height).ShouldBe((336, 336));
            var (tables, components) = JpegTestReader.Read(image.Bytes);
            components.Count.ShouldBe(3);
            tables[components[0].Table].ShouldBe(luma);
            tables[components[1].Table].ShouldBe(chroma);
            tables[components[2].Table].ShouldBe(chroma);
            // 4:2:0: luma sampled 2x2, both chroma components 1x1.
            components.Select(c => (c.H, c.V)).ShouldBe([(2, 2), (1, 1), (1, 1)]);
        }
        log.Records[0].ImageEncodings.ShouldBe(["jpeg q95 4:2:0", "jpeg q95 4:2:0"]);
        foreach (var f in frames) f.Dispose();
    }

    /// <summary>VPTracker (the fork's engine takes PIL images): lossless PNG, decoding to exactly the pixels meant.</summary>
    [Fact]
    public async Task VpTracker_sends_png_that_decodes_to_the_exact_pixels()
    {
        var ct = TestContext.Current.CancellationToken;
        var frames = Enumerable.Range(0, 2).Select(k => Pattern(120, 90, k)).ToList();
        var init = new Box(40, 30, 20, 16);
        await using var server = await FakeVlmServer.StartAsync("vptracker-4b", ct);
        server.DefaultReply = FakeReply.Text("```json\n{\"visible\": \"yes\", \"bbox\": [40, 30, 60, 46]}\n```");
        using var client = ModeFixtures.Client(server, "vptracker-4b");
        using var log = new ReasoningLog(null);
        var session = new ReasoningSession
        {
            Tracker = TrackerRegistry.Create("identity"),
            Reasoners = [new VpTrackerReasoner(client)],
            Schedule = ScheduleMode.Sync,
            Log = log,
        };

        session.Run(new InMemoryFrameSource("pattern", frames), init, "a square", cancellation: ct);

        var images = server.Requests[0].Images();
        images.Count.ShouldBe(2);
        images.ShouldAllBe(i => i.DeclaredMime == "image/png" && i.Header!.Value.Kind == ImageFileKind.Png);
        using var template = PngTestDecoder.Decode(images[0].Bytes);
        using var expectedTemplate = VpTrackerPrompts.TemplateCrop(frames[0], init);
        template.Size.ShouldBe(expectedTemplate.Size);
        template.Pixels.ToArray().ShouldBe(expectedTemplate.Pixels.ToArray());
        using var search = PngTestDecoder.Decode(images[1].Bytes);
        using var expectedSearch = VpTrackerPrompts.SearchImage(frames[1], init);
        search.Pixels.ToArray().ShouldBe(expectedSearch.Pixels.ToArray());
        // Away from the outline (4x box: x 10..90, y 6..70) the sent pixels are the frame's own, bit for bit.
        foreach (var (x, y) in new[] { (2, 2), (50, 38), (110, 85), (30, 50) })
            search.Row(y).Slice(x * 3, 3).ToArray().ShouldBe(frames[1].Row(y).Slice(x * 3, 3).ToArray(), $"pixel ({x}, {y})");
        log.Records[0].ImageEncodings.ShouldBe(["png", "png"]);
        foreach (var f in frames) f.Dispose();
    }

    /// <summary>A colourful frame that differs per index (smooth gradients, a moving square, some texture).</summary>
    internal static ImageFrame Pattern(int w, int h, int k)
    {
        var f = new ImageFrame(w, h, PixelFormat.Rgb24);
        for (int y = 0; y < h; y++)
        {
            var row = f.Row(y);
            for (int x = 0; x < w; x++)
            {
                bool square = x >= 10 + 3 * k && x < 22 + 3 * k && y >= 10 && y < 22;
                row[3 * x] = (byte)(square ? 230 : x * 255 / w);
                row[3 * x + 1] = (byte)(square ? 40 : y * 255 / h);
                row[3 * x + 2] = (byte)((x * 7 + y * 13 + k * 29) & 0xFF);
            }
        }
        return f;
    }

    // ITU T.81 Annex K, tables K.1 (luminance) and K.2 (chrominance), row-major.
    private static readonly int[] LumaK1 =
    [
        16, 11, 10, 16, 24, 40, 51, 61, /**/ 12, 12, 14, 19, 26, 58, 60, 55, /**/ 14, 13, 16, 24, 40, 57, 69, 56, /**/ 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, /**/ 24, 35, 55, 64, 81, 104, 113, 92, /**/ 49, 64, 78, 87, 103, 121, 120, 101, /**/ 72, 92, 95, 98, 112, 100, 103, 99,
    ];

    private static readonly int[] ChromaK2 =
    [
        17, 18, 24, 47, 99, 99, 99, 99, /**/ 18, 21, 26, 66, 99, 99, 99, 99, /**/ 24, 26, 56, 99, 99, 99, 99, 99, /**/ 47, 66, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99, /**/ 99, 99, 99, 99, 99, 99, 99, 99, /**/ 99, 99, 99, 99, 99, 99, 99, 99, /**/ 99, 99, 99, 99, 99, 99, 99, 99,
    ];

    /// <summary>libjpeg's jpeg_quality_scaling and jpeg_add_quant_table (baseline: at most 255).</summary>
    private static int[] Ijg(int[] table, int quality)
    {
        int scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
        return table.Select(v => Math.Clamp((v * scale + 50) / 100, 1, 255)).ToArray();
    }

    /// <summary>Row-major 8x8 to the zig-zag order DQT stores (walk the anti-diagonals, alternating direction).</summary>
    private static int[] ZigZagged(int[] natural)
    {
        var order = new List<int>(64);
        for (int d = 0; d < 15; d++)
        {
            var diagonal = Enumerable.Range(0, 8).Where(r => d - r is >= 0 and < 8).Select(r => r * 8 + (d - r)).ToList();
            // Even diagonals go up (row decreasing), odd ones down.
            if (d % 2 == 0) diagonal.Reverse();
            order.AddRange(diagonal);
        }
        return order.Select(i => natural[i]).ToArray();
    }
}
