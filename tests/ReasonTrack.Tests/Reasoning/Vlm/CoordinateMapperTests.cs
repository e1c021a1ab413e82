using ReasonTrack.Geometry;
using ReasonTrack.Reasoning.Vlm;

namespace ReasonTrack.Tests.Reasoning.Vlm;

public class CoordinateMapperTests
{
    private static void ShouldBeClose(BoxXyxy actual, BoxXyxy expected)
    {
        actual.X1.ShouldBe(expected.X1, 1e-9);
        actual.Y1.ShouldBe(expected.Y1, 1e-9);
        actual.X2.ShouldBe(expected.X2, 1e-9);
        actual.Y2.ShouldBe(expected.Y2, 1e-9);
    }

    [Fact]
    public void Normalized_1000_scales_by_the_original_size()
    {
        var m = new CoordinateMapper(CoordinateConvention.Normalized1000, new ImageSize(640, 480), new ImageSize(320, 240));
        ShouldBeClose(m.ToOriginal(new BoxXyxy(100, 200, 500, 1000)), new BoxXyxy(64, 96, 320, 480));
    }

    [Fact]
    public void Qwen25_with_client_side_resize_maps_exactly()
    {
        var original = new ImageSize(1920, 1080);
        var sent = CoordinateMapper.SendSize(CoordinateConvention.Qwen25Absolute, original);
        sent.ShouldBe(new ImageSize(1932, 1092));
        var m = new CoordinateMapper(CoordinateConvention.Qwen25Absolute, original, sent);
        m.ModelSpace.ShouldBe(sent);
        // 966/1932 and 546/1092 are exactly half.
        ShouldBeClose(m.ToOriginal(new BoxXyxy(966, 546, 1932, 1092)), new BoxXyxy(960, 540, 1920, 1080));
    }

    [Fact]
    public void Qwen25_without_client_side_resize_uses_the_size_the_model_saw()
    {
        // Sent 640x480 as is: the server resizes to 644x476, and the model answers in those pixels.
        var m = new CoordinateMapper(CoordinateConvention.Qwen25Absolute, new ImageSize(640, 480), new ImageSize(640, 480));
        m.ModelSpace.ShouldBe(new ImageSize(644, 476));
        ShouldBeClose(m.ToOriginal(new BoxXyxy(322, 238, 644, 476)), new BoxXyxy(320, 240, 640, 480));
    }

    [Fact]
    public void Absolute_as_sent_scales_by_the_sent_size()
    {
        var m = new CoordinateMapper(CoordinateConvention.AbsoluteAsSent, new ImageSize(1280, 720), new ImageSize(640, 360));
        ShouldBeClose(m.ToOriginal(new BoxXyxy(10, 20, 30, 40)), new BoxXyxy(20, 40, 60, 80));
        CoordinateMapper.SendSize(CoordinateConvention.AbsoluteAsSent, new ImageSize(1280, 720)).ShouldBe(new ImageSize(1280, 720));
    }

    [Theory]
    [InlineData(CoordinateConvention.Qwen25Absolute)]
    [InlineData(CoordinateConvention.Normalized1000)]
    [InlineData(CoordinateConvention.AbsoluteAsSent)]
    public void Round_trips_for_every_convention(CoordinateConvention convention)
    {
        var original = new ImageSize(853, 479);
        var m = new CoordinateMapper(convention, original, CoordinateMapper.SendSize(convention, original));
        var box = new BoxXyxy(12.5, 30, 400.25, 478);
        ShouldBeClose(m.ToOriginal(m.ToModel(box)), box);
        var modelBox = new BoxXyxy(1, 2, 300, 400);
        ShouldBeClose(m.ToModel(m.ToOriginal(modelBox)), modelBox);
    }

    [Theory]
    [InlineData("Qwen/Qwen2.5-VL-7B-Instruct", CoordinateConvention.Qwen25Absolute)]
    [InlineData("/models/qwen2_5_vl_3b", CoordinateConvention.Qwen25Absolute)]
    [InlineData("Qwen2-VL-7B-Instruct", CoordinateConvention.Normalized1000)]
    [InlineData("Qwen/Qwen3-VL-8B-Instruct", CoordinateConvention.Normalized1000)]
    [InlineData("llava-v1.6-mistral-7b", CoordinateConvention.AbsoluteAsSent)]
    [InlineData("R1-Track-GRPO", CoordinateConvention.AbsoluteAsSent)]
    public void Default_convention_follows_the_model_name(string model, CoordinateConvention expected) =>
        CoordinateConventions.ForModel(model).ShouldBe(expected);

    [Fact]
    public void An_explicit_convention_overrides_the_name() =>
        CoordinateConventions.ForModel("R1-Track-GRPO", CoordinateConvention.Qwen25Absolute).ShouldBe(CoordinateConvention.Qwen25Absolute);
}
