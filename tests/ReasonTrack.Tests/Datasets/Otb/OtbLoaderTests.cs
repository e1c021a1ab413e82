using System.Text.Json;
using ReasonTrack.Datasets;
using ReasonTrack.Datasets.Otb;
using ReasonTrack.Geometry;

namespace ReasonTrack.Tests.Datasets.Otb;

public class OtbLoaderTests
{
    private static readonly string[] OtbSequences = ["Car4", "Couple", "Crossing", "Diving", "Dog", "Football1", "KiteSurf", "uav_wakeboard7"];

    private static string JsonPath() => SharedData.Require("data/otb/OTB100.json");

    [Fact]
    public void Json_gives_100_sequences_with_the_start_and_end_quirks()
    {
        string json = JsonPath();
        var ds = new OtbLoader().Load(Path.GetDirectoryName(json)!);

        ds.Sequences.Count.ShouldBe(100);
        ds.DefaultProtocol.ShouldBe("otb");
        var david = ds.Find("David")!;
        david.FirstFrameNumber.ShouldBe(300);
        david.Frames[0].ShouldBe(Path.Combine(Path.GetDirectoryName(json)!, "David", "img", "0300.jpg"));
        david.Frames.Count.ShouldBe(david.Length);

        ds.Find("Football1")!.Length.ShouldBe(74);

        var j1 = ds.Find("Jogging-1")!;
        var j2 = ds.Find("Jogging-2")!;
        j1.Frames.ShouldBe(j2.Frames);
        j1.Frames[0].ShouldContain(Path.Combine("Jogging", "img"));
        j1.GroundTruth[0].ShouldNotBe(j2.GroundTruth[0]);
        ds.Find("Skating2-1")!.Frames.ShouldBe(ds.Find("Skating2-2")!.Frames);
    }

    [Fact]
    public void Json_boxes_and_attributes_match_the_file()
    {
        string json = JsonPath();
        var ds = new OtbLoader().Load(json); // the json file itself as root
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            var s = ds.Find(p.Name)!;
            var gt = p.Value.GetProperty("gt_rect");
            s.Length.ShouldBe(gt.GetArrayLength());
            var r0 = gt[0].EnumerateArray().Select(x => x.GetDouble()).ToArray();
            s.GroundTruth[0].ShouldBe(new Box(r0[0], r0[1], r0[2], r0[3]));
            var attrs = p.Value.GetProperty("attr").EnumerateArray().Select(x => x.GetString()!).ToHashSet();
            s.Attributes.ToHashSet().SetEquals(attrs).ShouldBeTrue(p.Name);
            s.AttributeVector!.Sum().ShouldBe(attrs.Count);
        }
    }

    [Fact]
    public void Annotations_only_lists_no_frames()
    {
        var ds = new OtbLoader().Load(JsonPath(), new DatasetLoadOptions { ListFrames = false, Sequences = ["david"] });
        ds.Sequences.Single().Name.ShouldBe("David");
        ds.Sequences[0].Frames.ShouldBeEmpty();
        ds.Sequences[0].FirstFrameNumber.ShouldBe(300);
    }

    public static TheoryData<string> RealOtbStyleSequences() => new(OtbSequences);

    [Theory]
    [MemberData(nameof(RealOtbStyleSequences))]
    public void Real_sequences_load_with_frames_txt(string name)
    {
        string folder = SharedData.Require(Path.Combine("data/sequences", name));
        var s = new OtbLoader().Load(folder).Sequences.Single();

        string[] rows = File.ReadAllLines(Path.Combine(folder, "groundtruth_rect.txt")).Where(l => l.Trim().Length > 0).ToArray();
        string[] frames = File.ReadAllLines(Path.Combine(folder, "frames.txt")).Where(l => l.Trim().Length > 0).ToArray();
        s.Name.ShouldBe(name);
        s.Length.ShouldBe(rows.Length);
        s.Frames.Count.ShouldBe(frames.Length);
        s.Frames.ShouldAllBe(f => File.Exists(f));
        s.Frames.Select(Path.GetFileName).ShouldBe(frames);
        s.FirstFrameNumber.ShouldBe(int.Parse(Path.GetFileNameWithoutExtension(frames[0])));
        double[] first = rows[0].Split(',').Select(double.Parse).ToArray();
        s.GroundTruth[0].ShouldBe(new Box(first[0], first[1], first[2], first[3]));
    }

    [Fact]
    public void The_sequences_folder_loads_as_one_otb_dataset()
    {
        string root = SharedData.Require("data/sequences");
        var ds = new OtbLoader().Load(root, new DatasetLoadOptions { ListFrames = false });
        string[] expected = Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, "groundtruth_rect.txt"))).Select(Path.GetFileName).ToArray()!;
        ds.Sequences.Select(s => s.Name).Order().ShouldBe(expected.Order());
        // Couple's attrs.txt reads "SV, DEF, FM, OPR, BC".
        ds.Find("Couple")!.Attributes.ShouldBe(["Scale Variation", "Deformation", "Fast Motion", "Out-of-Plane Rotation", "Background Clutters"]);
        ds.Find("Car4")!.AttributeVector.ShouldBeNull();
    }

    [Fact]
    public void Any_folder_of_otb_sequences_loads_with_shared_frames_and_late_starts()
    {
        using var t = new TempTree();
        t.Frames("Jogging/img", "0001.jpg", "0002.jpg");
        t.Write("Jogging/groundtruth_rect.1.txt", "1\t2\t3\t4\n5\t6\t7\t8\n");
        t.Write("Jogging/groundtruth_rect.2.txt", "9 10 11 12\n13 14 15 16\n");
        t.Frames("Late/img", "0005.jpg", "0006.jpg", "0007.jpg");
        t.Write("Late/groundtruth_rect.txt", "1,1,1,1\n2,2,2,2\n");
        t.Write("NotASequence/readme.txt", "x");

        var ds = new OtbLoader().Load(t.Root);
        ds.Sequences.Select(s => s.Name).ShouldBe(["Jogging-1", "Jogging-2", "Late"]);
        ds.Sequences[0].Frames.ShouldBe(ds.Sequences[1].Frames);
        ds.Sequences[0].GroundTruth[1].ShouldBe(new Box(5, 6, 7, 8));
        ds.Sequences[1].GroundTruth[1].ShouldBe(new Box(13, 14, 15, 16));
        var late = ds.Find("Late")!;
        late.FirstFrameNumber.ShouldBe(5);
        late.Frames.Select(Path.GetFileName).ShouldBe(["0005.jpg", "0006.jpg", "0007.jpg"]);
    }

    [Fact]
    public void Frames_txt_with_numbers_maps_rows_to_frame_files()
    {
        using var t = new TempTree();
        t.Frames("Seq/img", "0001.jpg", "0002.jpg", "0003.jpg", "0004.jpg");
        t.Write("Seq/groundtruth_rect.txt", "1,1,1,1\nNaN,NaN,NaN,NaN\n");
        t.Write("Seq/frames.txt", "3\n4\n");
        var s = new OtbLoader().Load(t["Seq"]).Sequences.Single();
        s.FirstFrameNumber.ShouldBe(3);
        s.Frames.Select(Path.GetFileName).ShouldBe(["0003.jpg", "0004.jpg"]);
        s.GroundTruth[1].HasNaN.ShouldBeTrue();
    }
}
