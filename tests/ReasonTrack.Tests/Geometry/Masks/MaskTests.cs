using ReasonTrack.Geometry;
using ReasonTrack.Geometry.Masks;

namespace ReasonTrack.Tests.Geometry.Masks;

public class MaskTests
{
    [Fact]
    public void Runs_are_raster_order_background_first()
    {
        // 4x2:  0 1 1 0
        //       1 0 0 0
        byte[] dense = [0, 1, 1, 0, 1, 0, 0, 0];
        var m = Mask.FromDense(dense, 4, 2);
        Assert.Equal([1, 2, 1, 1, 3], m.Runs.ToArray());
        Assert.Equal(3, m.Area);
        Assert.Equal(dense, m.ToDense());
        Assert.True(m[1, 0]);
        Assert.True(m[0, 1]);
        Assert.False(m[3, 0]);
        Assert.False(m[9, 9]);
    }

    [Fact]
    public void Mask_starting_with_foreground_has_zero_first_run()
    {
        var m = Mask.FromDense([1, 1, 0], 3, 1);
        Assert.Equal([0, 2, 1], m.Runs.ToArray());
        Assert.Equal(m, Mask.FromRuns(3, 1, [0, 1, 0, 1, 1]));  // zero-length runs are merged away
    }

    [Fact]
    public void FromRuns_rejects_a_wrong_sum() =>
        Assert.Throws<ArgumentException>(() => Mask.FromRuns(3, 1, [1, 1]));

    [Fact]
    public void Bounding_box_is_whole_pixels_like_coco_toBbox()
    {
        var single = Mask.FromDense([0, 0, 0, 0, 0, 0, 0, 0, 1], 3, 3);
        Assert.Equal(new Box(2, 2, 1, 1), single.BoundingBox);
        // A run wrapping from the end of row 0 to the start of row 1.
        var wrap = Mask.FromDense([0, 0, 1, 1, 0, 0], 3, 2);
        Assert.Equal(new Box(0, 0, 3, 2), wrap.BoundingBox);
        Assert.Equal(new Box(0, 0, 0, 0), Mask.Empty(5, 5).BoundingBox);
    }

    [Fact]
    public void Iou_by_hand_and_empty_pair_is_one()
    {
        var a = Mask.FromDense([1, 1, 0, 0], 4, 1);
        var b = Mask.FromDense([0, 1, 1, 0], 4, 1);
        Assert.Equal(1, a.IntersectionArea(b));
        Assert.Equal(1.0 / 3.0, a.IoU(b));
        Assert.Equal(1.0, Mask.Empty(4, 1).IoU(Mask.Empty(4, 1)));
        Assert.Equal(0.0, a.IoU(Mask.Empty(4, 1)));
    }

    [Fact]
    public void From_box_takes_pixels_whose_centres_are_inside()
    {
        // Box x in [0.5, 2.5): centres 0.5, 1.5 inside, 2.5 not. y in [1, 3): centres 1.5, 2.5.
        var m = Mask.FromBox(new Box(0.5, 1, 2, 2), 4, 4);
        byte[] expected =
        [
            0, 0, 0, 0,
            1, 1, 0, 0,
            1, 1, 0, 0,
            0, 0, 0, 0,
        ];
        Assert.Equal(expected, m.ToDense());
        Assert.True(Mask.FromBox(new Box(-10, -10, 100, 100), 4, 4).Equals(Mask.Full(4, 4)));
        Assert.True(Mask.FromBox(Box.NaN, 4, 4).IsEmpty);
        Assert.True(Mask.FromBox(new Box(1, 1, 0.2, 3), 4, 4).IsEmpty);
    }

    [Fact]
    public void Random_masks_agree_with_dense_arithmetic()
    {
        var rng = new Random(16);
        for (int trial = 0; trial < 200; trial++)
        {
            int w = rng.Next(1, 13), h = rng.Next(1, 9), n = w * h;
            byte[] da = RandomDense(rng, n), db = RandomDense(rng, n);
            Mask a = Mask.FromDense(da, w, h), b = Mask.FromDense(db, w, h);
            Assert.Equal(da.Select(v => v != 0 ? (byte)1 : (byte)0), a.ToDense());
            Assert.Equal(a, Mask.FromRuns(w, h, a.Runs));
            Assert.Equal(a, Mask.FromDense(da.Select(v => v != 0).ToArray(), w, h));
            long inter = 0, union = 0, area = 0;
            int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
            for (int i = 0; i < n; i++)
            {
                bool x = da[i] != 0, y = db[i] != 0;
                if (x && y) inter++;
                if (x || y) union++;
                if (x)
                {
                    area++;
                    minX = Math.Min(minX, i % w); maxX = Math.Max(maxX, i % w);
                    minY = Math.Min(minY, i / w); maxY = Math.Max(maxY, i / w);
                }
            }
            Assert.Equal(area, a.Area);
            Assert.Equal(inter, a.IntersectionArea(b));
            Assert.Equal(union == 0 ? 1.0 : (double)inter / union, a.IoU(b));
            Assert.Equal(area == 0 ? new Box(0, 0, 0, 0) : new Box(minX, minY, maxX - minX + 1, maxY - minY + 1), a.BoundingBox);
            Assert.Equal(Enumerable.Range(0, n).Select(i => (byte)(da[i] != 0 || db[i] != 0 ? 1 : 0)), a.Union(b).ToDense());
            Assert.Equal(Enumerable.Range(0, n).Select(i => (byte)(da[i] != 0 && db[i] != 0 ? 1 : 0)), a.Intersect(b).ToDense());
            Assert.Equal(Enumerable.Range(0, n).Select(i => (byte)(da[i] != 0 && db[i] == 0 ? 1 : 0)), a.Subtract(b).ToDense());
            Assert.Equal(Enumerable.Range(0, n).Select(i => (byte)(da[i] == 0 ? 1 : 0)), a.Invert().ToDense());
        }
    }

    [Fact]
    public void Label_map_splits_and_paints_objects()
    {
        byte[] labels = [0, 1, 1, 2, 255, 2];
        var map = new LabelMap(3, 2, labels);
        Assert.Equal([1, 2, 255], map.PresentLabels());
        Assert.Equal([0, 1, 1, 0, 0, 0], map.MaskOf(1).ToDense());
        Assert.Equal([0, 0, 0, 1, 0, 1], map.MaskOf(2).ToDense());
        var rebuilt = LabelMap.FromMasks(3, 2, [(1, map.MaskOf(1)), (2, map.MaskOf(2)), (255, map.MaskOf(255))]);
        Assert.Equal(labels, rebuilt.Labels.ToArray());
    }

    private static byte[] RandomDense(Random rng, int n)
    {
        var d = new byte[n];
        double p = rng.NextDouble();
        for (int i = 0; i < n; i++) d[i] = rng.NextDouble() < p ? (byte)rng.Next(1, 256) : (byte)0;
        return d;
    }
}
