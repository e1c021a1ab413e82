using ReasonTrack.Media;

namespace ReasonTrack.Tests.Media;

/// <summary>
/// <see cref="ImageOps.ResizeLinearOpenCv(ReadOnlySpan{byte}, int, int, int, Span{byte}, int, int)"/> against values
/// that do not come from it: pixels worked out by hand from OpenCV's INTER_LINEAR rule, and small golden arrays written
/// once by OpenCV 4.6's <c>cv2.resize</c> from a synthetic image defined here.
/// </summary>
public class ResizeLinearOpenCvTests
{
    private static byte[] Resize(byte[] src, int w, int h, int ch, int outW, int outH)
    {
        var dst = new byte[outW * outH * ch];
        ImageOps.ResizeLinearOpenCv(src, w, h, ch, dst, outW, outH);
        return dst;
    }

    [Fact]
    public void Upscaling_3x3_to_4x4_follows_the_hand_computed_opencv_rule()
    {
        byte[] src = [10, 20, 30, 40, 50, 60, 70, 80, 95];
        // scale = 1 / (4 / 3) = 0.75. Columns: fx = (dx + 0.5) * 0.75 - 0.5 = -0.125, 0.625, 1.375, 2.125.
        //   dx 0: sx = -1 < 0, edge: column 0 alone (weight 2048). dx 3: sx = 2 >= W - 1, edge: column 2 alone.
        //   dx 1: taps 0, 1, weights round(0.375 * 2048) = 768, round(0.625 * 2048) = 1280; dx 2: taps 1, 2, 1280, 768.
        // Rows: the same fy, no edge rule: dy 0: sy = -1, fy = 0.875, rows clamp to (0, 0), weights 256, 1792;
        //   dy 1: rows 0, 1, 768, 1280; dy 2: rows 1, 2, 1280, 768; dy 3: sy = 2, rows (2, 2), 1792, 256.
        // Pixel (dx 2, dy 1): h0 = 20*1280 + 30*768 = 48640, h1 = 50*1280 + 60*768 = 110080;
        //   ((768 * (48640 >> 4)) >> 16) + ((1280 * (110080 >> 4)) >> 16) + 2 = 35 + 134 + 2 = 171; 171 >> 2 = 42
        //   (the true value is 42.5: a plain 22-bit rounding, the pre-issue-11 resize, gives 43).
        // Pixel (dx 1, dy 2): h0 = 40*768 + 50*1280 = 94720, h1 = 70*768 + 80*1280 = 156160;
        //   ((1280 * 5920) >> 16) + ((768 * 9760) >> 16) + 2 = 115 + 114 + 2 = 231 >> 2 = 57 (true value 57.5).
        // Pixel (dx 2, dy 3): rows (2, 2): h = 80*1280 + 95*768 = 175360 >> 4 = 10960;
        //   ((1792 * 10960) >> 16) + ((256 * 10960) >> 16) + 2 = 299 + 42 + 2 = 343 >> 2 = 85 (true value 85.625, which the
        //   pre-issue-11 resize rounds to 86; OpenCV truncates each row term first: 299.69 -> 299, 42.81 -> 42).
        // Pixel (dx 0, dy 0): rows (0, 0), column 0 alone: h = 10*2048 >> 4 = 1280; (256*1280 >> 16) + (1792*1280 >> 16) + 2
        //   = 5 + 35 + 2 = 42 >> 2 = 10.
        var got = Resize(src, 3, 3, 1, 4, 4);
        got[1 * 4 + 2].ShouldBe((byte)42);
        got[2 * 4 + 1].ShouldBe((byte)57);
        got[3 * 4 + 2].ShouldBe((byte)85);
        got[0].ShouldBe((byte)10);
        // The whole 4x4, the same rule applied to every pixel (and what cv2.resize(src, (4, 4)) returns).
        got.ShouldBe(new byte[] { 10, 16, 24, 30, 29, 35, 42, 49, 51, 57, 66, 73, 70, 76, 85, 95 });
    }

    [Fact]
    public void Downscaling_5x5_to_2x2_follows_the_hand_computed_opencv_rule()
    {
        // v(x, y) = (37 y + 91 x) mod 256.
        var src = new byte[25];
        for (int y = 0; y < 5; y++) for (int x = 0; x < 5; x++) src[y * 5 + x] = (byte)((y * 37 + x * 91) % 256);
        // scale = 2.5: fx = 0.75 (taps 0, 1, weights 512, 1536) and 3.25 (taps 3, 4, weights 1536, 512); rows alike.
        // Pixel (1, 0): h0 = v(3,0)*1536 + v(4,0)*512 = 17*1536 + 108*512 = 81408, h1 = 54*1536 + 145*512 = 157184;
        //   ((512 * 5088) >> 16) + ((1536 * 9824) >> 16) + 2 = 39 + 230 + 2 = 271 >> 2 = 67 (true value 67.5; pre-issue-11: 68).
        // Pixel (0, 1): h0 = v(0,3)*512 + v(1,3)*1536 = 111*512 + 202*1536 = 367104, h1 = 148*512 + 239*1536 = 442880;
        //   ((1536 * 22944) >> 16) + ((512 * 27680) >> 16) + 2 = 537 + 216 + 2 = 755 >> 2 = 188 (true value 188.5; pre-issue-11: 189).
        // Pixel (0, 0): h0 = 0*512 + 91*1536 = 139776, h1 = 37*512 + 128*1536 = 215552;
        //   ((512 * 8736) >> 16) + ((1536 * 13472) >> 16) + 2 = 68 + 315 + 2 = 385 >> 2 = 96.
        // Pixel (1, 1): h0 = v(3,3)*1536 + v(4,3)*512 = 128*1536 + 219*512 = 308736, h1 = 165*1536 + 0*512 = 253440;
        //   ((1536 * 19296) >> 16) + ((512 * 15840) >> 16) + 2 = 452 + 123 + 2 = 577 >> 2 = 144.
        Resize(src, 5, 5, 1, 2, 2).ShouldBe(new byte[] { 96, 67, 188, 144 });
    }

