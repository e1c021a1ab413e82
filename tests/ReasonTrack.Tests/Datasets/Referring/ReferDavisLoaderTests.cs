using System.Text;
using ReasonTrack.Datasets;
using ReasonTrack.Datasets.Referring;
using ReasonTrack.IO;
using ReasonTrack.Media.Palette;

namespace ReasonTrack.Tests.Datasets.Referring;

/// <summary>
/// Refer-DAVIS17 on tiny fixtures written here: the DAVIS 2017 layout (frames as empty files: pixels are never read
/// by the loader) with label PNGs, split lists and the four expression files, in the format of the public release
/// (<c>&lt;video&gt; &lt;object id&gt; "&lt;expression&gt;"</c>; annotator 2 in Latin-1).
/// </summary>
public class ReferDavisLoaderTests
{
    private static TempTree Fixture(string annot1, byte[]? annot2 = null, bool referFormerLayout = false)
    {
        var t = new TempTree();
        string davis = referFormerLayout ? "DAVIS" : ".";
        t.Frames(Path.Combine(davis, "JPEGImages/480p/bike-packing"), "00000.jpg", "00001.jpg", "00002.jpg");
        t.Frames(Path.Combine(davis, "JPEGImages/480p/dogs-scale"), "00000.jpg", "00001.jpg");
        t.Frames(Path.Combine(davis, "JPEGImages/480p/blackswan"), "00000.jpg");
        t.Write(Path.Combine(davis, "ImageSets/2017/val.txt"), "bike-packing\ndogs-scale\nblackswan\n");
        t.Write(Path.Combine(davis, "ImageSets/2017/train.txt"), "blackswan\n");
        string text = referFormerLayout ? "davis_text_annotations" : Path.Combine(davis, "davis_text_annotations");
        t.Write(Path.Combine(text, "Davis17_annot1.txt"), annot1);
        if (annot2 is not null)
        {
            Directory.CreateDirectory(t[text]);
            File.WriteAllBytes(Path.Combine(t[text], "Davis17_annot2.txt"), annot2);
        }
        // bike-packing's first frame: object 1 a 3x2 block at (1,1), object 2 one pixel at (5,4); 8x6 label map.
        var labels = new byte[8 * 6];
        for (int y = 1; y < 3; y++) for (int x = 1; x < 4; x++) labels[y * 8 + x] = 1;
        labels[4 * 8 + 5] = 2;
        labels[0] = LabelMapVoid;
        Directory.CreateDirectory(t[Path.Combine(davis, "Annotations/480p/bike-packing")]);
        IndexedPngWriter.Write(t[Path.Combine(davis, "Annotations/480p/bike-packing/00000.png")], labels, 8, 6);
        return t;
    }

    private const byte LabelMapVoid = 255;

    private const string Annot1 =
        "bike-packing 2 \"a black   bike\"\n" +
        "bike-packing 1 \"a man riding a bike\"\n" +
        "\n" +
        "dog-scale 1 \"a small dog\"\n" +
        "blackswan 1 \"a black swan\"\n";

    [Fact]
    public void Reads_expressions_per_object_in_id_order_with_quotes_removed_and_repairs_video_names()
    {
        using var t = Fixture(Annot1);
        var ds = new ReferDavisLoader().LoadReferring(t.Root);

        ds.Key.ShouldBe("refer-davis17");
        ds.Protocol.ShouldBe("davis2017");
        (ds.Split, ds.ExpressionSet).ShouldBe(("val", "Davis17_annot1"));
        ds.Videos.Select(v => v.Name).ShouldBe(["bike-packing", "dogs-scale", "blackswan"]);
        var bike = ds.Videos[0];
        bike.Expressions.Select(e => (e.Id, e.Text, e.ObjectId, e.Line)).ShouldBe([("1", "a man riding a bike", 1, 2), ("2", "a black bike", 2, 1)]);
        bike.FrameNames.ShouldBe(["00000", "00001", "00002"]);
        bike.Frames.Select(Path.GetFileName).ShouldBe(["00000.jpg", "00001.jpg", "00002.jpg"]);
        bike.AnnotationFolder.ShouldNotBeNull().ShouldEndWith(Path.Combine("Annotations", "480p", "bike-packing"));
        // "dog-scale" in the text file is DAVIS's dogs-scale folder (ReferFormer's repair), and a note says so.
        ds.Videos[1].Expressions.Single().Text.ShouldBe("a small dog");
        ds.Notes.ShouldContain(n => n.Contains("dog-scale -> dogs-scale"));
    }

    [Fact]
    public void Ground_truth_masks_are_the_object_pixels_of_the_label_pngs_void_excluded()
    {
        using var t = Fixture(Annot1);
        var bike = new ReferDavisLoader().LoadReferring(t.Root).Videos[0];
        var gt = bike.GroundTruth.ShouldNotBeNull();
        var one = gt.MaskOf(bike.Expressions[0], 0).ShouldNotBeNull();
        (one.Area, one.BoundingBox).ShouldBe((6L, new ReasonTrack.Geometry.Box(1, 1, 3, 2)));
        gt.MaskOf(bike.Expressions[1], 0).ShouldNotBeNull().Area.ShouldBe(1);
        gt.MaskOf(bike.Expressions[0], 1).ShouldBeNull(); // no 00001.png
    }

