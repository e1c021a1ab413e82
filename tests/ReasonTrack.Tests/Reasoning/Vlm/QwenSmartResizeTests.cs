using ReasonTrack.Geometry;
using ReasonTrack.Reasoning.Vlm;

namespace ReasonTrack.Tests.Reasoning.Vlm;

public class QwenSmartResizeTests
{
    // Expected sizes worked out by hand from qwen-vl-utils' smart_resize (factor 28, min 3136, max 12845056):
    // 640x480: 480/28=17.14->17*28=476, 640/28=22.86->23*28=644, 306544 px in range.
    // 1920x1080: 38.57->39*28=1092, 68.57->69*28=1932.
    // 20x20: both round up to 28 (max(factor, 0)), 784 < 3136 -> beta = sqrt(3136/400) = 2.8, ceil(56/28)*28 = 56.
    // 70x70: 70/28 = 2.5 rounds half-to-even to 2 (Python round) -> 56; 56*56 = 3136 is not below min.
    // 100x10: height 10 -> 28, width 3.57 -> 112; 112*28 = 3136 not below min.
    // 8000x6000: 8008*5992 exceeds max -> beta = sqrt(48e6/12845056) = 1.9331; floor(4138.4/28)=147 -> 4116, floor(3103.8/28)=110 -> 3080.
    [Theory]
    [InlineData(640, 480, 644, 476)]
    [InlineData(336, 336, 336, 336)]
    [InlineData(1920, 1080, 1932, 1092)]
    [InlineData(20, 20, 56, 56)]
    [InlineData(70, 70, 56, 56)]
    [InlineData(100, 10, 112, 28)]
    [InlineData(8000, 6000, 4116, 3080)]
    public void Matches_the_reference_algorithm(int width, int height, int expectedWidth, int expectedHeight) =>
        QwenSmartResize.Size(width, height).ShouldBe(new ImageSize(expectedWidth, expectedHeight));

    [Fact]
    public void Custom_pixel_budget_is_respected()
    {
        // max 1280*28*28 = 1003520: 1932*1092 = 2109744 is over; beta = sqrt(2073600/1003520) = 1.4375;
        // 1920/1.4375 = 1335.7 -> floor(47.7) = 47 -> 1316; 1080/1.4375 = 751.3 -> floor(26.8) = 26 -> 728.
        QwenSmartResize.Size(1920, 1080, maxPixels: 1280 * 28 * 28).ShouldBe(new ImageSize(1316, 728));
    }

    [Fact]
    public void A_resized_size_is_a_fixed_point()
    {
        foreach (var (w, h) in new[] { (640, 480), (1920, 1080), (20, 20), (3000, 200) })
        {
            var once = QwenSmartResize.Size(w, h);
            (once.Width % 28).ShouldBe(0);
            (once.Height % 28).ShouldBe(0);
            QwenSmartResize.Size(once.Width, once.Height).ShouldBe(once);
        }
    }

    [Fact]
    public void Extreme_aspect_ratios_and_empty_sizes_are_rejected()
    {
        Should.Throw<ReasonTrackException>(() => QwenSmartResize.Size(4020, 20));
        Should.Throw<ArgumentOutOfRangeException>(() => QwenSmartResize.Size(0, 20));
    }
}