    /// <summary>The synthetic image the goldens were made from: <c>(53 x + 29 y + 71 c + 7 x y) mod 256</c>, interleaved.</summary>
    private static byte[] Synthetic(int w, int h, int ch)
    {
        var b = new byte[w * h * ch];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                for (int c = 0; c < ch; c++)
                    b[(y * w + x) * ch + c] = (byte)((x * 53 + y * 29 + c * 71 + x * y * 7) % 256);
        return b;
    }

    // Produced once with OpenCV 4.6.0 (Debian python3-opencv) by:
    // /usr/bin/python3 -c "import numpy as np, cv2
    // syn = lambda w, h, c: np.array([[[(x*53 + y*29 + k*71 + x*y*7) % 256 for k in range(c)] for x in range(w)] for y in range(h)], np.uint8).squeeze()
    // for (w, h, c, W, H) in [(5, 4, 3, 8, 7), (17, 13, 1, 8, 6), (8, 6, 1, 4, 3), (1, 3, 1, 3, 5)]: print((w, h, c, W, H), ', '.join(map(str, cv2.resize(syn(w, h, c), (W, H)).flatten())))"
    public static TheoryData<int, int, int, int, int, byte[]> Goldens => new()
    {
        // RGB, upscaled by 1.6 x 1.75 (non-integer both ways; edge columns and clamped rows included).
        { 5, 4, 3, 8, 7, [0, 71, 142, 23, 94, 165, 56, 127, 198, 89, 160, 231, 123, 193, 185, 156, 227, 58, 189, 116, 75, 212, 27, 98, 10, 81, 152, 34, 106, 176, 69, 140, 206, 104, 175, 183, 139, 181, 138, 173, 159, 70, 156, 95, 94, 141, 47, 118, 27, 98, 169, 53, 124, 195, 90, 161, 217, 127, 198, 106, 164, 161, 63, 202, 50, 89, 105, 62, 125, 27, 80, 151, 44, 115, 186, 71, 142, 157, 111, 174, 117, 151, 134, 77, 150, 93, 76, 110, 53, 116, 70, 85, 156, 42, 113, 184, 60, 131, 202, 90, 161, 119, 132, 187, 18, 174, 69, 60, 136, 31, 102, 18, 73, 144, 44, 115, 176, 74, 145, 198, 76, 148, 219, 108, 179, 138, 153, 207, 38, 197, 92, 83, 162, 57, 128, 47, 102, 173, 75, 146, 125, 106, 178, 84, 87, 158, 229, 119, 190, 149, 166, 221, 52, 212, 107, 98, 178, 73, 144, 64, 119, 190, 95, 166, 93, 127, 198, 13] },
        // Gray, downscaled by 2.125 x 2.1667.
        { 17, 13, 1, 8, 6, [49, 170, 56, 157, 122, 143, 115, 130, 120, 98, 171, 73, 210, 120, 81, 171, 192, 121, 99, 237, 152, 114, 47, 109, 119, 210, 170, 149, 110, 69, 196, 129, 78, 133, 103, 73, 55, 50, 176, 146, 150, 176, 116, 129, 140, 147, 155, 163] },
        // Gray, exactly halved: OpenCV's INTER_AREA fast path (rounded 2x2 means).
        { 8, 6, 1, 4, 3, [43, 156, 77, 126, 108, 121, 134, 83, 173, 86, 127, 168] },
        // A one-column image: every column is an edge column.
        { 1, 3, 1, 3, 5, [0, 0, 0, 12, 12, 12, 29, 29, 29, 46, 46, 46, 58, 58, 58] },
    };

    [Theory]
    [MemberData(nameof(Goldens))]
    public void Matches_cv2_resize_goldens(int w, int h, int ch, int outW, int outH, byte[] expected)
    {
        Resize(Synthetic(w, h, ch), w, h, ch, outW, outH).ShouldBe(expected);
    }

    [Fact]
    public void Same_size_is_a_copy()
    {
        var src = Synthetic(6, 4, 3);
        Resize(src, 6, 4, 3, 6, 4).ShouldBe(src);
    }

    [Theory]
    [InlineData(557, 336)] // tables and rows on the stack
    [InlineData(900, 1200)] // rented from the pool
    public void Resizing_into_a_given_buffer_allocates_nothing(int side, int outSize)
    {
        var src = new ImageFrame(side, side, PixelFormat.Rgb24);
        var dst = new ImageFrame(outSize, outSize, PixelFormat.Rgb24);
        void Run() => ImageOps.ResizeLinearOpenCv(src.Pixels, side, side, 3, dst.Pixels, outSize, outSize);
        Run(); // warm up (JIT, pool)
        AllocationProbe.SteadyStateBytes(Run).ShouldBe(0);
    }
}
