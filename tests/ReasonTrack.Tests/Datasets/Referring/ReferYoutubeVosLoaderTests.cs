using ReasonTrack.Datasets;
using ReasonTrack.Datasets.Referring;
using ReasonTrack.IO;
using ReasonTrack.Media.Palette;

namespace ReasonTrack.Tests.Datasets.Referring;

/// <summary>Refer-YouTube-VOS on tiny fixtures in the competition layout (as ReferFormer's docs/data.md lays it out).</summary>
public class ReferYoutubeVosLoaderTests
{
    private const string TrainMeta = """
        {"videos": {
          "003234408d": {"expressions": {"0": {"exp": "a penguin on the left", "obj_id": "1"}, "1": {"exp": "the penguin in front", "obj_id": "2"}},
                         "frames": ["00005", "00000", "00010"]},
          "0043f083b5": {"expressions": {"0": {"exp": "a bus", "obj_id": "1"}}, "frames": ["00000"]}
        }}
        """;

    private static TempTree Fixture(string trainMeta = TrainMeta)
    {
        var t = new TempTree();
        t.Write("meta_expressions/train/meta_expressions.json", trainMeta);
        t.Frames("train/JPEGImages/003234408d", "00000.jpg", "00005.jpg", "00010.jpg");
        t.Frames("train/JPEGImages/0043f083b5", "00000.jpg");
        // 003234408d frame 00005: object 2 covers the 2x2 block at (0,0) of a 4x4 map, object 1 the pixel (3,3).
        var labels = new byte[16];
        labels[0] = labels[1] = labels[4] = labels[5] = 2;
        labels[15] = 1;
        Directory.CreateDirectory(t["train/Annotations/003234408d"]);
        IndexedPngWriter.Write(t["train/Annotations/003234408d/00005.png"], labels, 4, 4);
        t.Write("meta_expressions/valid/meta_expressions.json", """{"videos": {"a1": {"expressions": {"0": {"exp": "x"}}, "frames": ["00000"]}, "b2": {"expressions": {"0": {"exp": "y"}}, "frames": ["00000"]}}}""");
        t.Write("meta_expressions/test/meta_expressions.json", """{"videos": {"b2": {"expressions": {"0": {"exp": "y"}}, "frames": ["00000"]}}}""");
        t.Frames("valid/JPEGImages/a1", "00000.jpg");
        return t;
    }

    [Fact]
    public void Reads_the_train_split_with_sorted_frames_and_object_masks()
    {
        using var t = Fixture();
        var ds = new ReferYoutubeVosLoader().LoadReferring(t.Root);
        (ds.Key, ds.Protocol, ds.Split).ShouldBe(("refer-youtube-vos", "per-expression", "train"));
        var v = ds.Videos[0];
        v.Name.ShouldBe("003234408d");
        v.FrameNames.ShouldBe(["00000", "00005", "00010"]);
        v.Frames.Select(Path.GetFileName).ShouldBe(["00000.jpg", "00005.jpg", "00010.jpg"]);
        v.Expressions.Select(e => (e.Id, e.Text, e.ObjectId)).ShouldBe([("0", "a penguin on the left", 1), ("1", "the penguin in front", 2)]);
        var gt = v.GroundTruth.ShouldNotBeNull();
        gt.MaskOf(v.Expressions[1], 1).ShouldNotBeNull().Area.ShouldBe(4);
        gt.MaskOf(v.Expressions[0], 1).ShouldNotBeNull().BoundingBox.ShouldBe(new ReasonTrack.Geometry.Box(3, 3, 1, 1));
        gt.MaskOf(v.Expressions[0], 0).ShouldBeNull(); // no 00000.png
    }

    [Fact]
    public void The_valid_split_leaves_out_the_test_videos_and_has_no_masks()
    {
        using var t = Fixture();
        var ds = new ReferYoutubeVosLoader().LoadReferring(t.Root, new ReferringLoadOptions { Split = "valid" });
        ds.Videos.Select(v => v.Name).ShouldBe(["a1"]);
        ds.Videos[0].GroundTruth.ShouldBeNull();
        ds.Videos[0].Expressions.Single().ObjectIds.ShouldBeEmpty();
        ds.Notes.ShouldContain(n => n.Contains("1 video(s)") && n.Contains("test videos"));
        new ReferYoutubeVosLoader().LoadReferring(t.Root, new ReferringLoadOptions { Split = "valid", ExcludeTestVideos = false }).Videos.Count.ShouldBe(2);
    }

    [Fact]
    public void A_missing_frame_is_named_when_the_frames_are_listed()
    {
        using var t = Fixture();
        File.Delete(t["train/JPEGImages/003234408d/00010.jpg"]);
        var v = new ReferYoutubeVosLoader().LoadReferring(t.Root).Videos[0];
        Should.Throw<DataFormatException>(() => v.Frames).FilePath.ShouldEndWith(Path.Combine("003234408d", "00010.jpg"));
    }

    [Theory]
    [InlineData("{\"videos\": {\"v\": {\"expressions\": {\"0\": {\"obj_id\": \"1\"}}, \"frames\": [\"00000\"]}}}", "video v expression 0: missing \"exp\"")]
    [InlineData("{\"videos\": {\"v\": {\"expressions\": {\"0\": {\"exp\": \"a\", \"obj_id\": \"x\"}}, \"frames\": [\"00000\"]}}}", "video v expression 0: object id 'x'")]
    [InlineData("{\"videos\": {\"v\": {\"expressions\": {}}}}", "video v: missing \"frames\"")]
    [InlineData("{\"clips\": {}}", "expected {\"videos\"")]
    public void Bad_files_are_errors_naming_the_file_and_the_entry(string json, string reason)
    {
        using var t = Fixture(json);
        var e = Should.Throw<DataFormatException>(() => new ReferYoutubeVosLoader().LoadReferring(t.Root));
        e.FilePath.ShouldEndWith(Path.Combine("meta_expressions", "train", "meta_expressions.json"));
        e.Reason.ShouldContain(reason);
    }

    [Fact]
    public void Broken_json_names_the_line()
    {
        using var t = Fixture("{\"videos\": {\n  \"v\": {\n   \"frames\": [\"0\",]\n}}}");
        var e = Should.Throw<DataFormatException>(() => new ReferYoutubeVosLoader().LoadReferring(t.Root));
        e.Line.ShouldBe(3);
        e.Reason.ShouldStartWith("not valid JSON");
    }

    [Fact]
    public void Is_registered()
    {
        DatasetRegistry.Get("refer-youtube-vos").ShouldBeOfType<ReferYoutubeVosLoader>();
        DatasetRegistry.Get("refer-ytvos").ShouldBeOfType<ReferYoutubeVosLoader>();
    }
}
