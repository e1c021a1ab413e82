using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Tests.Media;

public class ImageOpsTests
{
    private static byte[] Noise(int n, int seed)
    {
        var b = new byte[n];
        new Random(seed).NextBytes(b);
        return b;
    }

    /// <summary>
    /// Straightforward bilinear sampling in doubles, written from the definition: sample centre
    /// <c>x + (j + 0.5) w / outW - 0.5</c>; a neighbour outside the image is the pad value (crop) or the nearest edge
    /// pixel (resize).
    /// </summary>
    private static byte[] NaiveSample(byte[] src, int sw, int sh, int ch, double x, double y, double w, double h, int ow, int oh, byte[]? pad)
    {
        var dst = new byte[ow * oh * ch];
        for (int i = 0; i < oh; i++)
        for (int j = 0; j < ow; j++)
        {
            double fx = x + (j + 0.5) * w / ow - 0.5, fy = y + (i + 0.5) * h / oh - 0.5;
            int x0 = (int)Math.Floor(fx), y0 = (int)Math.Floor(fy);
            double tx = fx - x0, ty = fy - y0;
            for (int c = 0; c < ch; c++)
            {
                double Get(int xx, int yy)
                {
                    if (pad is null) { xx = Math.Clamp(xx, 0, sw - 1); yy = Math.Clamp(yy, 0, sh - 1); }
                    else if (xx < 0 || yy < 0 || xx >= sw || yy >= sh) return pad[c];
                    return src[(yy * sw + xx) * ch + c];
                }
                double v = (1 - ty) * ((1 - tx) * Get(x0, y0) + tx * Get(x0 + 1, y0)) + ty * ((1 - tx) * Get(x0, y0 + 1) + tx * Get(x0 + 1, y0 + 1));
                dst[(i * ow + j) * ch + c] = (byte)Math.Round(v);
            }
        }
        return dst;
    }

    private static void ShouldBeClose(byte[] actual, byte[] expected, int tolerance = 1)
    {
        actual.Length.ShouldBe(expected.Length);
        for (int i = 0; i < actual.Length; i++)
            if (Math.Abs(actual[i] - expected[i]) > tolerance) throw new ShouldAssertException($"byte {i}: {actual[i]} vs reference {expected[i]}");
    }

    [Theory]
    [InlineData(1, 40, 30, 17, 11)]
    [InlineData(3, 40, 30, 17, 11)]
    [InlineData(3, 13, 9, 50, 31)]
    [InlineData(1, 7, 5, 7, 5)]
    public void Resize_matches_a_naive_bilinear_reference(int ch, int sw, int sh, int ow, int oh)
    {
        byte[] src = Noise(sw * sh * ch, sw + ow);
        var dst = new byte[ow * oh * ch];
        ImageOps.Resize(src, sw, sh, ch, dst, ow, oh);
        ShouldBeClose(dst, NaiveSample(src, sw, sh, ch, 0, 0, sw, sh, ow, oh, null));
        if (sw == ow && sh == oh) dst.ShouldBe(src); // identity
    }

    [Theory]
    [InlineData(3, 10.3, 5.7, 20.2, 20.2, 25)]      // inside
    [InlineData(3, -15.5, -8.25, 40, 40, 32)]       // top-left outside
    [InlineData(1, 30, 20, 30, 30, 16)]             // bottom-right outside
    [InlineData(3, -100, -100, 30, 30, 8)]          // wholly outside
    [InlineData(1, -20, -20, 90, 70, 255)]          // contains the image, upsampled
    public void Crop_resize_matches_a_naive_reference_with_padding(int ch, double x, double y, double w, double h, int size)
    {
        const int sw = 48, sh = 36;
        byte[] src = Noise(sw * sh * ch, size);
        byte[] pad = ch == 1 ? [77] : [10, 200, 99];
        var dst = new byte[size * size * ch];
        ImageOps.CropResize(src, sw, sh, ch, x, y, w, h, dst, size, size, pad);
        ShouldBeClose(dst, NaiveSample(src, sw, sh, ch, x, y, w, h, size, size, pad));
    }

    [Fact]
    public void Crop_outside_the_image_pads_with_zero_or_the_mean_colour()
    {
        var f = new ImageFrame(4, 2, PixelFormat.Rgb24);
        for (int i = 0; i < 8; i++) { f.Data[3 * i] = (byte)(10 * i); f.Data[3 * i + 1] = 100; f.Data[3 * i + 2] = (byte)(i % 2 * 50); }
        // Means: R = 10 * 3.5 = 35, G = 100, B = 25.
        ImageOps.MeanColor(f).ShouldBe(new Rgb(35, 100, 25));

        using var zero = ImageOps.Crop(f, -1, 1, 3, 2, PadMode.Zero);
        zero.Pixels.ToArray().ShouldBe(new byte[] { 0, 0, 0, 40, 100, 0, 50, 100, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
        using var mean = ImageOps.Crop(f, 3, -1, 2, 2, PadMode.Mean);
        mean.Pixels.ToArray().ShouldBe(new byte[] { 35, 100, 25, 35, 100, 25, 30, 100, 50, 35, 100, 25 });
    }

    [Theory]
    [InlineData(1, 1280, 720)]
    [InlineData(3, 1280, 720)]
    [InlineData(3, 5, 3)]
    [InlineData(1, 7, 1)]
    public void Mean_colour_equals_a_plain_sum(int ch, int w, int h)
    {
        // Many frames' worth of 255s would overflow narrow vector lanes if the flushing were wrong.
        byte[] px = Noise(w * h * ch, w);
        for (int i = 0; i < px.Length / 3; i++) px[i] = 255;
        var expected = new byte[ch];
        for (int c = 0; c < ch; c++)
        {
            long s = 0;
            for (int i = c; i < px.Length; i += ch) s += px[i];
            long n = px.Length / ch;
            expected[c] = (byte)((s + n / 2) / n);
        }
        var m = new byte[ch];
        ImageOps.MeanColor(px, ch, m);
        m.ShouldBe(expected);
    }

    [Fact]
    public void Colour_conversions()
    {
        byte[] rgb = [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30];
        var gray = new byte[4];
        ImageOps.RgbToGray(rgb, gray);
        // BT.601 weights 0.299 / 0.587 / 0.114, to within the 8-bit fixed-point rounding.
        for (int i = 0; i < 4; i++)
            ((double)gray[i]).ShouldBe(0.299 * rgb[3 * i] + 0.587 * rgb[3 * i + 1] + 0.114 * rgb[3 * i + 2], 1.0);
        var back = new byte[12];
        ImageOps.GrayToRgb(gray, back);
        back[..3].ShouldBe(new byte[] { gray[0], gray[0], gray[0] });
        var bgr = (byte[])rgb.Clone();
        ImageOps.RgbToBgr(bgr, bgr);
        bgr[..3].ShouldBe(new byte[] { 0, 0, 255 });
        bgr[9..].ShouldBe(new byte[] { 30, 20, 10 });
    }

    [Fact]
    public void Crop_resize_into_a_given_frame_allocates_nothing()
    {
        var src = new ImageFrame(360, 240, PixelFormat.Rgb24);
        var dst = new ImageFrame(255, 255, PixelFormat.Rgb24);
        var region = new Box(-40, 10, 300, 300);
        ImageOps.CropResize(src, region, dst, PadMode.Mean); // warm up (JIT, thread statics)
        AllocationProbe.SteadyStateBytes(() => ImageOps.CropResize(src, region, dst, PadMode.Mean)).ShouldBe(0);
    }
}
