using ReasonTrack.Datasets.Referring;
using ReasonTrack.Media;
using ReasonTrack.Media.Palette;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Results.Masks;
using ReasonTrack.Runs;
using ReasonTrack.Runs.Referring;
using ReasonTrack.Segmentation;
using ReasonTrack.Tests.Media;
using ReasonTrack.Tests.Reasoning;

namespace ReasonTrack.Tests.Runs.Referring;

/// <summary>
/// The instruction mode over a Refer-DAVIS17 folder, end to end in the library: each expression grounded by a
/// scripted model on a real local HTTP server, tracked, made a mask, merged into DAVIS label maps and scored with the
/// davis2017 evaluator. Expected figures come from the generated geometry or by hand, never from a run.
/// </summary>
public sealed class ReferringRunTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("rt-refrun-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static ReasoningSetupOptions Instruction() => new()
    {
        Kind = ReasonerKind.Instruction,
        Model = "Qwen2.5-VL-7B-Instruct",
        Instruction = "(per object)",
        ImageEncoding = ImageEncoding.Png,
    };

    private ReferringRunOptions Options(ReferringDataset ds, string segmenter, RunReasoning? reasoning, string tracker = "default", MaskOverlapRule overlap = MaskOverlapRule.LowerIdWins) => new()
    {
        Dataset = ds,
        TrackerKey = tracker,
        Segmenter = SegmenterOptions.Parse(segmenter),
        Reasoning = reasoning,
        OutputDirectory = _out,
        ResultName = $"{tracker}-{segmenter}-{overlap}",
        Overlap = overlap,
    };

    [Fact]
    public async Task Grounded_box_masks_score_the_box_ceiling_of_the_discs_and_a_wrong_grounding_scores_nothing()
    {
        FfmpegTool.Require();
        var ct = TestContext.Current.CancellationToken;
        using var seq = new ReferDavisSequence();
        QwenSmartResize.Size(ReferDavisSequence.Width, ReferDavisSequence.Height).ShouldBe(new ReasonTrack.Geometry.ImageSize(ReferDavisSequence.Width, ReferDavisSequence.Height));
        var ds = new ReferDavisLoader().LoadReferring(seq.Root);
        await using var server = await FakeVlmServer.StartAsync("Qwen2.5-VL-7B-Instruct", ct);
        using var client = Reasoning.Modes.ModeFixtures.Client(server, "Qwen2.5-VL-7B-Instruct");

        server.Responder = ScriptedGrounding.Perfect;
        var good = ReferringRun.Prepare(Options(ds, "box", new RunReasoning(Instruction(), client, null, true))).Run();
        good.Succeeded.ShouldBeTrue(string.Join("; ", good.Failures));
        // Both objects were grounded from their own expression on the first frame.
        server.Requests.Count(r => r.Body.Contains("Instruction: the red ball\\n", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(1);
        server.Requests.Count(r => r.Body.Contains("Instruction: the blue ball\\n", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(1);
        var report = ReferringEvaluation.Evaluate(ds, good.MasksDirectory);
        report.Objects.Select(o => o.Key).ShouldBe(["balls_1", "balls_2"]);
        // A box-shaped mask on a disc scores at most the best box's IoU (about 0.78 here); a perfectly grounded and
        // tracked tight box scores the disc's area over its box's (about pi/4, 0.73 here); tracking costs a little.
        foreach (var o in report.Objects)
        {
            byte id = (byte)o.ObjectId;
            o.J.Mean.ShouldBeLessThanOrEqualTo(seq.BestBoxJ(id) + 1e-9);
            o.J.Mean.ShouldBeGreaterThan(seq.TightBoxJ(id) - 0.1);
        }

        server.Responder = ScriptedGrounding.Wrong;
        var wrong = ReferringRun.Prepare(Options(ds, "box", new RunReasoning(Instruction(), client, null, true)) with { ResultName = "wrong" }).Run();
        wrong.Succeeded.ShouldBeTrue();
        var bad = ReferringEvaluation.Evaluate(ds, wrong.MasksDirectory);
        // The grounded box lies on background that no disc reaches: no overlap with either object in any frame.
        bad.Global.JMean.ShouldBeLessThan(0.05);
        bad.Global.JAndFMean.ShouldBeLessThan(0.1);
    }

    /// <summary>
    /// Two 10x10 squares whose boxes overlap in a 4x4 corner (the annotation gives the corner to object 2, so object 1
    /// has 84 pixels); the identity tracker keeps each first box and the box segmenter makes it the mask, so the
    /// merged label map depends only on the overlap rule. By hand: lower id wins -> object 1 keeps the corner:
    /// J1 = 84/100, J2 = 84/100; higher id wins -> the maps equal the annotation: J1 = J2 = 1.
    /// </summary>
    [Theory]
    [InlineData(MaskOverlapRule.LowerIdWins, 0.84, 0.84, 1)]
    [InlineData(MaskOverlapRule.HigherIdWins, 1.0, 1.0, 2)]
    public void Overlapping_objects_are_merged_by_the_overlap_rule(MaskOverlapRule rule, double j1, double j2, int cornerLabel)
    {
        FfmpegTool.Require();
        const int W = 32, H = 24, N = 4;
        var root = Directory.CreateTempSubdirectory("rt-overlap-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "JPEGImages/480p/sq"));
            Directory.CreateDirectory(Path.Combine(root, "Annotations/480p/sq"));
            Directory.CreateDirectory(Path.Combine(root, "ImageSets/2017"));
            Directory.CreateDirectory(Path.Combine(root, "davis_text_annotations"));
            File.WriteAllText(Path.Combine(root, "ImageSets/2017/val.txt"), "sq\n");
            File.WriteAllText(Path.Combine(root, "davis_text_annotations/Davis17_annot1.txt"), "sq 1 \"the left square\"\nsq 2 \"the right square\"\n");
            var labels = new byte[W * H];
            for (int y = 4; y < 14; y++) for (int x = 4; x < 14; x++) labels[y * W + x] = 1;
            for (int y = 10; y < 20; y++) for (int x = 10; x < 20; x++) labels[y * W + x] = 2;
            var grey = new byte[W * H * 3];
            Array.Fill(grey, (byte)128);
            for (int f = 0; f < N; f++)
            {
                File.WriteAllBytes(Path.Combine(root, $"JPEGImages/480p/sq/{f:D5}.jpg"), JpegEncoder.Encode(grey, W, H, PixelFormat.Rgb24));
                IndexedPngWriter.Write(Path.Combine(root, $"Annotations/480p/sq/{f:D5}.png"), labels, W, H);
            }
            var ds = new ReferDavisLoader().LoadReferring(root);
            var result = ReferringRun.Prepare(Options(ds, "box", null, "identity", rule)).Run();
            result.Succeeded.ShouldBeTrue(string.Join("; ", result.Failures));
            var written = DavisPngFolder.ReadLabels(Path.Combine(result.MasksDirectory, "sq", "00002.png"));
            written[11, 11].ShouldBe((byte)cornerLabel);
            (written[5, 5], written[18, 18], written[25, 2]).ShouldBe(((byte)1, (byte)2, (byte)0));
            var report = ReferringEvaluation.Evaluate(ds, result.MasksDirectory);
            report.Objects.Select(o => o.J.Mean).ShouldBe([j1, j2], tolerance: 1e-12);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_finished_video_is_resumed_and_another_configuration_is_refused()
    {
        FfmpegTool.Require();
        using var seq = new ReferDavisSequence();
        var ds = new ReferDavisLoader().LoadReferring(seq.Root);
        var o = Options(ds, "box", null, "identity") with { ResultName = "resume" };
        ReferringRun.Prepare(o).Run().Tracked.ShouldBe(1);
        var again = ReferringRun.Prepare(o);
        (again.Resumed, again.Todo.Count).ShouldBe((1, 0));
        var e = Should.Throw<RunConfigurationMismatchException>(() => ReferringRun.Prepare(o with { Segmenter = SegmenterOptions.Parse("colour") }));
        e.Message.ShouldContain("segmenter");
        ReferringRun.Prepare(o with { Segmenter = SegmenterOptions.Parse("colour"), Resume = false }).Todo.Count.ShouldBe(1);
    }

    [Fact]
    public void Boxes_without_a_segmenter_and_other_reasoners_are_refused_before_any_work()
    {
        using var seq = new ReferDavisSequence();
        var ds = new ReferDavisLoader().LoadReferring(seq.Root);
        Should.Throw<InvalidSettingException>(() => ReferringRun.Prepare(Options(ds, "none", null))).Message.ShouldContain("choose a segmenter");
        using var client = new OpenAiCompatibleChatClient(new VlmClientOptions { BaseUrl = new Uri("http://127.0.0.1:9/v1"), Model = "m" });
        var r1 = new RunReasoning(Instruction() with { Kind = ReasonerKind.R1Track }, client, null, true);
        Should.Throw<ReasonTrackException>(() => ReferringRun.Prepare(Options(ds, "box", r1))).Message.ShouldContain("instruction mode");
        Directory.Delete(Path.Combine(seq.Root, "Annotations"), recursive: true);
        var blind = new ReferDavisLoader().LoadReferring(seq.Root);
        Should.Throw<ReasonTrackException>(() => ReferringRun.Prepare(Options(blind, "box", null))).Message.ShouldContain("video balls has no ground truth to start its objects from");
    }
}
