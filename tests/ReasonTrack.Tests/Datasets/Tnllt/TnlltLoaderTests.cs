using ReasonTrack.Datasets;
using ReasonTrack.Datasets.Lasot;
using ReasonTrack.Datasets.Tnllt;
using ReasonTrack.Geometry;

namespace ReasonTrack.Tests.Datasets.Tnllt;

public class TnlltLoaderTests
{
    private static readonly DatasetLoadOptions AnnotationsOnly = new() { ListFrames = false };

    [Fact]
    public void Golden_toolkit_inputs_load_in_sequences_txt_order()
    {
        string root = SharedData.Require("golden/inputs/tnllt");
        string[] list = File.ReadAllLines(Path.Combine(root, "sequences.txt")).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

        var ds = new TnlltLoader().Load(root, AnnotationsOnly);

        ds.Sequences.Select(s => s.Name).ShouldBe(list);
        ds.DisplayName.ShouldBe("TNLLT");
        ds.DefaultProtocol.ShouldBe("tnllt-matlab");
        ds.AttributeShortNames.ShouldBe(["CM", "ROT", "DEF", "FOC", "IV", "OV", "POC", "VC", "SV", "BC", "MB", "ARC", "LR", "FM", "AS"]);
    }

    [Fact]
    public void Absent_polarity_is_one_means_visible()
    {
        string root = SharedData.Require("golden/inputs/tnllt");
        var ds = new TnlltLoader().Load(root, AnnotationsOnly);
        int checkedFrames = 0, absentFrames = 0;
        foreach (var s in ds.Sequences)
        {
            string[] lines = File.ReadAllLines(Path.Combine(root, "annos", "absent", s.Name + ".txt")).Where(l => l.Trim().Length > 0).ToArray();
            s.Absent!.Length.ShouldBe(lines.Length);
            for (int i = 0; i < lines.Length; i++) s.Absent[i].ShouldBe(lines[i].Trim() == "0", $"{s.Name} frame {i + 1}");
            checkedFrames += lines.Length;
            absentFrames += lines.Count(l => l.Trim() == "0");
        }
        checkedFrames.ShouldBeGreaterThan(0);
        absentFrames.ShouldBeGreaterThan(0);
        // The visible frames (1 in the file) must be the majority: a flipped polarity would make most frames absent.
        absentFrames.ShouldBeLessThan(checkedFrames / 2);
    }

    [Fact]
    public void Same_ground_truth_with_lasot_polarity_gives_the_same_absent_flags()
    {
        string tnllt = SharedData.Require("golden/inputs/tnllt");
        string lasot = SharedData.Require("golden/inputs/lasot");
        var a = new TnlltLoader().Load(tnllt, AnnotationsOnly);
        var b = new LasotLoader().Load(lasot, AnnotationsOnly);
        foreach (var s in a.Sequences)
        {
            var other = b.Find(s.Name);
            if (other is null) continue;
            s.GroundTruth.ShouldBe(other.GroundTruth);
            s.Absent.ShouldBe(other.Absent, s.Name);
        }
    }

    [Fact]
    public void Dataset_layout()
    {
        using var t = new TempTree();
        t.Frames("seqA/imgs", "00001.png", "00002.png", "00003.png");
        t.Write("seqA/groundtruth.txt", "1,2,3,4\n2,3,4,5\n3,4,5,6\n");
        t.Write("seqA/absent_label.txt", "1\n0\n1\n");
        t.Write("seqA/attributes.txt", "1,0,0,1,0,0,0,0,0,0,0,0,0,1,0");
        t.Write("seqA/language.txt", "the red car on the left\nmore\n");
        t.Write("seqB/groundtruth.txt", "1,2,3,4\n");
        t.Write("testing_set.txt", "seqA");

        var ds = new TnlltLoader().Load(t.Root);
        var s = ds.Sequences.Single();
        s.Name.ShouldBe("seqA");
        s.Absent.ShouldBe([false, true, false]);
        s.Attributes.ShouldBe(["Camera Motion", "Full Occlusion", "FM"]);
        s.Language.ShouldBe("the red car on the left");
        s.Frames.Select(Path.GetFileName).ShouldBe(["00001.png", "00002.png", "00003.png"]);
        s.GroundTruth[2].ShouldBe(new Box(3, 4, 5, 6));

        new TnlltLoader().Load(t.Root, new DatasetLoadOptions { Split = "all" }).Sequences.Select(x => x.Name).ShouldBe(["seqA", "seqB"]);
    }

    [Fact]
    public void Language_is_kept_both_as_its_first_line_and_as_the_whole_unstripped_text()
    {
        // Issue 11 item 8: VPTracker's evaluation/tnllt_dataset.py ~59 reads f.read() (text mode: \r\n becomes \n,
        // nothing stripped); the first line, trimmed, stays the reading of the other modes.
        using var t = new TempTree();
        t.Write("seqA/groundtruth.txt", "1,2,3,4\n");
        File.WriteAllBytes(t["seqA/language.txt"], System.Text.Encoding.UTF8.GetBytes("  the red car\r\n on the left \n"));
        var s = new TnlltLoader().Load(t.Root).Sequences.Single();
        s.Language.ShouldBe("the red car");
        s.LanguageText.ShouldBe("  the red car\n on the left \n");
        s.LanguageAs(LanguageReading.WholeFile).ShouldBe("  the red car\n on the left \n");
        s.LanguageAs(LanguageReading.FirstLine).ShouldBe("the red car");
    }
}
