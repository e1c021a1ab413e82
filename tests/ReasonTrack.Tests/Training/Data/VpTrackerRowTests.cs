using System.Text.Json;
using ReasonTrack.Datasets;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Tests.Datasets;
using ReasonTrack.Training.Data;

namespace ReasonTrack.Tests.Training.Data;

/// <summary>
/// VPTracker rows against the released builder (<c>dataset/sampling_dataset.py</c>, <c>dataset/track_dataset.py</c>)
/// and its ms-swift fork's loader (<c>ms-swift/swift/llm/template/base.py</c> <c>_draw_bbox</c>). Expected rows were
/// produced by running the released <c>sample_pair_from_video_qwen_vlt</c> with these boxes (x, y, w, h truncated by
/// int(), x1 = max(x, 0), x2 = x + w) and <c>json.dumps(ensure_ascii=False)</c>, as its <c>jsonlines</c> writer does.
/// </summary>
public class VpTrackerRowTests
{
    private static readonly ImageSize Frame = new(640, 480);

    /// <summary>One video per entry, each of two frames: frame 0 is the only possible template, frame 1 the search frame.</summary>
    private static Dataset TwoFrameVideos(string root, string language, params (Box Template, Box Search)[] videos) =>
        TwoFrameVideos(root, language, null, videos);

    private static Dataset TwoFrameVideos(string root, string language, string? languageText, params (Box Template, Box Search)[] videos)
    {
        var seqs = new List<Sequence>();
        for (int v = 0; v < videos.Length; v++)
        {
            string name = $"video-{v}";
            var paths = new List<string> { Path.Combine(root, name, "imgs", "00000001.png"), Path.Combine(root, name, "imgs", "00000002.png") };
            seqs.Add(new Sequence(name, [videos[v].Template, videos[v].Search], () => paths) { Resolution = Frame, Language = language, LanguageText = languageText });
        }
        return new Dataset("synthetic", "Synthetic", root, seqs);
    }

    private static MakeDataOptions Fork(int minScale = 5, int maxScale = 5) => new()
    {
        Recipe = TrainingRecipe.VpTracker, Format = "swift-vptracker", Seed = 3, PairsPerVideo = 1, MinOutlineScale = minScale, MaxOutlineScale = maxScale,
    };

    private static string[] Build(Dataset ds, string folder, MakeDataOptions options)
    {
        TrainingSetBuilder.Build(options, new MakeDataRun
        {
            Dataset = ds, OutputFolder = folder, LoadFrames = SyntheticVideos.Loader(ds), Cancellation = TestContext.Current.CancellationToken,
        });
        return File.ReadAllLines(Path.Combine(folder, "train.jsonl"));
    }

    // From the released script (see the class summary): visual prompt on, scale fixed at 5 for the comparison.
    private const string ReleasedRowWithOutline =
        """{"messages": [{"role": "user", "content": "You are a visual object tracker.\nGiven the visual information of the target object <template><image></template>, and the language description of the target object <ref> a red \"car\" </ref>.\n\nThen, detect the target object is in search image <search><image></search>.\n    1. determine whether the target is visible in the search image.\n    2. return the bounding box of its current position in the search image in the format [x_min, y_min, x_max, y_max]. \n\nPlease return the answer in JSON format, for example: ```json\n{\n  \"visible\": \"yes/no\", \n  \"bbox\":[x_min, y_min, x_max, y_max]\n}\n```.\n\nPlease note that you should first search for the target within the red rectangular bounding box. If you cannot find it, then search for the target outside the rectangular bounding box.\n"}, {"role": "assistant", "content": "```json\n{\n  \"visible\": \"no\",\n \"bbox\": [0, 8, 45, 8]\n}\n```"}], "images": ["{T}", "{S}"], "visual_prompt": {"phase": "train", "enable": true, "scale": 5, "color": "red", "width": 3, "inbbox_ratio": 0.9, "template_bbox": [10, 20, 40, 60], "template_scale": 2.0, "search_bbox": [0, 8, 45, 8]}}""";

    private const string ReleasedRowWithoutOutline =
        """{"messages": [{"role": "user", "content": "You are a visual object tracker.\nGiven the visual information of the target object <template><image></template>, and the language description of the target object <ref> a red \"car\" </ref>.\n\nThen, detect the target object is in search image <search><image></search>.\n    1. determine whether the target is visible in the search image.\n    2. return the bounding box of its current position in the search image in the format [x_min, y_min, x_max, y_max]. \n\nPlease return the answer in JSON format, for example: ```json\n{\n  \"visible\": \"yes/no\", \n  \"bbox\":[x_min, y_min, x_max, y_max]\n}\n```.\n"}, {"role": "assistant", "content": "```json\n{\n  \"visible\": \"no\",\n  \"bbox\": [0, 8, 45, 8]\n}\n```"}], "images": ["{T}", "{S}"], "visual_prompt": {"phase": "train", "enable": false, "template_bbox": [10, 20, 40, 60], "search_bbox": [0, 8, 45, 8], "template_scale": 2.0}}""";

