using System.Text.Json;
using ReasonTrack.Datasets;
using ReasonTrack.Tests.Datasets;
using ReasonTrack.Training.Data;

namespace ReasonTrack.Tests.Training.Data;

/// <summary>
/// The builder on generated videos (no ../shared, no ffmpeg): same seed, same bytes; shards merged equal the
/// unsharded set; resume rebuilds exactly what was missing; templates never come from absent frames.
/// </summary>
public class TrainingSetBuilderTests
{
    private static MakeDataResult Build(Dataset ds, string folder, MakeDataOptions options, int shard = 0, int shards = 1, int? limit = null, int jobs = 1) =>
        TrainingSetBuilder.Build(options, Run(ds, folder, shard, shards, limit) with { Jobs = jobs });

    /// <summary>A run on generated frames (or through <paramref name="load"/>, e.g. one that fails for some video).</summary>
    private static MakeDataRun Run(Dataset ds, string folder, int shard = 0, int shards = 1, int? limit = null,
        Func<IReadOnlyList<string>, IEnumerable<int>, Dictionary<int, ReasonTrack.Media.ImageFrame>>? load = null) => new()
    {
        Dataset = ds, OutputFolder = folder, ShardIndex = shard, ShardCount = shards, Limit = limit,
        LoadFrames = load ?? SyntheticVideos.Loader(ds), Cancellation = TestContext.Current.CancellationToken,
    };

    public static TheoryData<string, string> Recipes => new()
    {
        { "r1track", "easyr1" }, { "vptracker", "swift" }, { "vptracker", "swift-vptracker" }, { "reasoningtrack", "llamafactory-alpaca" }, { "r1track", "llamafactory-sharegpt" },
    };

    private static MakeDataOptions Options(string recipe, string format, long seed = 5) => new()
    {
        Recipe = TrainingRecipes.Parse(recipe), Format = format, Seed = seed, PairsPerVideo = 3, Interval = 7, Sizes = [112, 224],
    };

    [Theory]
    [MemberData(nameof(Recipes))]
    public void Same_seed_gives_the_same_bytes_and_another_seed_does_not(string recipe, string format)
    {
        using var tmp = new TempTree();
        var ds = SyntheticVideos.Create(5, 40);
        Build(ds, tmp["a"], Options(recipe, format)).Summary.Pairs.ShouldBe(15);
        Build(ds, tmp["b"], Options(recipe, format), jobs: 2);
        Build(ds, tmp["c"], Options(recipe, format, seed: 6));
        DataSetTree.ShouldBeIdentical(tmp["b"], tmp["a"]);
        // The comparison can fail: another seed changes the data file.
        string data = Directory.GetFiles(tmp["a"], "train.*").Single();
        File.ReadAllBytes(Path.Combine(tmp["c"], Path.GetFileName(data))).ShouldNotBe(File.ReadAllBytes(data));
    }

    [Theory]
    [MemberData(nameof(Recipes))]
    public void Shards_merged_in_any_order_equal_the_unsharded_set(string recipe, string format)
    {
        using var tmp = new TempTree();
        var ds = SyntheticVideos.Create(5, 40);
        Build(ds, tmp["all"], Options(recipe, format));
        var s0 = Build(ds, tmp["s0"], Options(recipe, format), shard: 0, shards: 2);
        var s1 = Build(ds, tmp["s1"], Options(recipe, format), shard: 1, shards: 2);
        s0.VideosInShard.ShouldBe(3); // positions 0, 2, 4
        s1.VideosInShard.ShouldBe(2);
        TrainingSetMerger.Merge(tmp["merged"], [tmp["s0"], tmp["s1"]]);
        TrainingSetMerger.Merge(tmp["merged-reversed"], [tmp["s1"], tmp["s0"]]);
        DataSetTree.ShouldBeIdentical(tmp["merged"], tmp["all"]);
        DataSetTree.ShouldBeIdentical(tmp["merged-reversed"], tmp["all"]);
    }

