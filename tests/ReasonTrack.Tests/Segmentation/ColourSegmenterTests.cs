using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Segmentation;

namespace ReasonTrack.Tests.Segmentation;

/// <summary>
/// Issue 16 item 2, the weights-free baselines: <see cref="BoxSegmenter"/> (the box's pixels by the pixel-centre rule)
/// and <see cref="ColourSegmenter"/>. The frames are drawn here from a shape rule, and the expected masks come from
/// that same rule, not from the segmenter.
/// </summary>
public sealed class ColourSegmenterTests
{
    private const int W = 120, H = 90;

    /// <summary>Pixel centres inside the ellipse centred (cx, cy) with radii (rx, ry).</summary>
    private static bool InEllipse(int x, int y, double cx, double cy, double rx, double ry) =>
        Math.Pow((x + 0.5 - cx) / rx, 2) + Math.Pow((y + 0.5 - cy) / ry, 2) <= 1;

    /// <summary>A checkerboard of two greens and blues (4 px squares), with <paramref name="paint"/> deciding the orange pixels.</summary>
    private static (ImageFrame Frame, byte[] Truth) Scene(Func<int, int, bool> paint, PixelFormat format = PixelFormat.Rgb24)
    {
        var rgb = new ImageFrame(W, H, PixelFormat.Rgb24);
        var truth = new byte[W * H];
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
            {
                bool target = paint(x, y);
                truth[y * W + x] = target ? (byte)1 : (byte)0;
                var c = target ? new Rgb(230, 120, 30) : ((x / 4 + y / 4) & 1) == 0 ? new Rgb(40, 140, 60) : new Rgb(30, 60, 150);
                rgb.Row(y)[x * 3] = c.R;
                rgb.Row(y)[x * 3 + 1] = c.G;
                rgb.Row(y)[x * 3 + 2] = c.B;
            }
        return (format == PixelFormat.Rgb24 ? rgb : ImageOps.Convert(rgb, format), truth);
    }

    private static byte[] Segment(ISegmenter s, ImageFrame f, Box box)
    {
        var m = new byte[f.Width * f.Height];
        m.AsSpan().Fill(7); // every byte must be written
        s.Segment(f, box, m);
        return m;
    }

    [Fact]
    public void The_box_segmenter_takes_the_pixels_whose_centres_lie_in_the_box()
    {
        var (frame, _) = Scene((_, _) => false);
        var m = Segment(new BoxSegmenter(), frame, new Box(10.4, 20.6, 5.2, 2));
        // Columns: centres x + 0.5 in [10.4, 15.6) -> 10..15; rows: y + 0.5 in [20.6, 22.6) -> 21, 22 (20.5 < 20.6).
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
                m[y * W + x].ShouldBe((byte)(x >= 10 && x <= 15 && y >= 21 && y <= 22 ? 1 : 0), $"pixel ({x}, {y})");
        Segment(new BoxSegmenter(), frame, Box.NaN).ShouldAllBe(v => v == 0);
        Segment(new BoxSegmenter(), frame, new Box(-50, -50, 51, 51)).Count(v => v == 1).ShouldBe(1); // only (0, 0) remains
    }

    [Theory]
    [InlineData(PixelFormat.Rgb24)]
    [InlineData(PixelFormat.Gray8)]
    public void An_ellipse_in_its_bounding_box_is_recovered_exactly(PixelFormat format)
    {
        var (frame, truth) = Scene((x, y) => InEllipse(x, y, 60, 45, 25, 15), format);
        var m = Segment(new ColourSegmenter(), frame, new Box(35, 30, 50, 30));
        m.ShouldBe(truth);
    }

