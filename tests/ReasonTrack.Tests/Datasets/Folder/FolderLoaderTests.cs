using ReasonTrack.Datasets;
using ReasonTrack.Datasets.Folder;
using ReasonTrack.Geometry;

namespace ReasonTrack.Tests.Datasets.Folder;

public class FolderLoaderTests
{
    [Fact]
    public void A_plain_folder_of_frames_without_ground_truth()
    {
        using var t = new TempTree();
        t.Frames("walk", "frame10.png", "frame2.png", "frame1.png", "notes.txt");
        var ds = new FolderLoader().Load(t["walk"]);
        var s = ds.Sequences.Single();
        s.Name.ShouldBe("walk");
        s.Length.ShouldBe(0);
        s.GroundTruth.ShouldBeEmpty();
        s.Frames.Select(Path.GetFileName).ShouldBe(["frame1.png", "frame2.png", "frame10.png"]);
        ds.DefaultProtocol.ShouldBe("otb");
    }

    [Fact]
    public void An_img_folder_is_named_after_its_parent_and_finds_the_ground_truth_one_level_up()
    {
        using var t = new TempTree();
        t.Frames("car/img", "0001.jpg", "0002.jpg");
        t.Write("car/groundtruth_rect.txt", "1,2,3,4\n5,6,7,8\n");
        foreach (string root in new[] { t["car"], t["car/img"] })
        {
            var s = new FolderLoader().Load(root).Sequences.Single();
            s.Name.ShouldBe("car");
            s.GroundTruth.ShouldBe([new Box(1, 2, 3, 4), new Box(5, 6, 7, 8)]);
            s.Frames.Count.ShouldBe(2);
        }
    }

    [Fact]
    public void A_folder_of_sequence_folders()
    {
        using var t = new TempTree();
        t.Frames("seq10", "1.bmp");
        t.Frames("seq2/imgs", "00001.jpeg");
        t.Write("seq2/groundtruth.txt", "1,1,1,1\n");
        t.Write("empty/readme.txt", "");
        var ds = new FolderLoader().Load(t.Root, new DatasetLoadOptions { ListFrames = false });
        ds.Sequences.Select(s => s.Name).ShouldBe(["seq2", "seq10"]);
        ds.Find("seq2")!.Length.ShouldBe(1);
        ds.Find("seq10")!.Length.ShouldBe(0);
        ds.Sequences.ShouldAllBe(s => s.Frames.Count == 0);
    }

    [Fact]
    public void Real_sequence_folder_via_its_img_folder()
    {
        string img = SharedData.Require("data/sequences/Dog/img");
        var s = new FolderLoader().Load(img).Sequences.Single();
        s.Name.ShouldBe("Dog");
        s.Frames.Count.ShouldBe(Directory.GetFiles(img, "*.jpg").Length);
        s.Length.ShouldBe(File.ReadAllLines(Path.Combine(Path.GetDirectoryName(img)!, "groundtruth_rect.txt")).Count(l => l.Trim().Length > 0));
    }
}