    [Fact]
    public void Limit_applies_before_sharding_so_limited_shards_merge_to_the_limited_set()
    {
        using var tmp = new TempTree();
        var ds = SyntheticVideos.Create(6, 30);
        Build(ds, tmp["all"], Options("r1track", "easyr1"), limit: 3).Summary.Videos.ShouldBe(3);
        Build(ds, tmp["s0"], Options("r1track", "easyr1"), shard: 0, shards: 2, limit: 3);
        Build(ds, tmp["s1"], Options("r1track", "easyr1"), shard: 1, shards: 2, limit: 3);
        TrainingSetMerger.Merge(tmp["merged"], [tmp["s0"], tmp["s1"]]);
        DataSetTree.ShouldBeIdentical(tmp["merged"], tmp["all"]);
    }

    [Fact]
    public void Resume_skips_finished_videos_and_rebuilds_missing_ones_identically()
    {
        using var tmp = new TempTree();
        var ds = SyntheticVideos.Create(4, 30);
        Build(ds, tmp["ref"], Options("vptracker", "easyr1"));
        Build(ds, tmp["run"], Options("vptracker", "easyr1"), limit: 2).Summary.Videos.ShouldBe(2);
        var second = Build(ds, tmp["run"], Options("vptracker", "easyr1"));
        second.Resumed.ShouldBe(2);
        second.Processed.ShouldBe(2);
        DataSetTree.ShouldBeIdentical(tmp["run"], tmp["ref"]);

        // A lost part (a crash before it was saved) is rebuilt, with the same bytes.
        File.Delete(Directory.GetFiles(Path.Combine(tmp["run"], "parts"))[1]);
        Build(ds, tmp["run"], Options("vptracker", "easyr1")).Processed.ShouldBe(1);
        DataSetTree.ShouldBeIdentical(tmp["run"], tmp["ref"]);
    }

    [Fact]
    public void A_folder_refuses_a_run_or_a_merge_with_other_settings()
    {
        using var tmp = new TempTree();
        var ds = SyntheticVideos.Create(2, 20);
        Build(ds, tmp["a"], Options("r1track", "easyr1"));
        Should.Throw<ReasonTrackException>(() => Build(ds, tmp["a"], Options("r1track", "easyr1", seed: 9))).Message.ShouldContain("other settings");
        Build(ds, tmp["b"], Options("r1track", "swift"), shard: 1, shards: 2);
        Should.Throw<ReasonTrackException>(() => TrainingSetMerger.Merge(tmp["m"], [tmp["a"], tmp["b"]]));
    }

