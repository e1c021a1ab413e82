using System.Globalization;
using ReasonTrack.Datasets;
using ReasonTrack.Datasets.Vot;
using ReasonTrack.Geometry;
using ReasonTrack.IO;

namespace ReasonTrack.Tests.Datasets.Vot;

public class VotLoaderTests
{
    private static double[] Numbers(string line) =>
        line.Split([',', '\t', ' '], StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void Bag_loads_the_vot2018_polygons()
    {
        string folder = SharedData.Require("data/sequences/bag");
        var s = new VotLoader().Load(folder).Sequences.Single();

        string[] orig = File.ReadAllLines(Path.Combine(folder, "groundtruth_orig.txt")).Where(l => l.Trim().Length > 0).ToArray();
        string[] rect = File.ReadAllLines(Path.Combine(folder, "groundtruth_rect.txt")).Where(l => l.Trim().Length > 0).ToArray();
        s.Name.ShouldBe("bag");
        s.Length.ShouldBe(orig.Length);
        s.Polygons.ShouldNotBeNull();
        s.Polygons.ShouldAllBe(p => p != null && p.PointCount == 4);
        s.Polygons[0]!.Coordinates.ShouldBe(Numbers(orig[0]));
        // groundtruth_rect.txt holds the min/max boxes of the polygons (provenance.txt), rounded to 0.01.
        for (int i = 0; i < s.Length; i++)
        {
            double[] r = Numbers(rect[i]);
            s.GroundTruth[i].X.ShouldBe(r[0], 0.011);
            s.GroundTruth[i].Y.ShouldBe(r[1], 0.011);
            s.GroundTruth[i].W.ShouldBe(r[2], 0.011);
            s.GroundTruth[i].H.ShouldBe(r[3], 0.011);
        }
        s.Frames.Count.ShouldBe(196);
        File.Exists(s.Frames[0]).ShouldBeTrue();
    }

    [Fact]
    public void Area_preserving_option_uses_the_pysot_conversion()
    {
        string folder = SharedData.Require("data/sequences/bag");
        var plain = new VotLoader().Load(folder).Sequences.Single();
        var loader = new VotLoader(useAreaPreservingBoxes: true);
        loader.UseAreaPreservingBoxes.ShouldBeTrue();
        var s = loader.Load(folder).Sequences.Single();
        for (int i = 0; i < s.Length; i++) s.GroundTruth[i].ShouldBe(s.Polygons![i]!.ToAreaPreservingBox());
        s.GroundTruth[0].ShouldNotBe(plain.GroundTruth[0]);
    }

    [Fact]
    public void Yamaha_keeps_the_nan_rows_of_absent_frames()
    {
        string folder = SharedData.Require("data/sequences/votlt_yamaha_first530");
        var s = new VotLoader().Load(folder).Sequences.Single();

        string[] rect = File.ReadAllLines(Path.Combine(folder, "groundtruth_rect.txt")).Where(l => l.Trim().Length > 0).ToArray();
        int[] nanRows = Enumerable.Range(0, rect.Length).Where(i => rect[i].Contains("nan", StringComparison.OrdinalIgnoreCase)).ToArray();
        s.Length.ShouldBe(rect.Length);
        s.Length.ShouldBe(530);
        Enumerable.Range(0, s.Length).Where(i => s.GroundTruth[i].HasNaN).ShouldBe(nanRows);
        // provenance.txt: NaN rows are frames 268-289, 343-364, 418-439, 493-514.
        nanRows.Length.ShouldBe(4 * 22);
        nanRows[0].ShouldBe(267);
        s.Polygons.ShouldBeNull();
        s.Frames.Count.ShouldBe(530);
        s.FirstFrameNumber.ShouldBe(1);
    }

    [Fact]
    public void Synthetic_vot_with_list_tags_polygons_and_empty_rows()
    {
        using var t = new TempTree();
        t.Write("list.txt", "seqB\nseqA\n");
        t.Frames("seqA/color", "00000001.jpg", "00000002.jpg", "00000003.jpg", "00000004.jpg");
        t.Write("seqA/groundtruth.txt", "10,10,20,10,20,20,10,20\n0\nnan,nan,nan,nan\n1,2,3,4\n");
        t.Write("seqA/occlusion.tag", "0\n1\n");
        t.Write("seqA/camera_motion.label", "1\n1\n1\n1\n");
        t.Frames("seqB", "00000001.jpg");
        t.Write("seqB/groundtruth.txt", "5,6,7,8\n");

        var ds = new VotLoader().Load(t.Root);
        ds.Sequences.Select(s => s.Name).ShouldBe(["seqB", "seqA"]);
        var a = ds.Find("seqA")!;
        a.GroundTruth[0].ShouldBe(new Box(10, 10, 10, 10));
        a.GroundTruth[1].HasNaN.ShouldBeTrue();
        a.GroundTruth[2].HasNaN.ShouldBeTrue();
        a.GroundTruth[3].ShouldBe(new Box(1, 2, 3, 4));
        a.Polygons!.Length.ShouldBe(4);
        a.Polygons[0]!.PointCount.ShouldBe(4);
        a.Polygons[1].ShouldBeNull();
        a.FrameTags["occlusion"].ShouldBe([false, true, false, false]);
        a.FrameTags["camera_motion"].ShouldBe([true, true, true, true]);
        a.Frames.Count.ShouldBe(4);
        var b = ds.Find("seqB")!;
        b.Polygons.ShouldBeNull();
        b.Frames.Select(Path.GetFileName).ShouldBe(["00000001.jpg"]);
    }

    [Fact]
    public void A_five_value_row_is_an_error_naming_file_and_line()
    {
        using var t = new TempTree();
        t.Write("s/groundtruth.txt", "1,2,3,4\n1,2,3,4,5\n");
        var e = Should.Throw<DataFormatException>(() => new VotLoader().Load(t.Root));
        e.Message.ShouldContain("groundtruth.txt:2");
    }

    [Fact]
    public void A_non_number_reports_its_own_line()
    {
        using var t = new TempTree();
        t.Write("s/groundtruth.txt", "1,2,3,4\n1,2,3,4\n1,2,abc,4\n");
        var e = Should.Throw<DataFormatException>(() => new VotLoader().Load(t.Root));
        e.Line.ShouldBe(3);
        e.Message.ShouldContain("abc");
    }
}
