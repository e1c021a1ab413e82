using ReasonTrack.Geometry;
using ReasonTrack.Media;
using ReasonTrack.Trackers;
using ReasonTrack.Trackers.Dcf;

namespace ReasonTrack.Tests.Trackers.Dcf;

/// <summary>Bad input, the factory and its settings, and tracking on synthetic frames (gray and RGB).</summary>
public class DcfInputTests
{
    private static ImageFrame Frame(int w, int h, PixelFormat format = PixelFormat.Gray8, int shift = 0)
    {
        var f = new ImageFrame(w, h, format);
        int ch = f.Channels;
        // A bright textured square at (60 + shift, 40) on a smooth background.
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                bool inside = x >= 60 + shift && x < 90 + shift && y >= 40 && y < 70;
                byte v = inside ? (byte)(200 + ((x - shift) * 7 + y * 13) % 50) : (byte)(40 + (x + y) % 20);
                for (int c = 0; c < ch; c++) f.Data[(y * w + x) * ch + c] = c == 0 && inside ? (byte)(255 - v / 4) : v;
            }
        return f;
    }

    [Fact]
    public void Zero_size_box_is_rejected()
    {
        using var t = new DcfTracker();
        using var f = Frame(160, 120);
        Should.Throw<ReasonTrackException>(() => t.Initialize(f, new Box(10, 10, 0, 20))).Message.ShouldContain("positive width and height");
        Should.Throw<ReasonTrackException>(() => t.Initialize(f, new Box(10, 10, double.NaN, 20)));
    }

    [Fact]
    public void Box_outside_the_image_is_rejected()
    {
        using var t = new DcfTracker();
        using var f = Frame(160, 120);
        Should.Throw<ReasonTrackException>(() => t.Initialize(f, new Box(200, 10, 20, 20))).Message.ShouldContain("outside the 160x120 image");
    }

    [Fact]
    public void Frame_of_another_size_names_both_sizes()
    {
        using var t = new DcfTracker();
        using (var f = Frame(160, 120)) t.Initialize(f, new Box(60, 40, 30, 30));
        using var g = Frame(200, 100);
        var ex = Should.Throw<ReasonTrackException>(() => t.Update(g));
        ex.Message.ShouldContain("200x100");
        ex.Message.ShouldContain("160x120");
    }

    [Theory]
    [InlineData(PixelFormat.Gray8)]
    [InlineData(PixelFormat.Rgb24)]
    public void Follows_a_moving_square(PixelFormat format)
    {
        using var t = new DcfTracker();
        using (var f = Frame(200, 120, format)) t.Initialize(f, new Box(60, 40, 30, 30));
        TrackResult r = default;
        for (int i = 1; i <= 20; i++)
        {
            using var f = Frame(200, 120, format, shift: 2 * i);
            r = t.Update(f);
        }
        r.Found.ShouldBeTrue();
        Overlap.Iou(r.Box, new Box(100, 40, 30, 30)).ShouldBeGreaterThan(0.7, r.Box.ToString());
    }

    [Fact]
    public void Factory_is_named_dcf_with_alias_default_and_parses_settings()
    {
        var factory = new DcfTrackerFactory();
        factory.Name.ShouldBe("dcf");
        factory.Aliases.ShouldContain("default");
        factory.Settings.Select(s => s.Name).ShouldContain("learning-rate");
        using var t = factory.Create(new Dictionary<string, string> { ["padding"] = "2", ["scales"] = "0", ["color"] = "false" }, new TrackerContext());
        t.Name.ShouldBe("dcf");
        var o = DcfOptions.Parse(new Dictionary<string, string> { ["learning_rate"] = "0.05", ["cell_size"] = "3" });
        o.LearningRate.ShouldBe(0.05);
        o.CellSize.ShouldBe(3);
    }

    [Theory]
    [InlineData("bogus", "1", "unknown setting 'bogus'")]
    [InlineData("padding", "wide", "'wide' is not a number")]
    [InlineData("cell_size", "2.5", "'2.5' is not an integer")]
    [InlineData("learning_rate", "3", "outside")]
    [InlineData("color", "maybe", "not true/false")]
    public void Bad_settings_name_the_setting(string key, string value, string expected)
    {
        var ex = Should.Throw<InvalidSettingException>(() => new DcfTrackerFactory().Create(new Dictionary<string, string> { [key] = value }, new TrackerContext()));
        ex.Message.ShouldContain(expected);
        ex.Message.ShouldContain(key);
    }
}