    [Fact]
    public void A_fork_row_is_byte_identical_to_the_released_builder_with_the_original_frame_paths()
    {
        using var tmp = new TempTree();
        // Template (10.7, 20.2, 30.9, 40.5) -> [10, 20, 40, 60]; search x = -5.5 (-> -5, x1 clamped to 0), h = 0.7 (-> 0: not visible).
        var ds = TwoFrameVideos(tmp["frames"], "  a red \"car\"\n", (new Box(10.7, 20.2, 30.9, 40.5), new Box(-5.5, 8.9, 50.2, 0.7)));
        var lines = Build(ds, tmp["out"], Fork());
        var frames = ds.Sequences[0].Frames;
        lines.ShouldBe([ReleasedRowWithOutline.Replace("{T}", Path.GetFullPath(frames[0]), StringComparison.Ordinal).Replace("{S}", Path.GetFullPath(frames[1]), StringComparison.Ordinal)]);
        // The fork crops and draws at load time: no image is written.
        Directory.Exists(Path.Combine(tmp["out"], "images")).ShouldBeFalse();
    }

    [Fact]
    public void A_two_line_language_file_is_read_whole_and_stripped_as_the_released_builder_does()
    {
        using var tmp = new TempTree();
        // track_dataset.py reads language.txt with f.read(); the prompt holds {language.strip()}: both lines, the
        // inner newline kept, the outer white space gone. The first-line reading would give only "a red car".
        var ds = TwoFrameVideos(tmp["frames"], "a red car", " a red car\non the left road \n", (new Box(10, 20, 30, 40), new Box(12, 22, 30, 40)));
        var row = JsonDocument.Parse(Build(ds, tmp["out"], Fork())[0]).RootElement;
        string user = row.GetProperty("messages")[0].GetProperty("content").GetString()!;
        user.ShouldContain("<ref> a red car\non the left road </ref>.");
    }

    [Fact]
    public void A_fork_row_without_the_visual_prompt_is_the_released_variant()
    {
        using var tmp = new TempTree();
        var ds = TwoFrameVideos(tmp["frames"], "  a red \"car\"\n", (new Box(10.7, 20.2, 30.9, 40.5), new Box(-5.5, 8.9, 50.2, 0.7)));
        var lines = Build(ds, tmp["out"], Fork() with { VisualPrompt = false });
        var frames = ds.Sequences[0].Frames;
        lines.ShouldBe([ReleasedRowWithoutOutline.Replace("{T}", Path.GetFullPath(frames[0]), StringComparison.Ordinal).Replace("{S}", Path.GetFullPath(frames[1]), StringComparison.Ordinal)]);
    }

    [Fact]
    public void The_vptracker_recipe_defaults_to_the_fork_layout()
    {
        TrainingRecipes.DefaultFormat(TrainingRecipe.VpTracker).ShouldBe("swift-vptracker");
        TrainingRecipes.DefaultFormat(TrainingRecipe.R1Track).ShouldBe("easyr1");
        Should.Throw<InvalidSettingException>(() => new MakeDataOptions { Recipe = TrainingRecipe.R1Track, Format = "swift-vptracker" }.Validate());
    }

