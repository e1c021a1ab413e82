using System.Globalization;
using System.Text.Json;
using ReasonTrack.Datasets;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Crops;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Tests.Datasets;
using ReasonTrack.Tests.Media;
using ReasonTrack.Training.Data;

namespace ReasonTrack.Tests.Training.Data;

/// <summary>
/// Whole data sets generated from the real sequences of ../shared/data/sequences (OTB loader, frames decoded by
/// ffmpeg; VOT-LT yamaha has NaN rows for absent targets, several sequences have more frames than boxes).
/// </summary>
public class MakeDataRealSequenceTests
{
    private static Dataset Sequences()
    {
        FfmpegTool.Require();
        return DatasetRegistry.Get("otb").Load(SharedData.Require("data/sequences"));
    }

    private static MakeDataResult Build(Dataset ds, string folder, MakeDataOptions options, int shard = 0, int shards = 1) =>
        TrainingSetBuilder.Build(options, new MakeDataRun
        {
            Dataset = ds, OutputFolder = folder, ShardIndex = shard, ShardCount = shards, Cancellation = TestContext.Current.CancellationToken,
        });

    /// <summary>The rows of a folder's default (easyr1) output, read back from its Parquet file by an independent reader.</summary>
    private static List<JsonElement> Rows(string folder) => ParquetTable.RowsAsJson(Path.Combine(folder, "train.parquet"));

    private static int[] Ints(string text) => text.Trim('[', ']').Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    private static double[] Numbers(string text) => text.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void Every_r1track_pair_maps_back_to_the_ground_truth_within_one_crop_pixel()
    {
        var ds = Sequences();
        using var tmp = new TempTree();
        var result = Build(ds, tmp.Root, new MakeDataOptions { Seed = 21, PairsPerVideo = 4, Sizes = [112, 224, 336, 448] });
        result.Failures.ShouldBeEmpty();
        var rows = Rows(tmp.Root);
        rows.Count.ShouldBe(40);
        var sizes = new HashSet<int>();
        foreach (var row in rows)
        {
            var seq = ds.Find(row.GetProperty("video").GetString()!)!;
            int[] frames = Ints(row.GetProperty("frames").GetString()!);
            var images = row.GetProperty("images").EnumerateArray().Select(e => e.GetString()!).ToArray();
            images.Length.ShouldBe(2);
            ImageHeader.TryRead(File.ReadAllBytes(Path.Combine(tmp.Root, images[0])), out var th).ShouldBeTrue();
            ImageHeader.TryRead(File.ReadAllBytes(Path.Combine(tmp.Root, images[1])), out var sh).ShouldBeTrue();
            th.Width.ShouldBe(th.Height);
            (sh.Width, sh.Height).ShouldBe((th.Width, th.Height));
            sizes.Add(th.Width);

            // The template box is the one written in the prompt, the search box the answer.
            string prompt = row.GetProperty("problem").GetString()!;
            prompt.ShouldStartWith(R1TrackPrompts.InferencePrompt[..R1TrackPrompts.InferencePrompt.IndexOf(R1TrackPrompts.BoxFlag, StringComparison.Ordinal)]);
            int at = prompt.IndexOf("bounding box [", StringComparison.Ordinal) + "bounding box ".Length;
            var templateBox = Ints(prompt[at..(prompt.IndexOf(']', at) + 1)]);
            var answer = Ints(row.GetProperty("answer").GetString()!);
            Check(seq, frames[0], row.GetProperty("template_crop").GetString()!, th.Width, templateBox);
            Check(seq, frames[1], row.GetProperty("search_crop").GetString()!, sh.Width, answer);
        }
        sizes.Count.ShouldBeGreaterThan(1); // sizes are mixed per pair

        static void Check(Sequence seq, int frame, string window, int outSize, int[] written)
        {
            var gt = seq.GroundTruth[frame];
            gt.HasPositiveSize.ShouldBeTrue($"{seq.Name} frame {frame} has no valid box but was used");
            var w = Numbers(window);
            var map = new CropMapping((int)w[0], (int)w[1], (int)w[2], outSize);
            var back = map.ToImage(new BoxXyxy(written[0], written[1], written[2], written[3]));
            double f = map.ResizeFactor;
            foreach (var (a, b) in new[] { (back.X, gt.X), (back.Y, gt.Y), (back.Right, gt.Right), (back.Bottom, gt.Bottom) })
                (Math.Abs(a - b) * f).ShouldBeLessThanOrEqualTo(1 + 1e-9, $"{seq.Name} frame {frame}: {back} vs {gt}");
        }
    }

