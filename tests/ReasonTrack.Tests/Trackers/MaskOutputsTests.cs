using ReasonTrack.Geometry;
using ReasonTrack.Geometry.Masks;
using ReasonTrack.Results.Masks;
using ReasonTrack.Tests.Segmentation;
using ReasonTrack.Trackers;

namespace ReasonTrack.Tests.Trackers;

/// <summary>
/// <see cref="MaskOutputs"/>: the DAVIS results layout beside the boxes (read back by Pillow, as the DAVIS toolkit
/// reads it), every frame a file, completeness for resume, and the folder published whole (replaced, never mixed; a
/// failed write leaves the previous folder as it was).
/// </summary>
public sealed class MaskOutputsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-maskout-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Boxes => Path.Combine(_dir, "out", "seqA.txt");

    [Fact]
    public void Masks_go_beside_the_boxes_one_palette_png_per_frame_with_empty_frames_written()
    {
        var masks = new SequenceMasks(12, 9);
        masks.Set(0, 1, Mask.FromBox(new Box(2, 1, 4, 3), 12, 9));            // columns 2..5, rows 1..3
        masks.Set(2, 1, Mask.FromBox(new Box(0, 0, 6, 6), 12, 9));            // columns 0..5, rows 0..5
        masks.Set(2, 2, Mask.FromBox(new Box(4, 4, 5, 5), 12, 9));            // columns 4..8, rows 4..8: covers object 1 where they overlap
        string folder = MaskOutputs.Write(masks, Boxes, "seqA", frames: 4);

        folder.ShouldBe(Path.Combine(_dir, "out", "seqA"));
        MaskOutputs.FolderFor(Boxes, "seqA").ShouldBe(folder);
        Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["00000.png", "00001.png", "00002.png", "00003.png"]);
        Directory.GetDirectories(Path.Combine(_dir, "out")).Select(Path.GetFileName).ShouldBe(["seqA"]); // no temporary folder left

        var png = DavisPngProbe.Read(Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList());
        var f = png.Values.ToArray();
        f.ShouldAllBe(p => p.Mode == "P" && p.Width == 12 && p.Height == 9);
        f[0].Palette1.ShouldBe([128, 0, 0]); // the DAVIS palette
        f[0].Palette2.ShouldBe([0, 128, 0]);
        f[0].Counts.ShouldBe(new Dictionary<int, long> { [0] = 108 - 12, [1] = 12 });
        f[0].Boxes[1].ShouldBe([2, 1, 5, 3]);
        f[1].Counts.ShouldBe(new Dictionary<int, long> { [0] = 108 }); // no mask in frame 1: an all-background file
        // Frame 2: object 1 is 36 pixels of which the 2x2 at (4..5, 4..5) is under object 2 (25 pixels).
        f[2].Counts.ShouldBe(new Dictionary<int, long> { [0] = 108 - 32 - 25, [1] = 32, [2] = 25 });
        f[2].Boxes[2].ShouldBe([4, 4, 8, 8]);
        f[3].Counts.ShouldBe(new Dictionary<int, long> { [0] = 108 });
    }

    [Fact]
    public void Complete_needs_the_first_and_the_last_frame()
    {
        MaskOutputs.Complete(Boxes, "seqA", 3).ShouldBeFalse();
        var masks = new SequenceMasks(8, 8);
        masks.Set(0, 1, Mask.Full(8, 8));
        string folder = MaskOutputs.Write(masks, Boxes, "seqA", frames: 3);
        MaskOutputs.Complete(Boxes, "seqA", 3).ShouldBeTrue();
        MaskOutputs.Complete(Boxes, "seqA", 4).ShouldBeFalse(); // a longer sequence: its last frame is missing
        MaskOutputs.Complete(Boxes, "seqA", 0).ShouldBeFalse();
        File.Delete(Path.Combine(folder, "00002.png"));
        MaskOutputs.Complete(Boxes, "seqA", 3).ShouldBeFalse();
    }

    [Fact]
    public void A_new_write_replaces_the_whole_folder_and_a_failed_one_leaves_the_old_folder_as_it_was()
    {
        string folder = MaskOutputs.FolderFor(Boxes, "seqA");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "00009.png"), "stale");          // from a longer, older run
        var masks = new SequenceMasks(8, 8);
        masks.Set(0, 1, Mask.Full(8, 8));
        MaskOutputs.Write(masks, Boxes, "seqA", frames: 2);
        Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["00000.png", "00001.png"]);

        var before = Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        var bad = new SequenceMasks(8, 8);
        bad.Set(0, 1, Mask.Empty(8, 8));
        bad.Set(1, 300, Mask.Full(8, 8)); // an id a DAVIS PNG cannot hold: frame 1 throws after frame 0 was written
        Should.Throw<ArgumentOutOfRangeException>(() => MaskOutputs.Write(bad, Boxes, "seqA", frames: 2));
        Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList().ShouldBe(before);
        Directory.GetDirectories(Path.Combine(_dir, "out")).Select(Path.GetFileName).ShouldBe(["seqA"]); // the temporary folder removed
    }
}
