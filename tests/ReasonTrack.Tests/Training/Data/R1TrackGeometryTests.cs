using FsCheck;
using FsCheck.Fluent;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Crops;
using ReasonTrack.Training.Data;

namespace ReasonTrack.Tests.Training.Data;

/// <summary>
/// The R1-Track training crops put the target where the written box says: mapping the written (truncated) crop box
/// back to the frame gives the source box within one crop pixel (the truncation), for random boxes, image sizes,
/// factors, shifts and output sizes; and the pixels agree with the box.
/// </summary>
public class R1TrackGeometryTests
{
    private static readonly int[] OutSizes = [112, 224, 336, 448];

    private const int MaxTests = 300;

    /// <summary>A drawn crop: image size, box, factor, shift fractions, output size.</summary>
    public sealed record Case(ImageSize Image, Box Box, double Factor, double ShiftX, double ShiftY, int Out);

    private static Gen<Case> CaseGen(int maxImage, bool insideImage) =>
        from iw in Gen.Choose(32, maxImage)
        from ih in Gen.Choose(32, maxImage)
        from w in Gen.Choose(4, Math.Max(4, iw / 3))
        from h in Gen.Choose(4, Math.Max(4, ih / 3))
        from x in insideImage ? Gen.Choose(0, iw - w) : Gen.Choose(-w + 1, iw - 1)
        from y in insideImage ? Gen.Choose(0, ih - h) : Gen.Choose(-h + 1, ih - 1)
        from frac in Gen.Choose(0, 3)
        from f in Gen.Choose(2000, 7999)
        from sx in Gen.Choose(-2000, 2000)
        from sy in Gen.Choose(-2000, 2000)
        from o in Gen.Elements(OutSizes)
        select new Case(new ImageSize(iw, ih), new Box(x + frac / 4.0, y + frac / 3.0, w + frac / 5.0, h), f / 1000.0, sx / 10000.0, sy / 10000.0, o);

    private static CropMapping WindowOf(Case c)
    {
        int side = SampleTarget.Side(c.Box, c.Factor);
        return R1TrackSampler.Window(c.Box, c.Factor, c.ShiftX * side, c.ShiftY * side, c.Out);
    }

