using ReasonTrack.Datasets;
using ReasonTrack.Datasets.Lasot;
using ReasonTrack.Geometry;
using ReasonTrack.IO;

namespace ReasonTrack.Tests.Datasets.Lasot;

public class LasotLoaderTests
{
    private static readonly DatasetLoadOptions AnnotationsOnly = new() { ListFrames = false };

    private static string[] NonBlankLines(string path) => File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToArray();

    [Fact]
    public void Toolkit_layout_loads_the_280_test_sequences_in_list_order()
    {
        string root = SharedData.Require("data/lasot");
        string[] list = NonBlankLines(Path.Combine(root, "testing_set.txt")).Select(l => l.Trim()).ToArray();

        var ds = new LasotLoader().Load(root, AnnotationsOnly);

        list.Length.ShouldBe(280);
        ds.Sequences.Select(s => s.Name).ShouldBe(list);
        ds.Key.ShouldBe("lasot");
        ds.DisplayName.ShouldBe("LaSOT");
        ds.DefaultProtocol.ShouldBe("lasot-matlab");
        ds.AttributeNames.Count.ShouldBe(14);
        ds.AttributeNames[13].ShouldBe("Aspect Ration Change");
        ds.AttributeShortNames.ShouldBe(["IV", "POC", "DEF", "MB", "CM", "ROT", "BC", "VC", "SV", "FOC", "FM", "OV", "LR", "ARC"]);
        ds.Sequences.ShouldAllBe(s => s.Absent != null && s.Absent.Length == s.Length && s.AttributeVector!.Length == 14);
    }

    [Fact]
    public void Toolkit_layout_airplane_1_matches_its_files()
    {
        string root = SharedData.Require("data/lasot");
        string annos = Path.Combine(root, "annos");
        var seq = new LasotLoader().Load(root, AnnotationsOnly).Find("airplane-1")!;

        // First line of annos/airplane-1.txt is "367,101,41,16" (checked by eye and parsed here independently).
        string[] rows = NonBlankLines(Path.Combine(annos, "airplane-1.txt"));
        double[] first = rows[0].Split(',').Select(double.Parse).ToArray();
        seq.GroundTruth[0].ShouldBe(new Box(first[0], first[1], first[2], first[3]));
        seq.GroundTruth[0].ShouldBe(new Box(367, 101, 41, 16));
        seq.Length.ShouldBe(rows.Length);

        int absentInFile = NonBlankLines(Path.Combine(annos, "absent", "airplane-1.txt")).Count(l => l.Trim() == "1");
        seq.Absent!.Count(a => a).ShouldBe(absentInFile);

        double[] att = File.ReadAllText(Path.Combine(annos, "att", "airplane-1.txt")).Split(',').Select(double.Parse).ToArray();
        seq.AttributeVector.ShouldBe(att);
        // The file holds 0,1,0,0,0,1,0,0,1,0,0,0,1,0.
        seq.Attributes.ShouldBe(["Partial Occlusion", "Rotation", "Scale Variation", "Low Resolution"]);
        seq.Language.ShouldBe(File.ReadAllLines(Path.Combine(annos, "nlp", "airplane-1.txt"))[0].Trim());
        seq.ClassName.ShouldBe("airplane");
        seq.Frames.ShouldBeEmpty();
    }

