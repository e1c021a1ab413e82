using ReasonTrack.Datasets.Referring;
using ReasonTrack.Geometry.Masks;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Results.Masks;
using ReasonTrack.Runs;
using ReasonTrack.Runs.Referring;
using ReasonTrack.Segmentation;
using ReasonTrack.Tests.Media;
using ReasonTrack.Tests.Reasoning;

namespace ReasonTrack.Tests.Runs.Referring;

/// <summary>
/// The per-expression protocol (MeViS's eval_mevis.py) and the per-expression result layout, on the generated balls
/// sequence written in the MeViS layout (masks as COCO RLE in mask_dict.json).
/// </summary>
public sealed class ExpressionEvaluationTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("rt-exprun-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    /// <summary>The balls sequence as MeViS <c>valid_u</c>: expression 0 "the red ball" (anno 7), 1 "the blue ball" (anno 8).</summary>
    private static string MevisLayout(ReferDavisSequence seq)
    {
        string split = Path.Combine(seq.Root, "mevis", "valid_u");
        string images = Path.Combine(split, "JPEGImages", ReferDavisSequence.Video);
        Directory.CreateDirectory(images);
        var frames = new List<string>();
        var red = new List<string>();
        var blue = new List<string>();
        foreach (var jpg in Directory.GetFiles(Path.Combine(seq.Root, "JPEGImages", "480p", ReferDavisSequence.Video)).Order(StringComparer.Ordinal))
        {
            File.Copy(jpg, Path.Combine(images, Path.GetFileName(jpg)));
            frames.Add($"\"{Path.GetFileNameWithoutExtension(jpg)}\"");
        }
        string Rle(byte[] labels, byte id)
        {
            var m = Mask.FromLabels(labels, ReferDavisSequence.Width, ReferDavisSequence.Height, id);
            return $"{{\"size\": [{ReferDavisSequence.Height}, {ReferDavisSequence.Width}], \"counts\": {System.Text.Json.JsonSerializer.Serialize(CocoRle.Compress(CocoRle.ToColumnMajorRuns(m)))}}}";
        }
        foreach (var l in seq.Labels) { red.Add(Rle(l, 1)); blue.Add(Rle(l, 2)); }
        File.WriteAllText(Path.Combine(split, "meta_expressions.json"),
            $"{{\"videos\": {{\"{ReferDavisSequence.Video}\": {{\"expressions\": {{\"0\": {{\"exp\": \"the red ball\", \"obj_id\": [0], \"anno_id\": [7]}}, \"1\": {{\"exp\": \"the blue ball\", \"obj_id\": [1], \"anno_id\": [8]}}}}, \"frames\": [{string.Join(", ", frames)}]}}}}}}");
        File.WriteAllText(Path.Combine(split, "mask_dict.json"), $"{{\"7\": [{string.Join(", ", red)}], \"8\": [{string.Join(", ", blue)}]}}");
        return Path.Combine(seq.Root, "mevis");
    }

    [Fact]
    public void The_ground_truth_itself_scores_one_a_half_mask_scores_a_half_and_a_missing_expression_zero()
    {
        using var seq = new ReferDavisSequence();
        var ds = new MevisLoader().LoadReferring(MevisLayout(seq));
        var v = ds.Videos.Single();
        const int W = ReferDavisSequence.Width, H = ReferDavisSequence.Height;
        // Expression 0: the annotation itself as 0/255 PNGs -> J = F = 1 on every frame.
        // Expression 1: frame by frame, only the disc's pixels left of its centre column (cx excluded) -> J = |left| / |disc|.
        string e0 = Path.Combine(_out, v.Name, "0"), e1 = Path.Combine(_out, v.Name, "1");
        Directory.CreateDirectory(e0);
        Directory.CreateDirectory(e1);
        double expected = 0;
        for (int f = 0; f < v.FrameNames.Count; f++)
        {
            var red = new byte[W * H];
            var half = new byte[W * H];
            int cx = ReferDavisSequence.Centres(f).Blue.X, area = 0, left = 0;
            for (int i = 0; i < W * H; i++)
            {
                if (seq.Labels[f][i] == 1) red[i] = 255;
                if (seq.Labels[f][i] != 2) continue;
                area++;
                if (i % W < cx) { half[i] = 255; left++; }
            }
            expected += (double)left / area;
            File.WriteAllBytes(Path.Combine(e0, v.FrameNames[f] + ".png"), PngEncoder.Encode(red, W, H, PixelFormat.Gray8));
            File.WriteAllBytes(Path.Combine(e1, v.FrameNames[f] + ".png"), PngEncoder.Encode(half, W, H, PixelFormat.Gray8));
        }
        var report = ExpressionEvaluation.Evaluate(ds, _out);
        report.Expressions.Select(e => e.Key).ShouldBe(["balls_0", "balls_1"]);
        (report.Expressions[0].J, report.Expressions[0].F).ShouldBe((1.0, 1.0));
        report.Expressions[1].J.ShouldBe(expected / v.FrameNames.Count, 1e-12);
        report.J.ShouldBe((1 + expected / v.FrameNames.Count) / 2, 1e-12);

        Directory.Delete(e1, recursive: true);
        var missing = ExpressionEvaluation.Evaluate(ds, _out);
        (missing.Expressions[1].J, missing.Expressions[1].F, missing.Expressions[1].Missing).ShouldBe((0.0, 0.0, true));
        missing.Warnings.Single().ShouldContain("scored J = F = 0");
        File.Delete(Path.Combine(e0, "00003.png"));
        Should.Throw<ReasonTrack.IO.DataFormatException>(() => ExpressionEvaluation.Evaluate(ds, _out)).FilePath.ShouldEndWith(Path.Combine("0", "00003.png"));
    }

    [Fact]
    public async Task Instruction_mode_on_MeViS_writes_one_binary_mask_per_expression_and_frame_and_scores_them()
    {
        FfmpegTool.Require();
        var ct = TestContext.Current.CancellationToken;
        using var seq = new ReferDavisSequence();
        var ds = new MevisLoader().LoadReferring(MevisLayout(seq));
        await using var server = await FakeVlmServer.StartAsync("Qwen2.5-VL-7B-Instruct", ct);
        server.Responder = ScriptedGrounding.Perfect;
        using var client = Reasoning.Modes.ModeFixtures.Client(server, "Qwen2.5-VL-7B-Instruct");
        var setup = new ReasoningSetupOptions { Kind = ReasonerKind.Instruction, Model = "Qwen2.5-VL-7B-Instruct", Instruction = "(per expression)", ImageEncoding = ImageEncoding.Png };
        var result = ReferringRun.Prepare(new ReferringRunOptions
        {
            Dataset = ds,
            TrackerKey = "default",
            Segmenter = SegmenterOptions.Parse("colour"),
            Reasoning = new RunReasoning(setup, client, null, true),
            OutputDirectory = _out,
            ResultName = "mevis",
        }).Run();
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Failures));
        var png = DavisPngFolder.ReadLabels(Path.Combine(result.MasksDirectory, "balls", "1", "00000.png"));
        png.PresentLabels().ShouldBe([(byte)255]);
        var report = ExpressionEvaluation.Evaluate(ds, result.MasksDirectory);
        // As on Refer-DAVIS17: the colour masks beat the best box-shaped mask of each disc.
        foreach (var e in report.Expressions) e.J.ShouldBeGreaterThan(seq.BestBoxJ(e.ExpressionId == "0" ? (byte)1 : (byte)2));
    }
}