    [Fact]
    public void A_background_coloured_hole_is_filled_and_a_detached_blob_in_a_corner_is_dropped()
    {
        var (frame, _) = Scene((x, y) =>
            (InEllipse(x, y, 60, 45, 25, 15) && !(x >= 58 && x < 62 && y >= 43 && y < 47)) || (x >= 36 && x < 39 && y >= 31 && y < 34));
        var m = Segment(new ColourSegmenter(), frame, new Box(35, 30, 50, 30));
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
                m[y * W + x].ShouldBe((byte)(InEllipse(x, y, 60, 45, 25, 15) ? 1 : 0), $"pixel ({x}, {y})");
        // Without the clean-up the blob stays and the hole stays open.
        var raw = Segment(new ColourSegmenter(new ColourSegmenterOptions { LargestComponent = false, FillHoles = false }), frame, new Box(35, 30, 50, 30));
        raw[32 * W + 37].ShouldBe((byte)1);
        raw[45 * W + 60].ShouldBe((byte)0);
    }

    [Fact]
    public void A_box_the_colours_cannot_tell_from_its_ring_falls_back_to_the_box()
    {
        var (frame, _) = Scene((_, _) => false);
        var box = new Box(40, 30, 20, 20);
        Segment(new ColourSegmenter(), frame, box).ShouldBe(Segment(new BoxSegmenter(), frame, box));
        // A box covering the whole frame has no ring at all.
        Segment(new ColourSegmenter(), frame, new Box(0, 0, W, H)).ShouldAllBe(v => v == 1);
    }

    [Fact]
    public void Bad_settings_name_the_option()
    {
        Should.Throw<InvalidSettingException>(() => new ColourSegmenter(new ColourSegmenterOptions { BinsPerChannel = 12 })).Setting.ShouldBe("BinsPerChannel");
        Should.Throw<InvalidSettingException>(() => new ColourSegmenter(new ColourSegmenterOptions { Threshold = 1 })).Message.ShouldContain("ColourSegmenterOptions.Threshold");
        var (frame, _) = Scene((_, _) => false);
        Should.Throw<ArgumentException>(() => new ColourSegmenter().Segment(frame, new Box(1, 1, 5, 5), new byte[10]));
    }

    [Fact]
    public void Segmenting_allocates_nothing_after_the_first_frame()
    {
        var (frame, _) = Scene((x, y) => InEllipse(x, y, 60, 45, 25, 15));
        var s = new ColourSegmenter(new ColourSegmenterOptions { ModelUpdateRate = 0.3 });
        var m = new byte[W * H];
        s.Segment(frame, new Box(35, 30, 50, 30), m);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++) s.Segment(frame, new Box(34 + i, 30, 50, 30), m);
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Theory]
    [InlineData("box", SegmenterKind.Box)]
    [InlineData(" Colour ", SegmenterKind.Colour)]
    [InlineData("color", SegmenterKind.Colour)]
    [InlineData("none", SegmenterKind.None)]
    public void The_text_form_names_the_kind(string text, SegmenterKind kind)
    {
        var o = SegmenterOptions.Parse(text);
        o.Kind.ShouldBe(kind);
        SegmenterOptions.Parse(o.ToString()).ShouldBe(o);
    }

    [Fact]
    public void The_onnx_text_form_holds_two_files_and_other_text_is_refused()
    {
        var o = SegmenterOptions.Parse("onnx:enc.onnx, dec.onnx", "/models");
        (o.Kind, o.Onnx!.EncoderPath, o.Onnx.DecoderPath).ShouldBe((SegmenterKind.Onnx, "/models/enc.onnx", "/models/dec.onnx"));
        o.ToString().ShouldBe("onnx:/models/enc.onnx,/models/dec.onnx");
        Should.Throw<InvalidSettingException>(() => SegmenterOptions.Parse("onnx:one.onnx")).Message.ShouldContain("two files");
        Should.Throw<InvalidSettingException>(() => SegmenterOptions.Parse("sam")).Message.ShouldContain("none, box, colour");
        Should.Throw<ReasonTrackException>(() => SegmenterOptions.Parse("onnx:/nonexistent/e.onnx,/nonexistent/d.onnx").Create()).Message.ShouldContain("/nonexistent/e.onnx");
    }
}