    [Fact]
    public void Split_videos_without_expressions_are_skipped_with_a_note_and_the_train_split_reads_its_list()
    {
        using var t = Fixture("bike-packing 1 \"a man\"\nblackswan 1 \"a swan\"\n");
        var val = new ReferDavisLoader().LoadReferring(t.Root);
        val.Videos.Select(v => v.Name).ShouldBe(["bike-packing", "blackswan"]);
        val.Notes.ShouldContain(n => n.Contains("1 video(s) of the split have no expression") && n.Contains("dogs-scale"));
        new ReferDavisLoader().LoadReferring(t.Root, new ReferringLoadOptions { Split = "train" }).Videos.Single().Name.ShouldBe("blackswan");
    }

    [Fact]
    public void The_root_may_hold_DAVIS_and_the_text_annotations_side_by_side_as_in_ReferFormer()
    {
        using var t = Fixture(Annot1, referFormerLayout: true);
        var ds = new ReferDavisLoader().LoadReferring(t.Root, new ReferringLoadOptions { Videos = ["blackswan"] });
        ds.Videos.Single().Expressions.Single().Text.ShouldBe("a black swan");
    }

    [Fact]
    public void Annotator_two_is_read_as_Latin_1()
    {
        // 0xE9 is 'é' in Latin-1 (and an invalid byte in UTF-8).
        byte[] annot2 = [.. Encoding.ASCII.GetBytes("bike-packing 1 \"a caf"), 0xE9, .. Encoding.ASCII.GetBytes(" cyclist\"\n")];
        using var t = Fixture(Annot1, annot2);
        var ds = new ReferDavisLoader().LoadReferring(t.Root, new ReferringLoadOptions { DavisExpressions = ReferDavisExpressions.Annotator2 });
        ds.Videos.Single().Expressions.Single().Text.ShouldBe("a café cyclist");
        ds.ExpressionSet.ShouldBe("Davis17_annot2");
    }

    [Theory]
    [InlineData("bike-packing 1 \"ok\"\nbike-packing\n", 2, "found 1 field(s)")]
    [InlineData("bike-packing one \"a man\"\n", 1, "object id 'one' of video bike-packing is not an integer 1..254")]
    [InlineData("bike-packing 0 \"a man\"\n", 1, "not an integer 1..254")]
    [InlineData("bike-packing 1 \"a man\"\n\nbike-packing 1 \"a bike\"\n", 3, "object 1 of video bike-packing already has an expression (line 1)")]
    public void Bad_lines_are_errors_naming_the_file_and_line(string text, int line, string reason)
    {
        using var t = Fixture(text);
        var e = Should.Throw<DataFormatException>(() => new ReferDavisLoader().LoadReferring(t.Root));
        e.FilePath.ShouldEndWith("Davis17_annot1.txt");
        e.Line.ShouldBe(line);
        e.Reason.ShouldContain(reason);
        e.Message.ShouldStartWith($"{e.FilePath}:{line}: ");
    }

    [Fact]
    public void An_expression_without_quotes_is_taken_as_written_with_a_note()
    {
        using var t = Fixture("bike-packing 1 a man\n");
        var ds = new ReferDavisLoader().LoadReferring(t.Root);
        ds.Videos.Single().Expressions.Single().Text.ShouldBe("a man");
        ds.Notes.ShouldContain(n => n.Contains("Davis17_annot1.txt:1: 1 expression(s) without surrounding double quotes"));
    }

    [Fact]
    public void Missing_files_and_folders_are_named()
    {
        using var t = Fixture(Annot1);
        Should.Throw<DataFormatException>(() => new ReferDavisLoader().LoadReferring(t.Root, new ReferringLoadOptions { DavisExpressions = ReferDavisExpressions.Annotator2FullVideo }))
            .FilePath.ShouldEndWith(Path.Combine("davis_text_annotations", "Davis17_annot2_full_video.txt"));
        Should.Throw<DataFormatException>(() => new ReferDavisLoader().LoadReferring(t.Root, new ReferringLoadOptions { Split = "test-dev" }))
            .FilePath.ShouldEndWith(Path.Combine("ImageSets", "2017", "test-dev.txt"));
        Should.Throw<DataFormatException>(() => new ReferDavisLoader().LoadReferring(t["ImageSets"]))
            .Reason.ShouldContain("not a Refer-DAVIS17 folder");
        Should.Throw<DataFormatException>(() => new ReferDavisLoader().LoadReferring(t.Root, new ReferringLoadOptions { Videos = ["bike-pack"] }))
            .Reason.ShouldContain("closest: bike-packing");
    }

    [Fact]
    public void Is_registered_and_loads_as_a_plain_dataset_without_boxes()
    {
        using var t = Fixture(Annot1);
        DatasetRegistry.Get("refer-davis17").ShouldBeOfType<ReferDavisLoader>();
        DatasetRegistry.Get("Refer-DAVIS").ShouldBeOfType<ReferDavisLoader>();
        var ds = DatasetRegistry.Get("refer-davis17").Load(t.Root);
        ds.DefaultProtocol.ShouldBe("davis2017");
        var s = ds.Sequences[0];
        (s.Name, s.Length, s.Frames.Count).ShouldBe(("bike-packing", 3, 3));
        s.GroundTruth.ShouldAllBe(b => double.IsNaN(b.X));
    }
}