    public static TheoryData<Box, string, string> Boundaries => new()
    {
        // x, y, w, h -> int32 truncation each; x1 = max(x, 0), y1 = max(y, 0); x2 = x + w, y2 = y + h from the unclamped x, y.
        { new Box(-5.5, 8.9, 50.2, 30.7), "yes", "[0, 8, 45, 38]" },      // negative x: x = -5, x2 = -5 + 50
        { new Box(3, -7.9, 10, 20), "yes", "[3, 0, 13, 13]" },            // negative y: y = -7, y2 = -7 + 20
        { new Box(10, 10, 0, 5), "no", "[10, 10, 10, 15]" },              // w = 0: not visible, its own box
        { new Box(10, 10, 0.9, 5), "no", "[10, 10, 10, 15]" },            // w = 0.9 truncates to 0
        { new Box(630.2, 400.9, 50.9, 90.1), "yes", "[630, 400, 680, 490]" }, // beyond the 640x480 frame: x2, y2 not clipped
        { new Box(-20.5, -3, 10.2, 10), "yes", "[0, 0, -10, 7]" },        // wholly left of the frame: x2 = -20 + 10 < x1, still "yes" (w > 0, h > 0)
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void Answer_and_search_bbox_follow_the_released_box_rules(Box search, string visible, string bbox)
    {
        using var tmp = new TempTree();
        var ds = TwoFrameVideos(tmp["frames"], "the target", (new Box(100, 100, 40, 30), search));
        string line = Build(ds, tmp["out"], Fork()).Single();
        using var doc = JsonDocument.Parse(line);
        string answer = doc.RootElement.GetProperty("messages")[1].GetProperty("content").GetString()!;
        answer.ShouldBe($"```json\n{{\n  \"visible\": \"{visible}\",\n \"bbox\": {bbox}\n}}\n```");
        doc.RootElement.GetProperty("visual_prompt").GetProperty("search_bbox").GetRawText().ShouldBe(bbox);
    }

    [Fact]
    public void Outline_scales_are_randint_2_to_8_both_ends_included()
    {
        using var tmp = new TempTree();
        var ds = SyntheticVideos.Create(3, 30);
        var options = Fork(minScale: 2, maxScale: 8) with { PairsPerVideo = 200 };
        var scales = Build(ds, tmp["out"], options)
            .Select(l => { using var d = JsonDocument.Parse(l); return d.RootElement.GetProperty("visual_prompt").GetProperty("scale").GetInt32(); })
            .ToList();
        scales.Count.ShouldBe(600);
        scales.Distinct().Order().ShouldBe([2, 3, 4, 5, 6, 7, 8]);
        // randint(2, 8) is uniform over 7 values: each about 600/7 = 86 (sd 8.6); 40 is over 5 sd below.
        scales.GroupBy(s => s).Min(g => g.Count()).ShouldBeGreaterThan(40);
    }

    [Fact]
    public void Stock_ms_swift_rows_get_pre_made_images_with_the_outline_drawn_as_pil_does()
    {
        using var tmp = new TempTree();
        // Scale 1 with inbbox_ratio 1: the fork's noise is U(-0, 0), so the outline is the search box itself,
        // [40, 30, 60, 50] as inclusive PIL corners, 3 px drawn inward.
        var ds = SyntheticVideos.Create(1, 2);
        ds.Sequences[0].GroundTruth[0] = new Box(50, 40, 30, 20);
        ds.Sequences[0].GroundTruth[1] = new Box(40, 30, 20, 20);
        var options = Fork(minScale: 1, maxScale: 1) with { Format = "swift", InsideProbability = 1, ImageFormat = ImageFileFormat.Png };
        string line = Build(ds, tmp["out"], options).Single();
        using var doc = JsonDocument.Parse(line);
        doc.RootElement.TryGetProperty("visual_prompt", out _).ShouldBeFalse();
        var images = doc.RootElement.GetProperty("images").EnumerateArray().Select(e => e.GetString()!).ToList();
        images.ShouldAllBe(p => p.StartsWith("images/", StringComparison.Ordinal));
        images.ShouldAllBe(p => File.Exists(Path.Combine(tmp["out"], p)));

        // The expected search image, painted here: the synthetic frame and PIL's outline of [40, 30, 60, 50] with
        // width 3 (rows y0..y0+2 and y1-2..y1 from x0 to x1; columns x0..x0+2 and x1-2..x1), encoded the same way.
        using var expected = SyntheticVideos.Paint(SyntheticVideos.Size, ds.Sequences[0].GroundTruth[1]);
        for (int y = 0; y < expected.Height; y++)
            for (int x = 0; x < expected.Width; x++)
            {
                bool rows = x is >= 40 and <= 60 && (y is >= 30 and <= 32 || y is >= 48 and <= 50);
                bool cols = y is >= 30 and <= 50 && (x is >= 40 and <= 42 || x is >= 58 and <= 60);
                if (rows || cols) Rgb.Red.WriteTo(expected.Row(y).Slice(x * 3, 3), PixelFormat.Rgb24);
            }
        File.ReadAllBytes(Path.Combine(tmp["out"], images[1])).ShouldBe(PngEncoder.Encode(expected));

        // The template is the fork's crop around the template box: side ceil(sqrt(30*20)*2) = 49, inside the frame.
        ImageHeader.TryRead(File.ReadAllBytes(Path.Combine(tmp["out"], images[0])), out var t).ShouldBeTrue();
        (t.Width, t.Height).ShouldBe((49, 49));
    }
}