    [Fact]
    public void Written_box_maps_back_to_the_source_box_within_one_crop_pixel() =>
        Prop.ForAll(CaseGen(4000, insideImage: false).ToArbitrary(), c =>
        {
            var map = WindowOf(c);
            var written = R1TrackSampler.TruncatedBox(map.ToCrop(c.Box));
            var back = map.ToImage(written);
            double f = map.ResizeFactor;
            // In crop pixels: truncation moves each corner by less than 1 (toward zero).
            (Math.Abs(back.X - c.Box.X) * f).ShouldBeLessThanOrEqualTo(1 + 1e-9, c.ToString());
            (Math.Abs(back.Y - c.Box.Y) * f).ShouldBeLessThanOrEqualTo(1 + 1e-9, c.ToString());
            (Math.Abs(back.Right - c.Box.Right) * f).ShouldBeLessThanOrEqualTo(1 + 1e-9, c.ToString());
            (Math.Abs(back.Bottom - c.Box.Bottom) * f).ShouldBeLessThanOrEqualTo(1 + 1e-9, c.ToString());
            // In frame pixels that is at most 1 px when the crop is enlarged, side/out px when it is reduced.
            double tolerance = Math.Max(1, 1 / f) + 1e-9;
            Math.Abs(back.X - c.Box.X).ShouldBeLessThanOrEqualTo(tolerance);
            Math.Abs(back.Bottom - c.Box.Bottom).ShouldBeLessThanOrEqualTo(tolerance);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(MaxTests));

    [Fact]
    public void Shifted_window_is_centred_on_the_box_centre_plus_the_shift_and_sized_by_the_factor() =>
        Prop.ForAll(CaseGen(4000, insideImage: false).ToArbitrary(), c =>
        {
            var map = WindowOf(c);
            map.Side.ShouldBe((int)Math.Ceiling(Math.Sqrt(c.Box.W * c.Box.H) * c.Factor));
            var (cx, cy) = c.Box.Center;
            // The corner is rounded once, so the centre is off by at most half a pixel.
            (map.X1 + map.Side / 2.0 - (cx + c.ShiftX * map.Side)).ShouldBeInRange(-0.5 - 1e-9, 0.5 + 1e-9);
            (map.Y1 + map.Side / 2.0 - (cy + c.ShiftY * map.Side)).ShouldBeInRange(-0.5 - 1e-9, 0.5 + 1e-9);
            // A zero shift is the released (unshifted) sample_target window.
            R1TrackSampler.Window(c.Box, c.Factor, 0, 0, c.Out).ShouldBe(SampleTarget.Window(c.Box, c.Factor, c.Out));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(MaxTests));

    [Fact]
    public void Crop_pixels_show_the_target_where_the_written_box_says()
    {
        int compared = 0;
        Prop.ForAll(CaseGen(200, insideImage: true).ToArbitrary(), c =>
        {
            var box = new Box(Math.Floor(c.Box.X), Math.Floor(c.Box.Y), Math.Floor(c.Box.W), Math.Floor(c.Box.H));
            // Black like the zero padding, so the white edge crosses half intensity at the true edge whether the
            // neighbouring pixel is padding or image (a grey image would move the crossing by up to half a source
            // pixel, i.e. several crop pixels when the crop is enlarged 5x).
            using var frame = SyntheticVideos.Paint(c.Image, box, background: 0);
            int side = SampleTarget.Side(box, c.Factor);
            var crop = SampleTarget.Crop(frame, box, R1TrackSampler.Window(box, c.Factor, c.ShiftX * side, c.ShiftY * side, c.Out));
            using var image = crop.Image;
            var written = R1TrackSampler.TruncatedBox(crop.TargetInCrop);
            var white = WhiteExtent(image);
            // Where the whole target is inside the crop (not cut by the shift, not touching the padded last column
            // and row), the white pixels span the written box up to the truncation (< 1 px) and the first or last
            // output pixel past the half-intensity crossing (< 1 px).
            bool wholeInside = written.X1 >= 1 && written.Y1 >= 1 && written.X2 <= c.Out - 2 && written.Y2 <= c.Out - 2
                               && box.Right < c.Image.Width - 1 && box.Bottom < c.Image.Height - 1;
            if (!wholeInside) return;
            Interlocked.Increment(ref compared);
            white.ShouldNotBeNull(c.ToString());
            var (x0, y0, x1, y1) = white.Value;
            ((double)x0).ShouldBe(written.X1, 2.0, c.ToString());
            ((double)y0).ShouldBe(written.Y1, 2.0, c.ToString());
            ((double)x1).ShouldBe(written.X2, 2.0, c.ToString());
            ((double)y1).ShouldBe(written.Y2, 2.0, c.ToString());
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(MaxTests));
        // Most generated cases must reach the comparison, or the property proves little.
        compared.ShouldBeGreaterThan(MaxTests / 2);
    }

    /// <summary>Columns and rows holding bright pixels: [x0, x1) x [y0, y1), or null.</summary>
    private static (int X0, int Y0, int X1, int Y1)? WhiteExtent(ImageFrame img)
    {
        int x0 = int.MaxValue, y0 = int.MaxValue, x1 = -1, y1 = -1;
        for (int y = 0; y < img.Height; y++)
        {
            var row = img.Row(y);
            for (int x = 0; x < img.Width; x++)
                if (row[x * 3] > 127) // half intensity
                {
                    x0 = Math.Min(x0, x); x1 = Math.Max(x1, x + 1);
                    y0 = Math.Min(y0, y); y1 = Math.Max(y1, y + 1);
                }
        }
        return x1 < 0 ? null : (x0, y0, x1, y1);
    }
}