    [Fact]
    public void Toolkit_layout_absent_flags_total_matches_the_files()
    {
        string root = SharedData.Require("data/lasot");
        var ds = new LasotLoader().Load(root, AnnotationsOnly);
        int expected = ds.Sequences.Sum(s => NonBlankLines(Path.Combine(root, "annos", "absent", s.Name + ".txt")).Count(l => l.Trim() == "1"));
        ds.Sequences.Sum(s => s.Absent!.Count(a => a)).ShouldBe(expected);
        expected.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Toolkit_layout_root_may_be_the_annos_folder()
    {
        string annos = SharedData.Require("data/lasot/annos");
        var ds = new LasotLoader().Load(annos, AnnotationsOnly with { Sequences = ["airplane-9"] });
        ds.Sequences.Single().Name.ShouldBe("airplane-9");
    }

    /// <summary>All 280 test sequences' annotations load; how long that takes is measured, not asserted, by
    /// <c>dotnet run -c Release --project bench/ReasonTrack.Benchmarks -- lasot-load</c> (README).</summary>
    [Fact]
    public void Loads_the_280_annotation_files()
    {
        string root = SharedData.Require("data/lasot");
        var ds = new LasotLoader().Load(root, AnnotationsOnly);
        ds.Sequences.Count.ShouldBe(280);
        ds.Sequences.Sum(s => s.Length).ShouldBeGreaterThan(600_000);
    }

    [Fact]
    public void Sequences_option_orders_matches_case_insensitively_and_names_the_closest_on_a_miss()
    {
        string root = SharedData.Require("data/lasot");
        var ds = new LasotLoader().Load(root, AnnotationsOnly with { Sequences = ["Zebra-10", "airplane-1"] });
        ds.Sequences.Select(s => s.Name).ShouldBe(["zebra-10", "airplane-1"]);

        var e = Should.Throw<DataFormatException>(() => new LasotLoader().Load(root, AnnotationsOnly with { Sequences = ["airplane-2"] }));
        e.FilePath.ShouldEndWith("testing_set.txt");
        e.Message.ShouldContain("airplane-2");
        e.Message.ShouldContain("airplane-1");
    }

    [Fact]
    public void Dataset_layout_nested_and_flat()
    {
        using var t = new TempTree();
        t.Frames("airplane/airplane-1/img", "00000001.jpg", "00000002.jpg", "00000003.jpg");
        t.Write("airplane/airplane-1/groundtruth.txt", "1,2,3,4\n5,6,7,8\n9,10,11,12\n");
        t.Write("airplane/airplane-1/full_occlusion.txt", "0,1,0");
        t.Write("airplane/airplane-1/out_of_view.txt", "0,0,1");
        t.Write("airplane/airplane-1/nlp.txt", "  white airplane landing  \nsecond line\n");
        t.Write("cat-2/groundtruth.txt", "1,1,2,2\n");

        var ds = new LasotLoader().Load(t.Root);

        ds.Sequences.Select(s => s.Name).ShouldBe(["airplane-1", "cat-2"]);
        var a = ds.Sequences[0];
        a.GroundTruth.ShouldBe([new Box(1, 2, 3, 4), new Box(5, 6, 7, 8), new Box(9, 10, 11, 12)]);
        a.Absent.ShouldBe([false, true, true]);
        a.Language.ShouldBe("white airplane landing");
        a.ClassName.ShouldBe("airplane");
        a.Frames.Select(Path.GetFileName).ShouldBe(["00000001.jpg", "00000002.jpg", "00000003.jpg"]);
        var c = ds.Sequences[1];
        c.ClassName.ShouldBe("cat");
        c.Absent.ShouldBeNull();
        c.Frames.ShouldBeEmpty();
    }

    [Fact]
    public void Dataset_layout_uses_testing_set_and_skips_frames_when_asked()
    {
        using var t = new TempTree();
        t.Frames("bird/bird-3/img", "00000001.jpg");
        t.Write("bird/bird-3/groundtruth.txt", "1,2,3,4\n");
        t.Write("bird/bird-1/groundtruth.txt", "1,2,3,4\n");
        t.Write("testing_set.txt", "bird-3");

        var ds = new LasotLoader().Load(t.Root, AnnotationsOnly);
        ds.Sequences.Select(s => s.Name).ShouldBe(["bird-3"]);
        ds.Sequences[0].Frames.ShouldBeEmpty();
        new LasotLoader().Load(t.Root, new DatasetLoadOptions { Split = "all" }).Sequences.Count.ShouldBe(2);
    }

    [Fact]
    public void Missing_groundtruth_names_the_file()
    {
        using var t = new TempTree();
        t.Write("testing_set.txt", "dog-1\n");
        Directory.CreateDirectory(t["dog/dog-1/img"]);
        var e = Should.Throw<DataFormatException>(() => new LasotLoader().Load(t.Root));
        e.FilePath.ShouldBe(t["dog/dog-1/groundtruth.txt"]);
        e.Message.ShouldContain("groundtruth.txt");
    }

    [Fact]
    public void Toolkit_layout_missing_box_file_names_it()
    {
        using var t = new TempTree();
        t.Write("annos/cat-1.txt", "1,2,3,4\n");
        t.Write("testing_set.txt", "cat-1\ncat-2");
        var e = Should.Throw<DataFormatException>(() => new LasotLoader().Load(t.Root, AnnotationsOnly));
        e.FilePath.ShouldBe(t["annos/cat-2.txt"]);
    }

    [Fact]
    public void A_row_with_three_values_is_an_error_naming_file_and_line()
    {
        using var t = new TempTree();
        t.Write("cat/cat-1/groundtruth.txt", "1,2,3,4\n1,2,3\n");
        var e = Should.Throw<DataFormatException>(() => new LasotLoader().Load(t.Root, AnnotationsOnly));
        e.FilePath.ShouldEndWith("groundtruth.txt");
        e.Line.ShouldBe(2);
        e.Message.ShouldContain("groundtruth.txt:2");
    }

    [Fact]
    public void A_non_number_is_an_error_naming_file_and_line()
    {
        using var t = new TempTree();
        t.Write("cat/cat-1/groundtruth.txt", "1,2,3,4\n1,2,3,4\n1,2,x,4\n");
        var e = Should.Throw<DataFormatException>(() => new LasotLoader().Load(t.Root, AnnotationsOnly));
        e.Message.ShouldContain("groundtruth.txt:3");
        e.Message.ShouldContain("'x'");
    }
}
