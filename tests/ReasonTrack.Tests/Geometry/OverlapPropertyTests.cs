using FsCheck;
using FsCheck.Fluent;
using ReasonTrack.Geometry;

namespace ReasonTrack.Tests.Geometry;

/// <summary>Invariants of the overlap measures over random boxes (FsCheck).</summary>
public class OverlapPropertyTests
{
    // Boxes on a quarter-pixel grid so that exact equalities (touching edges, identical boxes) occur often.
    private static readonly Gen<Box> BoxGen =
        from x in Gen.Choose(-400, 2400)
        from y in Gen.Choose(-400, 2400)
        from w in Gen.Choose(1, 1200)
        from h in Gen.Choose(1, 1200)
        select new Box(x / 4.0, y / 4.0, w / 4.0, h / 4.0);

    private static readonly Arbitrary<Box> Boxes = BoxGen.ToArbitrary();

    private static void Check(Property p) => p.QuickCheckThrowOnFailure();

    [Fact]
    public void Iou_is_symmetric_and_within_0_1() =>
        Check(Prop.ForAll(Boxes, Boxes, (a, b) =>
        {
            double ab = Overlap.Iou(a, b), ba = Overlap.Iou(b, a);
            return ab == ba && ab >= 0 && ab <= 1;
        }));

    [Fact]
    public void Plus_one_pixel_form_equals_continuous_iou_for_xywh_boxes() =>
        Check(Prop.ForAll(Boxes, Boxes, (a, b) => Math.Abs(Overlap.IouPlusOnePixel(a, b) - Overlap.Iou(a, b)) < 1e-12));

    [Fact]
    public void A_box_overlaps_itself_fully() =>
        Check(Prop.ForAll(Boxes, a => Overlap.Iou(a, a) == 1 && Math.Abs(Overlap.IouPlusOnePixel(a, a) - 1) < 1e-15 && Math.Abs(Overlap.Giou(a, a) - 1) < 1e-12));

    [Fact]
    public void Giou_is_within_minus1_1_symmetric_and_at_most_iou() =>
        Check(Prop.ForAll(Boxes, Boxes, (a, b) =>
        {
            double g = Overlap.Giou(a, b);
            return g >= -1 - 1e-12 && g <= 1 + 1e-12 && Math.Abs(g - Overlap.Giou(b, a)) < 1e-12 && g <= Overlap.Iou(a, b) + 1e-12;
        }));

    [Fact]
    public void Center_errors_are_symmetric_and_zero_on_self() =>
        Check(Prop.ForAll(Boxes, Boxes, (a, b) =>
            Overlap.CenterError(a, b) == Overlap.CenterError(b, a) && Overlap.CenterError(a, a) == 0 && Overlap.NormalizedCenterError(a, a) == 0));

    [Fact]
    public void Clipping_keeps_boxes_inside_the_image_and_never_grows_them() =>
        Check(Prop.ForAll(Boxes, a =>
        {
            var size = new ImageSize(640, 480);
            var c = Overlap.Clip(a, size);
            return c.X >= 0 && c.Y >= 0 && c.Right <= 640 && c.Bottom <= 480 && c.W <= a.W && c.H <= a.H && c.W >= 0 && c.H >= 0;
        }));

    [Fact]
    public void Xyxy_and_centre_forms_round_trip() =>
        Check(Prop.ForAll(Boxes, a =>
        {
            var back = a.ToXyxy().ToXywh();
            var c = a.ToCenter().ToXywh();
            return Math.Abs(back.X - a.X) < 1e-9 && Math.Abs(back.W - a.W) < 1e-9 && Math.Abs(c.Y - a.Y) < 1e-9 && Math.Abs(c.H - a.H) < 1e-9;
        }));

    [Fact]
    public void Known_values()
    {
        // Two 10x10 boxes offset by 5 px in x: intersection 50, union 150.
        Overlap.Iou(new Box(0, 0, 10, 10), new Box(5, 0, 10, 10)).ShouldBe(1.0 / 3, 1e-15);
        // Disjoint boxes: IoU 0; GIoU = -(C - U)/C with C = 30x10 = 300, U = 200.
        Overlap.Giou(new Box(0, 0, 10, 10), new Box(20, 0, 10, 10)).ShouldBe(-1.0 / 3, 1e-15);
        // Centre errors: continuous centres (5,5) and (8,9) are 5 apart; normalized by the second box's 10x10.
        Overlap.CenterError(new Box(0, 0, 10, 10), new Box(3, 4, 10, 10)).ShouldBe(5);
        Overlap.NormalizedCenterError(new Box(3, 4, 10, 10), new Box(0, 0, 10, 10)).ShouldBe(0.5, 1e-15);
        // got10k-toolkit clips both boxes to the image before the IoU: x to [0, W], then w to [0, W - x].
        // A box hanging 10 px off the right edge is cut to the image...
        Overlap.IouGot10k(new Box(90, 0, 20, 10), new Box(90, 0, 10, 10), new ImageSize(100, 100)).ShouldBe(1, 1e-12);
        Overlap.IouGot10k(new Box(90, 0, 20, 10), new Box(90, 0, 10, 10), null).ShouldBe(0.5, 1e-12);
        // ...but one hanging off the left edge is moved, not cut (its width is only limited to W - x): the toolkit's quirk.
        Overlap.IouGot10k(new Box(-10, 0, 20, 10), new Box(0, 0, 10, 10), new ImageSize(100, 100)).ShouldBe(0.5, 1e-12);
    }

    [Fact]
    public void Matlab_form_ignores_a_nan_operand_in_min_and_max_as_matlab_does()
    {
        // x = NaN: Matlab's min/max skip the NaN, so the intersection is taken from the other box alone, and the
        // areas are finite: a finite (here > 1) overlap, which is what the LaSOT toolkit computes for such a row.
        double v = Overlap.IouPlusOnePixel(new Box(double.NaN, 0, 20, 10), new Box(0, 0, 10, 10));
        v.ShouldBe(100.0 / (200 + 100 - 100), 1e-15);
        double.IsNaN(Overlap.Iou(new Box(double.NaN, 0, 20, 10), new Box(0, 0, 10, 10))).ShouldBeTrue();
    }

    [Fact]
    public void Polygons_convert_as_vot_and_pysot_do()
    {
        // A square rotated 45 degrees around (50, 50) with half-diagonal 10.
        var p = new Polygon([50, 40, 60, 50, 50, 60, 40, 50]);
        p.ToBoundingBox().ShouldBe(new Box(40, 40, 20, 20));
        p.Area.ShouldBe(200, 1e-12);
        // pysot: A1 = side * side = 200, A2 = 400, s = sqrt(0.5); w = s*20 + 1; box placed at cx - (w-1)/2.
        var ap = p.ToAreaPreservingBox();
        double w = Math.Sqrt(0.5) * 20 + 1;
        ap.W.ShouldBe(w, 1e-12);
        ap.X.ShouldBe(50 - (w - 1) / 2, 1e-12);
    }
}
