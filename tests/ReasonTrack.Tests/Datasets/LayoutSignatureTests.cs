using ReasonTrack.Datasets;
using ReasonTrack.Tests.Cli;

namespace ReasonTrack.Tests.Datasets;

/// <summary>
/// Issue 10 item 4: a folder loaded under another benchmark's key is refused with an error naming the key given, the
/// folder and the layout it looks like, instead of evaluating plausible nonsense (LaSOT read as TNLLT inverts its
/// absence flags: 280 notes and AUC 4.6 with exit code 0).
/// </summary>
public sealed class LayoutSignatureTests : IDisposable
{
    private readonly TempTree _t = new();

    public void Dispose() => _t.Dispose();

    private static string Flags(int n, Func<int, bool> one) => string.Concat(Enumerable.Range(0, n).Select(i => (one(i) ? "1" : "0") + "\n"));

    private static string Boxes(int n) => string.Concat(Enumerable.Range(0, n).Select(i => $"{10 + i},20,30,40\n"));

    /// <summary>A LaSOT-style toolkit folder (annos/&lt;seq&gt;.txt, absent/, att/); <paramref name="oneMeansVisible"/> writes TNLLT's polarity.</summary>
    private string ToolkitFolder(string name, bool oneMeansVisible, int attributes)
    {
        foreach (string seq in new[] { "cat-1", "dog-2" })
        {
            _t.Write($"{name}/annos/{seq}.txt", Boxes(40));
            // The target is absent in frames 30..34 (5 of 40).
            _t.Write($"{name}/annos/absent/{seq}.txt", Flags(40, i => (i is >= 30 and < 35) != oneMeansVisible));
            _t.Write($"{name}/annos/att/{seq}.txt", string.Join(",", Enumerable.Repeat("0", attributes)));
        }
        _t.Write($"{name}/testing_set.txt", "cat-1\ndog-2\n");
        return _t[name];
    }

    [Fact]
    public void Lasot_annotations_loaded_as_tnllt_are_refused_naming_both_keys_and_the_folder()
    {
        string root = ToolkitFolder("lasot", oneMeansVisible: false, attributes: 14);
        var e = Should.Throw<DatasetMismatchException>(() => DatasetRegistry.Get("tnllt").Load(root, new DatasetLoadOptions { ListFrames = false }));
        e.GivenKey.ShouldBe("tnllt");
        e.LikelyKey.ShouldBe("lasot");
        e.Message.ShouldContain(root);
        e.Message.ShouldContain("'tnllt'");
        e.Message.ShouldContain("'lasot'");
        e.Message.ShouldContain("LaSOT toolkit layout");
        e.ShouldBeAssignableTo<ReasonTrackException>();
        // The right key loads it, with 5 absent frames per sequence.
        var ds = DatasetRegistry.Get("lasot").Load(root, new DatasetLoadOptions { ListFrames = false });
        ds.Sequences.Select(s => s.Absent!.Count(a => a)).ShouldBe([5, 5]);
    }

    [Fact]
    public void Tnllt_annotations_loaded_as_lasot_are_refused()
    {
        string root = ToolkitFolder("tnllt", oneMeansVisible: true, attributes: 15);
        var e = Should.Throw<DatasetMismatchException>(() => DatasetRegistry.Get("lasot").Load(root, new DatasetLoadOptions { ListFrames = false }));
        e.LikelyKey.ShouldBe("tnllt");
        e.Message.ShouldContain("1 = visible");
        DatasetRegistry.Get("tnllt").Load(root, new DatasetLoadOptions { ListFrames = false }).Sequences.Count.ShouldBe(2);
        // The check can be turned off: the folder is then read as the key says.
        DatasetRegistry.Get("lasot").Load(root, new DatasetLoadOptions { ListFrames = false, VerifyLayout = false }).Sequences.Count.ShouldBe(2);
    }

    [Fact]
    public void Tnl2k_and_lasot_toolkit_folders_are_told_apart_by_their_box_folder()
    {
        _t.Write("tnl2k/annos/gt_rect/Ship_1.txt", Boxes(10));
        _t.Write("tnl2k/annos/absent/Ship_1.txt", Flags(10, _ => false));
        _t.Write("tnl2k/TNL2K_testing_set.txt", "Ship_1\n");
        var e = Should.Throw<DatasetMismatchException>(() => DatasetRegistry.Get("lasot").Load(_t["tnl2k"], new DatasetLoadOptions { ListFrames = false }));
        e.LikelyKey.ShouldBe("tnl2k");
        e.Message.ShouldContain("gt_rect");

        string lasot = ToolkitFolder("lasot", oneMeansVisible: false, attributes: 14);
        Should.Throw<DatasetMismatchException>(() => DatasetRegistry.Get("tnl2k").Load(lasot, new DatasetLoadOptions { ListFrames = false }))
            .LikelyKey.ShouldBe("lasot");
    }

    [Fact]
    public void Dataset_layouts_are_told_apart_by_their_files()
    {
        // A flat LaSOT dataset layout given as TNLLT.
        _t.Write("lasot/cat-1/groundtruth.txt", Boxes(10));
        _t.Write("lasot/cat-1/full_occlusion.txt", "0,0,0,0,0,0,0,0,0,0");
        _t.Write("lasot/cat-1/out_of_view.txt", "0,0,0,0,0,0,0,0,0,0");
        _t.Write("lasot/cat-1/nlp.txt", "a cat");
        var e = Should.Throw<DatasetMismatchException>(() => DatasetRegistry.Get("tnllt").Load(_t["lasot"], new DatasetLoadOptions { ListFrames = false }));
        e.LikelyKey.ShouldBe("lasot");
        e.Message.ShouldContain("full_occlusion.txt");

        // A TNLLT dataset layout given as LaSOT.
        _t.Write("tnllt/JE_ship_01/groundtruth.txt", Boxes(10));
        _t.Write("tnllt/JE_ship_01/absent_label.txt", Flags(10, _ => true));
        _t.Write("tnllt/JE_ship_01/language.txt", "a ship");
        Should.Throw<DatasetMismatchException>(() => DatasetRegistry.Get("lasot").Load(_t["tnllt"], new DatasetLoadOptions { ListFrames = false }))
            .LikelyKey.ShouldBe("tnllt");
        DatasetRegistry.Get("tnllt").Load(_t["tnllt"], new DatasetLoadOptions { ListFrames = false }).Sequences.Count.ShouldBe(1);
    }

    [Fact]
    public void The_real_lasot_test_set_given_as_tnllt_fails_on_the_command_line()
    {
        string lasot = SharedData.Require("data/lasot");
        string results = _t.Write("res/airplane-1.txt", "1,2,3,4\n");
        var o = CliRunner.Run("eval", "-d", "tnllt", "-a", lasot, "-r", Path.GetDirectoryName(results)!, "--allow-missing").ShouldFailCleanly();
        o.Stderr.ShouldContain(lasot);
        o.Stderr.ShouldContain("dataset 'tnllt'");
        o.Stderr.ShouldContain("dataset 'lasot'");
        o.Stdout.ShouldNotContain("note:");
    }
}
