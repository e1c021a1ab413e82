using ReasonTrack.Datasets;
using ReasonTrack.Datasets.Referring;
using ReasonTrack.IO;

namespace ReasonTrack.Tests.Datasets.Referring;

/// <summary>
/// MeViS on tiny fixtures in its public layout (henghuiding/MeViS README): <c>meta_expressions.json</c> with
/// <c>obj_id</c>/<c>anno_id</c> lists and <c>mask_dict.json</c> with COCO RLEs. The RLEs are hand-made column-major
/// runs of a 4-wide, 3-high image: <c>[3, 3, 6]</c> is column x = 1, <c>[9, 3]</c> column x = 3.
/// </summary>
public class MevisLoaderTests
{
    private const string Meta = """
        {"videos": {"vid1": {"expressions": {
            "0": {"exp": "the two birds flying away", "obj_id": [0, 1], "anno_id": [10, 11]},
            "1": {"exp": "the bird that stays", "obj_id": [1], "anno_id": [11]}},
          "frames": ["00000", "00001"]}}}
        """;

    private const string Masks = """
        {"10": [{"size": [3, 4], "counts": [3, 3, 6]}, null],
         "11": [{"size": [3, 4], "counts": [9, 3]}, {"size": [3, 4], "counts": [9, 3]}]}
        """;

    private static TempTree Fixture(string meta = Meta, string? masks = Masks)
    {
        var t = new TempTree();
        t.Write("valid_u/meta_expressions.json", meta);
        if (masks is not null) t.Write("valid_u/mask_dict.json", masks);
        t.Frames("valid_u/JPEGImages/vid1", "00000.jpg", "00001.jpg");
        return t;
    }

    [Fact]
    public void An_expression_may_name_several_objects_and_its_target_is_the_union_of_their_masks()
    {
        using var t = Fixture();
        var ds = new MevisLoader().LoadReferring(t.Root);
        (ds.Key, ds.Split, ds.Protocol).ShouldBe(("mevis", "valid_u", "per-expression"));
        var v = ds.Videos.Single();
        var two = v.Expressions[0];
        two.Text.ShouldBe("the two birds flying away");
        two.ObjectIds.ShouldBe([0, 1]);
        two.AnnotationIds.ShouldBe(["10", "11"]);
        var gt = v.GroundTruth.ShouldNotBeNull();
        var union = gt.MaskOf(two, 0).ShouldNotBeNull();
        (union.Width, union.Height, union.Area).ShouldBe((4, 3, 6L));
        union.BoundingBox.ShouldBe(new ReasonTrack.Geometry.Box(1, 0, 3, 3));
        // Frame 1: annotation 10 is null there (absent), 11 is column 3.
        gt.MaskOf(two, 1).ShouldNotBeNull().BoundingBox.ShouldBe(new ReasonTrack.Geometry.Box(3, 0, 1, 3));
        gt.MaskOf(v.Expressions[1], 0).ShouldNotBeNull().Area.ShouldBe(3);
    }

    [Fact]
    public void The_valid_split_has_no_masks_and_the_root_may_be_the_split_folder()
    {
        using var t = Fixture(masks: null);
        var ds = new MevisLoader().LoadReferring(t["valid_u"]);
        ds.Videos.Single().GroundTruth.ShouldBeNull();
        ds.Notes.ShouldContain(n => n.Contains("no public masks"));
    }

    [Fact]
    public void Bad_mask_dictionaries_are_named()
    {
        using var t = Fixture(masks: """{"10": [null, null]}""");
        var v = new MevisLoader().LoadReferring(t.Root).Videos.Single();
        var e = Should.Throw<DataFormatException>(() => v.GroundTruth!.MaskOf(v.Expressions[0], 0));
        e.FilePath.ShouldEndWith("mask_dict.json");
        e.Reason.ShouldContain("annotation id 11");
        using var t2 = Fixture(masks: """{"10": [{"size": [3, 4], "counts": [3, 3]}, null], "11": [null, null]}""");
        var v2 = new MevisLoader().LoadReferring(t2.Root).Videos.Single();
        Should.Throw<DataFormatException>(() => v2.GroundTruth!.MaskOf(v2.Expressions[0], 0)).Reason.ShouldContain("annotation 10 frame 0");
    }

    [Fact]
    public void Expressions_without_annotation_ids_are_refused_where_masks_exist()
    {
        using var t = Fixture("""{"videos": {"vid1": {"expressions": {"0": {"exp": "a bird", "obj_id": [0]}}, "frames": ["00000"]}}}""");
        var e = Should.Throw<DataFormatException>(() => new MevisLoader().LoadReferring(t.Root));
        e.Reason.ShouldContain("video vid1 expression 0: no \"anno_id\"");
        DatasetRegistry.Get("mevis").ShouldBeOfType<MevisLoader>();
    }
}
