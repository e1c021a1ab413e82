using ReasonTrack.Datasets;
using ReasonTrack.Datasets.Got10k;
using ReasonTrack.Geometry;
using ReasonTrack.IO;

namespace ReasonTrack.Tests.Datasets.Got10k;

public class Got10kLoaderTests
{
    private static TempTree Fixture()
    {
        var t = new TempTree();
        t.Write("val/list.txt", "GOT-10k_Val_000002\nGOT-10k_Val_000001\n");
        foreach (string seq in new[] { "GOT-10k_Val_000001", "GOT-10k_Val_000002" })
        {
            t.Frames($"val/{seq}", "00000001.jpg", "00000002.jpg", "00000003.jpg");
            t.Write($"val/{seq}/groundtruth.txt", "1.5,2,30,40\n2,3,30,40\n3,4,30,40\n");
            t.Write($"val/{seq}/absence.label", "0\n1\n0\n");
            t.Write($"val/{seq}/cover.label", "8\n0\n5\n");
            t.Write($"val/{seq}/meta_info.ini",
                "[METAINFO]\nurl: https://youtu.be/x\nbegin: 00:00:01\nend: 00:00:05\nanno_fps: 10Hz\nobject_class: ichneumon\nmotion_class: walking\nmajor_class: viverrine\nroot_class: animal\nmotion_adverb: slowly\nresolution: (1920, 1080)\n");
        }
        t.Frames("test/GOT-10k_Test_000001", "00000001.jpg", "00000002.jpg");
        t.Write("test/GOT-10k_Test_000001/groundtruth.txt", "10,20,30,40\n");
        t.Write("test/list.txt", "GOT-10k_Test_000001");
        return t;
    }

    [Fact]
    public void Val_split_from_the_dataset_root_or_the_split_folder()
    {
        using var t = Fixture();
        foreach (string root in new[] { t.Root, t["val"] })
        {
            var ds = new Got10kLoader().Load(root);
            ds.Key.ShouldBe("got10k-val");
            ds.DefaultProtocol.ShouldBe("got10k");
            ds.Sequences.Select(s => s.Name).ShouldBe(["GOT-10k_Val_000002", "GOT-10k_Val_000001"]);
            var s = ds.Sequences[1];
            s.GroundTruth[0].ShouldBe(new Box(1.5, 2, 30, 40));
            s.Absent.ShouldBe([false, true, false]);
            s.Cover.ShouldBe([8, 0, 5]);
            s.ClassName.ShouldBe("ichneumon");
            s.Resolution.ShouldBe(new ImageSize(1920, 1080));
            s.Metadata["motion_class"].ShouldBe("walking");
            s.Frames.Count.ShouldBe(3);
            s.IsVisible(1).ShouldBeFalse();
        }
    }

    [Fact]
    public void Test_split_sequences_have_one_box_and_a_note()
    {
        using var t = Fixture();
        var ds = DatasetRegistry.Get("got10k").Load(t.Root, new DatasetLoadOptions { Split = "test" });
        var s = ds.Sequences.Single();
        s.Length.ShouldBe(1);
        s.Frames.Count.ShouldBe(2);
        s.Absent.ShouldBeNull();
        ds.Notes.ShouldContain(n => n.Contains("first box"));
    }

    [Fact]
    public void A_bad_resolution_names_meta_info()
    {
        using var t = Fixture();
        t.Write("val/GOT-10k_Val_000001/meta_info.ini", "[METAINFO]\nresolution: big\n");
        var e = Should.Throw<DataFormatException>(() => new Got10kLoader().Load(t.Root));
        e.FilePath.ShouldEndWith("meta_info.ini");
    }
}