    [Fact]
    public void Same_seed_twice_and_shards_merged_give_the_same_bytes_on_real_frames()
    {
        var ds = Sequences();
        using var tmp = new TempTree();
        var options = new MakeDataOptions { Seed = 4, PairsPerVideo = 1 };
        Build(ds, tmp["all"], options);
        Build(ds, tmp["again"], options);
        Build(ds, tmp["s0"], options, 0, 2);
        Build(ds, tmp["s1"], options, 1, 2);
        TrainingSetMerger.Merge(tmp["merged"], [tmp["s0"], tmp["s1"]]);
        DataSetTree.ShouldBeIdentical(tmp["again"], tmp["all"]);
        DataSetTree.ShouldBeIdentical(tmp["merged"], tmp["all"]);
        DataSetTree.Of(tmp["all"]).Keys.Count(k => k.StartsWith("images/", StringComparison.Ordinal)).ShouldBe(20);
    }

    [Fact]
    public void Vptracker_and_reasoningtrack_rows_carry_the_ground_truth_and_relative_paths_only()
    {
        var ds = Sequences();
        using var tmp = new TempTree();
        var vp = Build(ds, tmp["vp"], new MakeDataOptions { Recipe = TrainingRecipe.VpTracker, Seed = 2, PairsPerVideo = 3, FallbackDescription = "the target" });
        vp.Summary.Pairs.ShouldBe(30);
        (vp.Summary.InsideOutline + vp.Summary.OutsideOutline).ShouldBe(vp.Summary.VisibleYes);
        foreach (var row in Rows(tmp["vp"]))
        {
            var seq = ds.Find(row.GetProperty("video").GetString()!)!;
            int[] frames = Ints(row.GetProperty("frames").GetString()!);
            // Released rules (dataset/track_dataset.py): x, y, w, h truncated; visible = w > 0 and h > 0;
            // x1, y1 = max(., 0); x2 = x + w, y2 = y + h, not clipped to the frame.
            static int T(double v) => double.IsFinite(v) ? (int)Math.Truncate(v) : 0;
            var tgt = seq.GroundTruth[frames[0]];
            (T(tgt.W) > 0 && T(tgt.H) > 0).ShouldBeTrue();
            frames[1].ShouldBeGreaterThan(frames[0]);
            row.GetProperty("problem").GetString().ShouldBe(VpTrackerTrainingPrompt.Text("the target"));
            string answer = row.GetProperty("answer").GetString()!;
            var gt = seq.GroundTruth[frames[1]];
            int x = T(gt.X), y = T(gt.Y), w = T(gt.W), h = T(gt.H);
            answer.ShouldBe($"```json\n{{\n  \"visible\": \"{(w > 0 && h > 0 ? "yes" : "no")}\",\n \"bbox\": [{Math.Max(x, 0)}, {Math.Max(y, 0)}, {x + w}, {y + h}]\n}}\n```");
        }

        var rt = Build(ds, tmp["rt"], new MakeDataOptions { Recipe = TrainingRecipe.ReasoningTrack, Seed = 2, PairsPerVideo = 2, Interval = 20, FallbackDescription = "the target" });
        rt.Summary.Pairs.ShouldBe(20);
        foreach (var row in Rows(tmp["rt"]))
        {
            var seq = ds.Find(row.GetProperty("video").GetString()!)!;
            int[] frames = Ints(row.GetProperty("frames").GetString()!);
            (frames[1] - frames[0]).ShouldBe(20);
            row.GetProperty("problem").GetString().ShouldBe(ReasoningTrackPrompts.GrpoProblemPrefix + "the target"); // issue 11 item 10: no system prompt
            Numbers(row.GetProperty("bbox1").GetString()!).ShouldBe(Values(seq.GroundTruth[frames[0]]));
            Numbers(row.GetProperty("answer").GetString()!).ShouldBe(Values(seq.GroundTruth[frames[1]]));
            row.GetProperty("pic1").GetString().ShouldBe(row.GetProperty("images")[0].GetString());
            File.Exists(Path.Combine(tmp["rt"], row.GetProperty("pic2").GetString()!)).ShouldBeTrue();
        }

        // No absolute path anywhere in the written text files.
        foreach (string f in Directory.EnumerateFiles(tmp.Root, "*.json*", SearchOption.AllDirectories))
        {
            string text = File.ReadAllText(f);
            text.ShouldNotContain(tmp.Root);
            text.ShouldNotContain("\"/");
        }

        static double[] Values(Box b) => [b.X, b.Y, b.W, b.H];
    }
}
