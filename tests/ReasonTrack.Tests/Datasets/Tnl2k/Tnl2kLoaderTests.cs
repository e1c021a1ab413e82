using ReasonTrack.Datasets;
using ReasonTrack.Datasets.Tnl2k;
using ReasonTrack.Geometry;

namespace ReasonTrack.Tests.Datasets.Tnl2k;

public class Tnl2kLoaderTests
{
    private static readonly DatasetLoadOptions AnnotationsOnly = new() { ListFrames = false };

    private static string[] NonBlankLines(string path) => File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToArray();

    [Fact]
    public void Real_toolkit_annotations_load_the_700_test_sequences()
    {
        string root = SharedData.Require("data/tnl2k");
        string[] list = NonBlankLines(Path.Combine(root, "TNL2K_testing_set.txt")).Select(l => l.Trim()).ToArray();

        var ds = new Tnl2kLoader().Load(root, AnnotationsOnly);

        list.Length.ShouldBe(700);
        ds.Sequences.Select(s => s.Name).ShouldBe(list);
        ds.DisplayName.ShouldBe("TNL2K");
        ds.DefaultProtocol.ShouldBe("tnl2k-matlab");
        ds.AttributeNames.Count.ShouldBe(17);
        ds.Sequences.ShouldAllBe(s => s.AttributeVector!.Length == 17);
        foreach (var s in ds.Sequences)
            s.Length.ShouldBe(NonBlankLines(Path.Combine(root, "annos", "gt_rect", s.Name + ".txt")).Length, s.Name);
    }

    [Fact]
    public void First_sequence_matches_its_files()
    {
        string root = SharedData.Require("data/tnl2k");
        var s = new Tnl2kLoader().Load(root, AnnotationsOnly with { Sequences = ["Assian_video_Z03_done"] }).Sequences.Single();
        string annos = Path.Combine(root, "annos");
        double[] first = NonBlankLines(Path.Combine(annos, "gt_rect", s.Name + ".txt"))[0].Split(',').Select(double.Parse).ToArray();
        s.GroundTruth[0].ShouldBe(new Box(first[0], first[1], first[2], first[3]));
        double[] att = NonBlankLines(Path.Combine(annos, "att", s.Name + "_attribute.txt")).Select(l => double.Parse(l.Trim())).ToArray();
        s.AttributeVector.ShouldBe(att);
        // That file holds 1 at positions 2, 8, 9, 10 (1-based).
        s.Attributes.ShouldBe(["Rotation", "Viewpoint Change", "Scale Variation", "Background Clutter"]);
        int absent = NonBlankLines(Path.Combine(annos, "absent", s.Name + ".txt")).Count(l => l.Trim() == "1");
        s.Absent!.Count(a => a).ShouldBe(absent);
    }

    [Fact]
    public void An_absent_file_one_row_longer_is_kept_as_read_and_noted()
    {
        string root = SharedData.Require("data/tnl2k");
        const string name = "advSamp_monitor_bikeyellow";
        var ds = new Tnl2kLoader().Load(root, AnnotationsOnly);
        var s = ds.Find(name)!;
        int absentRows = NonBlankLines(Path.Combine(root, "annos", "absent", name + ".txt")).Length;
        int gtRows = NonBlankLines(Path.Combine(root, "annos", "gt_rect", name + ".txt")).Length;
        absentRows.ShouldBe(gtRows + 1);
        s.Absent!.Length.ShouldBe(absentRows);
        s.Length.ShouldBe(gtRows);
        ds.Notes.ShouldContain(n => n.Contains(name));
    }

    [Fact]
    public void Golden_inputs_load()
    {
        string root = SharedData.Require("golden/inputs/tnl2k");
        string[] list = NonBlankLines(Path.Combine(root, "sequences.txt")).Select(l => l.Trim()).ToArray();
        var ds = new Tnl2kLoader().Load(root, AnnotationsOnly);
        ds.Sequences.Select(s => s.Name).ShouldBe(list);
        ds.Notes.ShouldContain(n => n.Contains("advSamp_monitor_bikeyellow"));
    }

    [Fact]
    public void Dataset_layout_sorts_frames_by_number_whatever_the_first_index()
    {
        using var t = new TempTree();
        t.Frames("seqA/imgs", "00010.jpg", "00000.jpg", "00009.jpg", "00001.jpg");
        t.Write("seqA/groundtruth.txt", "1 2 3 4\r\n1,2,3,4\r\n1,2,3,4\r\n1,2,3,4\r\n");
        t.Write("seqA/language.txt", "a man in black\n");
        var s = new Tnl2kLoader().Load(t.Root).Sequences.Single();
        s.Frames.Select(Path.GetFileName).ShouldBe(["00000.jpg", "00001.jpg", "00009.jpg", "00010.jpg"]);
        s.Length.ShouldBe(4);
        s.Language.ShouldBe("a man in black");
        s.LanguageText.ShouldBe("a man in black\n"); // VPTracker's evaluation/tnl2k_dataset.py reads the whole file too
    }
}
