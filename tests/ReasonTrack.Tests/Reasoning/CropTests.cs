using System.Globalization;
using System.Text.Json;
using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Crops;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Tests.Media;

namespace ReasonTrack.Tests.Reasoning;

public class CropTests
{
    private static (ImageFrame Img1, ImageFrame Img2, Box Box1, Box Box2) SamplePair()
    {
        string dir = SharedData.Require("data/reasoningtrack-sample");
        FfmpegTool.Require();
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "data.json")));
        static Box Parse(string s)
        {
            var v = s.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            return new Box(v[0], v[1], v[2], v[3]);
        }
        return (Load(Path.Combine(dir, "img1.jpg")), Load(Path.Combine(dir, "img2.jpg")),
            Parse(doc.RootElement.GetProperty("img1_groundtruth").GetString()!), Parse(doc.RootElement.GetProperty("img2_groundtruth").GetString()!));
    }

    private static ImageFrame Load(string path)
    {
        using var src = FrameSources.Open(path);
        var f = src.ReadFrames(TestContext.Current.CancellationToken).First();
        var copy = new ImageFrame(f.Width, f.Height, f.Format);
        f.Pixels.CopyTo(copy.Pixels);
        f.Dispose();
        return copy;
    }

    [Theory]
    // Python: round(10 + 2.5 - 5.0) = round(7.5) = 8; round(10 + 3.5 - 7.0) = round(6.5) = 6 (halves to even).
    [InlineData(10, 10, 5, 5, 2, 10, 8)]
    [InlineData(10, 10, 7, 7, 2, 14, 6)]
    // Values from Python's math.ceil/round: ceil(sqrt(243*232) * 4) = ceil(949.745) = 950; round(297.5 - 475.0) = -178.
    [InlineData(176, 64.7031, 243, 232, 4, 950, -178)]
    public void Window_uses_ceil_and_round_half_even(double x, double y, double w, double h, double factor, int side, int x1)
    {
        var m = SampleTarget.Window(new Box(x, y, w, h), factor, 336);
        m.Side.ShouldBe(side);
        m.X1.ShouldBe(x1);
        m.ResizeFactor.ShouldBe(336.0 / side);
    }

    [Fact]
    public void Crop_of_the_real_pair_maps_boxes_there_and_back()
    {
        var (img1, img2, box1, box2) = SamplePair();
        var template = R1TrackPrompts.TemplateCrop(img1, box1);
        template.Image.Width.ShouldBe(336);
        template.Image.Height.ShouldBe(336);
        // The target sits in the middle quarter of a factor-4 crop.
        var t = template.TargetInCrop;
        ((t.X1 + t.X2) / 2).ShouldBe(168, 1.0);
        (t.Width * t.Height).ShouldBe(336.0 * 336 / 16, 336.0 * 336 / 16 * 0.02);
        var search = R1TrackPrompts.SearchCrop(img2, box1);
        var inCrop = search.Mapping.ToCrop(box2);
        var back = search.Mapping.ToImage(inCrop);
        back.X.ShouldBe(box2.X, 1);
        back.Y.ShouldBe(box2.Y, 1);
        back.W.ShouldBe(box2.W, 1);
        back.H.ShouldBe(box2.H, 1);
        // The text prompt carries the truncated template box.
        R1TrackPrompts.Prompt(t, think: false).ShouldContain($"[{(int)t.X1},{(int)t.Y1},{(int)t.X2},{(int)t.Y2}]");
    }

    [Fact]
    public void Crop_pixels_come_from_the_frame_and_zero_padding_outside_it()
    {
        var (img1, _, box1, _) = SamplePair();
        // Factor 4 around the ship reaches past the top and left edges (x1 = -178, see above).
        var map = SampleTarget.Window(box1, 4, 336);
        using var padded = SampleTarget.CropPadded(img1, map);
        padded.Width.ShouldBe(map.Side);
        int ch = img1.Channels;
        for (int r = 0; r < map.Side; r += 37)
        {
            for (int c = 0; c < map.Side; c += 41)
            {
                int sx = map.X1 + c, sy = map.Y1 + r;
                bool inside = sx >= 0 && sy >= 0 && sx < img1.Width - 1 && sy < img1.Height - 1;
                for (int k = 0; k < ch; k++)
                {
                    byte got = padded.Row(r)[c * ch + k];
                    got.ShouldBe(inside ? img1.Row(sy)[sx * ch + k] : (byte)0, $"crop pixel ({c},{r}) = frame ({sx},{sy})");
                }
            }
        }
        // The resized crop is black in its top-left padding too.
        var crop = SampleTarget.Crop(img1, box1, 4, 336);
        crop.Image.Row(0)[..3].ToArray().ShouldBe(new byte[] { 0, 0, 0 });
    }

    // cv2.resize output (OpenCV 4.6.0, INTER_LINEAR by default, as crop_image.py line 53 calls it) on the crop region,
    // produced once by:
    // /usr/bin/python3 -c "import numpy as np, cv2
    // syn = lambda w, h, c: np.array([[[(x*53 + y*29 + k*71 + x*y*7) % 256 for k in range(c)] for x in range(w)] for y in range(h)], np.uint8).squeeze()
    // for (s, o) in [(5, 8), (9, 4)]: print(s, o, ', '.join(map(str, cv2.resize(syn(s, s, 1), (o, o)).flatten())))"
    public static TheoryData<int, int, byte[]> OpenCvCrops => new()
    {
        { 5, 8, [0, 23, 56, 89, 122, 155, 189, 212, 13, 37, 72, 107, 142, 177, 149, 125, 31, 57, 95, 133, 166, 193, 95, 16, 49, 77, 118, 158, 144, 74, 59, 52, 67, 97, 141, 184, 147, 30, 57, 88, 85, 117, 163, 209, 175, 61, 91, 123, 103, 137, 177, 136, 104, 83, 125, 159, 116, 151, 186, 77, 47, 98, 148, 184] },
        { 9, 4, [54, 183, 56, 185, 129, 70, 174, 111, 184, 148, 92, 176, 119, 175, 122, 181] },
    };

    [Theory]
    [MemberData(nameof(OpenCvCrops))]
    public void Crop_is_resized_with_opencv_inter_linear_bytes(int side, int outSize, byte[] expected)
    {
        // 12x12 gray frame v(x, y) = (53 x + 29 y + 7 x y) mod 256; the window (0, 0, side) stays clear of the last
        // column and row, so the padded crop is the frame's top-left side x side block, which the golden resizes.
        var frame = new ImageFrame(12, 12, PixelFormat.Gray8);
        for (int y = 0; y < 12; y++) for (int x = 0; x < 12; x++) frame.Row(y)[x] = (byte)((x * 53 + y * 29 + x * y * 7) % 256);
        var crop = SampleTarget.Crop(frame, new Box(1, 1, 2, 2), new CropMapping(0, 0, side, outSize));
        using (crop.Image) crop.Image.Pixels.ToArray().ShouldBe(expected);
    }

    [Fact]
    public void Crop_reaching_the_last_column_blacks_it_out_like_the_released_padding()
    {
        // 20x20 gray image; box centred so that the crop covers columns 10..19 exactly (x2 == W).
        var img = new ImageFrame(20, 20, PixelFormat.Gray8);
        img.Pixels.Fill(200);
        var map = SampleTarget.Window(new Box(12, 5, 5, 5), 2, 10);
        (map.X1, map.Y1, map.Side).ShouldBe((10, 2, 10));
        using var padded = SampleTarget.CropPadded(img, map);
        padded.Row(3)[8].ShouldBe((byte)200);
        padded.Row(3)[9].ShouldBe((byte)0); // image column 19: x2_pad = x2 - W + 1 = 1
        padded.Row(0)[0].ShouldBe((byte)200);
    }

    [Fact]
    public void VpTracker_search_image_has_red_exactly_on_the_4x_outline()
    {
        var frame = new ImageFrame(640, 480, PixelFormat.Rgb24);
        frame.Pixels.Fill(90);
        var previous = new Box(300, 200, 50, 40); // corners (300, 200, 350, 240): PIL rectangle([225, 140, 425, 300], width=3)
        using var search = VpTrackerPrompts.SearchImage(frame, previous);
        frame.Pixels.ToArray().All(b => b == 90).ShouldBeTrue("the input frame is left alone");
        for (int y = 0; y < 480; y++)
        {
            for (int x = 0; x < 640; x++)
            {
                bool inRect = x >= 225 && x <= 425 && y >= 140 && y <= 300;
                bool onOutline = inRect && (x <= 227 || x >= 423 || y <= 142 || y >= 298);
                var p = search.Row(y).Slice(x * 3, 3);
                (p[0] == 255 && p[1] == 0 && p[2] == 0).ShouldBe(onOutline, $"pixel ({x},{y})");
                if (!onOutline) p[0].ShouldBe((byte)90);
            }
        }
    }

    [Fact]
    public void VpTracker_search_image_on_the_real_frame()
    {
        var (_, img2, box1, _) = SamplePair();
        (img2.Width, img2.Height).ShouldBe((640, 360));
        // The ship fills much of the frame: 4x its box (972 x 928 around (297.5, 180.7)) leaves the 640 x 360 frame on
        // every side, so the corners clamp to PIL rectangle([0, 0, 640, 360], width=3): the outline lies on the image
        // border (columns 0-2 and 638-639, rows 0-2 and 358-359; column 640 and row 360 are outside).
        byte[] red = [255, 0, 0];
        byte[] At(ImageFrame f, int x, int y) => f.Row(y).Slice(x * 3, 3).ToArray();
        using (var whole = VpTrackerPrompts.SearchImage(img2, box1))
        {
            for (int y = 0; y < 360; y++)
                for (int x = 0; x < 640; x++)
                {
                    bool border = x <= 2 || x >= 638 || y <= 2 || y >= 358;
                    At(whole, x, y).ShouldBe(border ? red : At(img2, x, y), $"({x},{y})");
                }
        }

        // A quarter-size box on the same centre (297.5, 180.7): 4x is 240 x 232, corners int(177.5) = 177,
        // int(64.7) = 64, int(417.5) = 417, int(296.7) = 296 (truncated), drawn 3 px inward from those inclusive corners.
        var small = Box.FromCenter(297.5, 180.7031, 60, 58);
        using var search = VpTrackerPrompts.SearchImage(img2, small);
        foreach (var (x, y) in new[] { (177, 150), (179, 150), (415, 150), (417, 150), (300, 64), (300, 66), (300, 294), (300, 296), (177, 64), (417, 296) })
            At(search, x, y).ShouldBe(red, $"({x},{y}) is on the outline");
        foreach (var (x, y) in new[] { (176, 150), (180, 150), (414, 150), (418, 150), (300, 63), (300, 67), (300, 293), (300, 297), (300, 180) })
            At(search, x, y).ShouldBe(At(img2, x, y), $"({x},{y}) is off the outline");
    }

    [Fact]
    public void VpTracker_template_is_clipped_not_padded()
    {
        var (x, y, w, h) = VpTrackerPrompts.TemplateRegion(new Box(176, 64.7031, 243, 232), new ImageSize(1280, 720));
        // Python: side ceil(sqrt(243*232)*2) = 475; corner round(297.5 - 237.5) = 60, round(180.7031 - 237.5) = -57 -> 0.
        (x, y, w, h).ShouldBe((60, 0, 475, 475 - 57));
        // Reaching the right border: side 120, x1 = 1170, x2 = 1290, x2_pad = 1290 - 1280 + 1 = 11: ends at 1279 (exclusive).
        var (x2, _, w2, _) = VpTrackerPrompts.TemplateRegion(new Box(1200, 300, 60, 60), new ImageSize(1280, 720));
        (x2 + w2).ShouldBe(1279);
    }

    [Fact]
    public void VpTracker_template_drops_the_last_column_and_row_when_it_reaches_them()
    {
        // Issue 11 item 6, released sample_target (VPTracker ms-swift/swift/llm/template/base.py ~2394-2435), factor 2,
        // on a 100 x 80 image. Box (85.5, 65.5, 10, 10): side ceil(10 * 2) = 20; x1 = round(85.5 + 5 - 10) = round(80.5)
        // = 80 (Python rounds half to even), x2 = 100, x2_pad = max(100 - 100 + 1, 0) = 1: columns 80..98, the image's
        // last column 99 dropped; y1 = round(60.5) = 60, y2 = 80, y2_pad = 1: rows 60..78.
        var size = new ImageSize(100, 80);
        VpTrackerPrompts.TemplateRegion(new Box(85.5, 65.5, 10, 10), size).ShouldBe((80, 60, 19, 19));
        // x2 == W - 1 exactly (box at 84: x1 = 79, x2 = 99): no pad, columns 79..98. Past the border (box at 88:
        // x1 = 83, x2 = 103, pad 4): still ends before column 99.
        VpTrackerPrompts.TemplateRegion(new Box(84, 20, 10, 10), size).ShouldBe((79, 15, 20, 20));
        VpTrackerPrompts.TemplateRegion(new Box(88, 20, 10, 10), size).ShouldBe((83, 15, 16, 20));

        // The crop's pixels: value = column index in channel 0, row index in channel 1.
        var img = new ImageFrame(100, 80, PixelFormat.Rgb24);
        for (int y = 0; y < 80; y++)
            for (int x = 0; x < 100; x++)
            {
                img.Row(y)[3 * x] = (byte)x;
                img.Row(y)[3 * x + 1] = (byte)y;
            }
        using var crop = VpTrackerPrompts.TemplateCrop(img, new Box(85.5, 65.5, 10, 10));
        (crop.Width, crop.Height).ShouldBe((19, 19));
        crop.Row(0)[0].ShouldBe((byte)80);
        crop.Row(0)[3 * 18].ShouldBe((byte)98);
        crop.Row(0)[1].ShouldBe((byte)60);
        crop.Row(18)[1].ShouldBe((byte)78);
    }
}