    [Theory]
    [InlineData("r1track")]
    [InlineData("vptracker")]
    [InlineData("reasoningtrack")]
    public void Templates_never_come_from_frames_with_an_absent_target_or_an_invalid_box(string recipe)
    {
        using var tmp = new TempTree();
        // Two thirds of the frames absent (NaN boxes, absent flag); in video 1 also frames with a visible flag but
        // a zero-size box, and boxes wholly outside the image.
        var ds = SyntheticVideos.Create(3, 90, absent: (v, f) => f % 3 != 0);
        var seq = ds.Sequences[1];
        for (int f = 0; f < seq.Length; f += 6) seq.GroundTruth[f] = new ReasonTrack.Geometry.Box(10, 10, 0, 12);
        for (int f = 3; f < seq.Length; f += 6) seq.GroundTruth[f] = new ReasonTrack.Geometry.Box(500, 10, 20, 12);
        var options = Options(recipe, "easyr1-jsonl") with { PairsPerVideo = 40, Interval = 3 };
        var result = Build(ds, tmp.Root, options);
        result.Summary.Pairs.ShouldBeGreaterThan(40);

        int rows = 0;
        foreach (string line in File.ReadLines(Path.Combine(tmp.Root, "train.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var frames = doc.RootElement.GetProperty("frames").GetString()!.Split(',').Select(int.Parse).ToArray();
            var s = ds.Find(doc.RootElement.GetProperty("video").GetString()!)!;
            var video = new TrainingVideo(s, 0, SyntheticVideos.Size);
            // Frame 0 of a row is the template (R1-Track, VPTracker) or frame 1 (ReasoningTrack).
            video.IsUsable(frames[0]).ShouldBeTrue($"{s.Name} frame {frames[0]}");
            (s.Absent![frames[0]] || !s.GroundTruth[frames[0]].HasPositiveSize).ShouldBeFalse();
            if (recipe != "vptracker") video.IsUsable(frames[1]).ShouldBeTrue();
            else frames[1].ShouldBeGreaterThan(frames[0]);
            rows++;
        }
        rows.ShouldBe(result.Summary.Pairs);
        if (recipe == "vptracker") result.Summary.VisibleNo.ShouldNotBeNull().ShouldBeGreaterThan(0); // search frames may show no target
    }

    [Fact]
    public void Vptracker_target_is_inside_the_outline_near_90_percent_of_the_time()
    {
        // The sampler's own draws (no pixels), over videos with the target always visible: the inbbox_ratio draw
        // picks the inside branch 90% of the time, and every inside outline contains the box (geometry).
        var ds = SyntheticVideos.Create(4, 60);
        var sampler = new VpTrackerSampler(new MakeDataOptions { Recipe = TrainingRecipe.VpTracker });
        int inside = 0, n = 0;
        var scales = new HashSet<int>();
        foreach (var seq in ds.Sequences)
        {
            var video = new TrainingVideo(seq, 0, SyntheticVideos.Size);
            var random = DeterministicRandom.ForVideo(11, seq.Name);
            for (int i = 0; i < 1000; i++, n++)
            {
                var d = sampler.Draw(video, random);
                if (d.Outline.InsideBranch)
                {
                    inside++;
                    VisualPromptPlacement.Contains(d.Outline, d.SearchBox).ShouldBeTrue();
                }
                scales.Add(d.Scale);
            }
        }
        // Binomial(4000, 0.9): sd = 0.0047; 0.02 is over 4 sd, so a correct sampler passes and an 85% or 95% one fails.
        // (The released outside branch may still contain a box once the clamp to this small frame moves an edge.)
        ((double)inside / n).ShouldBe(0.9, 0.02);
        scales.Order().ShouldBe([2, 3, 4, 5, 6, 7, 8]);
    }

    [Fact]
    public void Vptracker_summary_counts_inside_and_outside_for_every_visible_target()
    {
        using var tmp = new TempTree();
        var ds = SyntheticVideos.Create(4, 40);
        var summary = Build(ds, tmp.Root, new MakeDataOptions { Recipe = TrainingRecipe.VpTracker, Format = "swift", Seed = 11, PairsPerVideo = 25 }).Summary;
        summary.Pairs.ShouldBe(100);
        summary.VisibleYes.ShouldBe(100);
        (summary.InsideOutline!.Value + summary.OutsideOutline!.Value).ShouldBe(100);
        summary.OutsideOutline.Value.ShouldBeInRange(1, 30); // Binomial(100, 0.1): 1..30 holds with probability > 0.9999
    }

    // ---- image tags per prompt variant and format ----

    public static TheoryData<string, string> PromptsAndFormats => new()
    {
        { "current", "easyr1" }, { "current", "llamafactory-alpaca" }, { "current", "llamafactory-sharegpt" }, { "current", "swift" },
        { "5k", "easyr1" }, { "5k", "llamafactory-alpaca" }, { "5k", "llamafactory-sharegpt" }, { "5k", "swift" },
        { "think", "easyr1" }, { "current", "easyr1-jsonl" }, { "think", "easyr1-jsonl" },
    };

    private static R1TrackPromptVariant Variant(string name) => name switch
    {
        "current" => R1TrackPromptVariant.Current, "5k" => R1TrackPromptVariant.Legacy5k, _ => R1TrackPromptVariant.Think,
    };

    /// <summary>The user turn and the images of every row, read back from the file as its trainer reads it.</summary>
    private static List<(string User, int Images)> UserTurns(string folder, string format)
    {
        JsonElement[] rows = format is "easyr1"
            ? ParquetTable.RowsAsJson(Path.Combine(folder, "train.parquet")).ToArray()
            : format is "easyr1-jsonl" or "swift"
            ? File.ReadLines(Path.Combine(folder, "train.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray()
            : JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "train.json"))).RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
        return rows.Select(r =>
        {
            string user = format switch
            {
                "easyr1" or "easyr1-jsonl" => r.GetProperty("problem").GetString()!,
                "llamafactory-alpaca" => r.GetProperty("instruction").GetString() + "\n" + r.GetProperty("input").GetString(),
                "llamafactory-sharegpt" => r.GetProperty("conversations").EnumerateArray().Single(t => t.GetProperty("from").GetString() == "human").GetProperty("value").GetString()!,
                _ => r.GetProperty("messages").EnumerateArray().Single(t => t.GetProperty("role").GetString() == "user").GetProperty("content").GetString()!,
            };
            return (user, r.GetProperty("images").GetArrayLength());
        }).ToList();
    }

    private static int Tags(string text) => (text.Length - text.Replace("<image>", "", StringComparison.Ordinal).Length) / "<image>".Length;

    [Theory]
    [MemberData(nameof(PromptsAndFormats))]
    public void R1track_rows_carry_one_image_tag_per_image_in_every_prompt_variant_and_format(string prompt, string format)
    {
        using var tmp = new TempTree();
        var ds = SyntheticVideos.Create(2, 20);
        Build(ds, tmp.Root, Options("r1track", format) with { Prompt = Variant(prompt) });
        var turns = UserTurns(tmp.Root, format);
        turns.Count.ShouldBe(6);
        foreach (var (user, images) in turns)
        {
            images.ShouldBe(2);
            Tags(user).ShouldBe(2, user);
            // <image_1>/<image_2> in the current prompt are words of the text, not placeholders.
            if (prompt == "5k") user.ShouldStartWith("<image> <image>Please identify the target specified by the bounding box [");
            else user.ShouldContain("<image> <image>Given two images");
        }
    }

    [Theory]
    [InlineData("llamafactory-alpaca")]
    [InlineData("llamafactory-sharegpt")]
    [InlineData("swift")]
    public void Think_prompt_rows_are_refused_in_supervised_formats(string format)
    {
        using var tmp = new TempTree();
        var options = Options("r1track", format) with { Prompt = R1TrackPromptVariant.Think };
        Should.Throw<InvalidSettingException>(() => Build(SyntheticVideos.Create(1, 10), tmp.Root, options)).Message.ShouldContain("MakeDataOptions.Format = easyr1");
        File.Exists(tmp["train.json"]).ShouldBeFalse();
        File.Exists(tmp["train.jsonl"]).ShouldBeFalse();
    }

    // ---- shards: a merge needs all of them, finished, of one selection ----

    [Fact]
    public void Merge_refuses_a_missing_shard_a_repeated_one_and_shards_of_another_selection()
    {
        using var tmp = new TempTree();
        var ds = SyntheticVideos.Create(5, 20);
        var options = Options("r1track", "easyr1");
        for (int i = 0; i < 3; i++) TrainingSetBuilder.Build(options, Run(ds, tmp[$"s{i}"], i, 3));
        TrainingSetBuilder.Build(options, Run(ds, tmp["l1"], 1, 3, limit: 4));

        Should.Throw<ReasonTrackException>(() => TrainingSetMerger.Merge(tmp["m1"], [tmp["s0"], tmp["s2"]])).Message.ShouldContain("missing shard(s) 1/3");
        Should.Throw<ReasonTrackException>(() => TrainingSetMerger.Merge(tmp["m2"], [tmp["s0"], tmp["s1"], tmp["s1"], tmp["s2"]])).Message.ShouldContain("given twice");
        Should.Throw<ReasonTrackException>(() => TrainingSetMerger.Merge(tmp["m3"], [tmp["s0"], tmp["l1"], tmp["s2"]])).Message.ShouldContain("not shards of one selection");
        // None of the refused merges left rows behind, and the complete set merges.
        foreach (string m in new[] { "m1", "m2", "m3" }) Directory.Exists(Path.Combine(tmp[m], "parts")).ShouldBeFalse();
        TrainingSetMerger.Merge(tmp["m"], [tmp["s2"], tmp["s0"], tmp["s1"]]).Summary.Videos.ShouldBe(5);
    }

    [Fact]
    public void Merge_refuses_an_unfinished_shard_until_its_rerun_completes_it()
    {
        using var tmp = new TempTree();
        var ds = SyntheticVideos.Create(4, 20);
        var options = Options("vptracker", "easyr1");
        var good = SyntheticVideos.Loader(ds);
        var failing = new Func<IReadOnlyList<string>, IEnumerable<int>, Dictionary<int, ReasonTrack.Media.ImageFrame>>((paths, idx) =>
            paths[0].Contains("synthetic-03", StringComparison.Ordinal) ? throw new IOException("disk error") : good(paths, idx));
        TrainingSetBuilder.Build(options, Run(ds, tmp["s0"], 0, 2));
        TrainingSetBuilder.Build(options, Run(ds, tmp["s1"], 1, 2, load: failing)).Failures.Count.ShouldBe(1);
        new TrainingSetFolder(tmp["s1"]).ReadShard()!.Complete.ShouldBeFalse();

        Should.Throw<ReasonTrackException>(() => TrainingSetMerger.Merge(tmp["m"], [tmp["s0"], tmp["s1"]])).Message.ShouldContain("not finished");

        var rerun = TrainingSetBuilder.Build(options, Run(ds, tmp["s1"], 1, 2));
        rerun.Processed.ShouldBe(1);
        new TrainingSetFolder(tmp["s1"]).ReadShard()!.Complete.ShouldBeTrue();
        TrainingSetMerger.Merge(tmp["m"], [tmp["s0"], tmp["s1"]]);
        TrainingSetBuilder.Build(options, Run(ds, tmp["all"]));
        DataSetTree.ShouldBeIdentical(tmp["m"], tmp["all"]);
    }

    [Fact]
    public void A_folder_grows_with_a_larger_limit_but_refuses_a_smaller_one_or_another_shard()
    {
        using var tmp = new TempTree();
        var ds = SyntheticVideos.Create(4, 20);
        var options = Options("r1track", "easyr1");
        TrainingSetBuilder.Build(options, Run(ds, tmp["a"], limit: 3)).Summary.Videos.ShouldBe(3);
        Should.Throw<ReasonTrackException>(() => TrainingSetBuilder.Build(options, Run(ds, tmp["a"], limit: 2))).Message.ShouldContain("would not select");
        Should.Throw<ReasonTrackException>(() => TrainingSetBuilder.Build(options, Run(ds, tmp["a"], 1, 2))).Message.ShouldContain("holds shard 0/1");
        TrainingSetBuilder.Build(options, Run(ds, tmp["a"])).Summary.Videos.ShouldBe(4);
        var record = new TrainingSetFolder(tmp["a"]).ReadShard()!;
        (record.Limit, record.Videos, record.Complete).ShouldBe((null, 4, true));
        record.Listing.ShouldBe(TrainingSetShard.ListingHash(ds, null));
        record.Listing.ShouldNotBe(TrainingSetShard.ListingHash(ds, 3));
    }

    [Fact]
    public void Videos_whose_names_share_an_image_folder_are_refused()
    {
        using var tmp = new TempTree();
        var ds = SyntheticVideos.Create(2, 20);
        var renamed = new Dataset(ds.Key, ds.DisplayName, ds.Root,
        [
            Renamed(ds.Sequences[0], "car 1"), Renamed(ds.Sequences[1], "Car_1"),
        ]);
        Should.Throw<ReasonTrackException>(() => TrainingSetBuilder.Build(Options("r1track", "easyr1"), Run(renamed, tmp.Root))).Message.ShouldContain("images/Car_1/");
        Directory.Exists(Path.Combine(tmp.Root, "images")).ShouldBeFalse();
        // Limited to the first video, the listing has no clash.
        TrainingSetBuilder.Build(Options("r1track", "easyr1"), Run(renamed, tmp.Root, limit: 1)).Summary.Videos.ShouldBe(1);
    }

    private static Sequence Renamed(Sequence s, string name) =>
        new(name, s.GroundTruth, () => s.Frames) { Absent = s.Absent, Resolution = s.Resolution, Language = s.Language };
}
