using ReasonTrack.Geometry;
using ReasonTrack.Reasoning.Parsing;
using ReasonTrack.Reasoning.Crops;
using ReasonTrack.Reasoning.Prompts;

namespace ReasonTrack.Tests.Reasoning;

public class TriggerTests
{
    private static readonly ImageSize Image = new(640, 320); // W/32 = 20, H/32 = 10

    public static TheoryData<double[], double[], DisplacementRule, UpdateTriggerReason> MotionCases => new()
    {
        // Area ratio exactly 0.95 does not trigger (strict <); just below does.
        { [100, 100, 100, 100], [100, 100, 95, 100], DisplacementRule.EuclideanEither, UpdateTriggerReason.None },
        { [100, 100, 100, 100], [100, 100, 94.9, 100], DisplacementRule.EuclideanEither, UpdateTriggerReason.AreaChange },
        { [100, 100, 95, 100], [100, 100, 100, 100], DisplacementRule.EuclideanEither, UpdateTriggerReason.None },
        // Literal reading: distance > H/32 (10) already triggers, even though < W/32 (20).
        { [100, 100, 50, 50], [110, 100, 50, 50], DisplacementRule.EuclideanEither, UpdateTriggerReason.None },
        { [100, 100, 50, 50], [110.01, 100, 50, 50], DisplacementRule.EuclideanEither, UpdateTriggerReason.Displacement },
        { [100, 100, 50, 50], [106, 108, 50, 50], DisplacementRule.EuclideanEither, UpdateTriggerReason.None },     // distance 10
        { [100, 100, 50, 50], [106, 108.1, 50, 50], DisplacementRule.EuclideanEither, UpdateTriggerReason.Displacement },
        // Per-axis reading: |dx| against W/32 = 20, |dy| against H/32 = 10.
        { [100, 100, 50, 50], [115, 100, 50, 50], DisplacementRule.PerAxis, UpdateTriggerReason.None },
        { [100, 100, 50, 50], [120, 100, 50, 50], DisplacementRule.PerAxis, UpdateTriggerReason.None },
        { [100, 100, 50, 50], [120.5, 100, 50, 50], DisplacementRule.PerAxis, UpdateTriggerReason.Displacement },
        { [100, 100, 50, 50], [100, 89.5, 50, 50], DisplacementRule.PerAxis, UpdateTriggerReason.Displacement },
        // Top-left corners, not centres: a box growing around its centre moves its corner.
        { [100, 100, 50, 50], [75, 100, 100, 50], DisplacementRule.EuclideanEither, UpdateTriggerReason.AreaChange | UpdateTriggerReason.Displacement },
    };

    [Theory]
    [MemberData(nameof(MotionCases))]
    public void Motion_trigger_boundaries(double[] his, double[] cur, DisplacementRule rule, UpdateTriggerReason expected) =>
        UpdateTrigger.Motion(new Box(his[0], his[1], his[2], his[3]), new Box(cur[0], cur[1], cur[2], cur[3]), Image,
            new UpdateTriggerOptions { Displacement = rule }).ShouldBe(expected);

    [Theory]
    [InlineData(0, false)]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(15, false)]
    [InlineData(20, true)]
    public void Motion_is_checked_every_10_frames(int frame, bool check)
    {
        UpdateTrigger.IsCheckFrame(frame).ShouldBe(check);
        var moved = UpdateTrigger.Evaluate(frame, 0, new Box(0, 0, 10, 10), new Box(50, 50, 10, 10), Image);
        moved.ShouldBe(check ? UpdateTriggerReason.Displacement : UpdateTriggerReason.None);
    }

    [Fact]
    public void Interval_and_confidence_triggers_are_opt_in()
    {
        var still = new Box(0, 0, 10, 10);
        UpdateTrigger.Evaluate(57, 7, still, still, Image, 0.1, 1.0).ShouldBe(UpdateTriggerReason.None);
        var o = new UpdateTriggerOptions { Interval = 50, ConfidenceDropFactor = 0.5 };
        UpdateTrigger.Evaluate(56, 7, still, still, Image, 0.5, 1.0, o).ShouldBe(UpdateTriggerReason.None);
        UpdateTrigger.Evaluate(57, 7, still, still, Image, 0.5, 1.0, o).ShouldBe(UpdateTriggerReason.Interval);
        UpdateTrigger.Evaluate(56, 7, still, still, Image, 0.49, 1.0, o).ShouldBe(UpdateTriggerReason.ConfidenceDrop);
    }

    [Theory]
    [InlineData(0.49, 1.0, 0.5, true)]
    [InlineData(0.5, 1.0, 0.5, false)]
    [InlineData(0.7, 1.0, 0.8, true)]
    [InlineData(double.NaN, 1.0, 0.5, false)]
    public void Rethink_below_half_the_first_score(double score, double first, double factor, bool expected) =>
        RethinkRule.ShouldRethink(score, first, factor).ShouldBe(expected);

    [Fact]
    public void Description_strategies()
    {
        var yes = ReasoningTrackReply.Parse("<think>t</think><d>yes</d><answer>red car, turning</answer>");
        var yes2 = ReasoningTrackReply.Parse("<think>t</think><d>yes</d><answer>red car, parked</answer>");
        var no = ReasoningTrackReply.Parse("<think>t</think><d>no</d><answer>whatever</answer>");

        var initial = new DescriptionState(DescriptionStrategy.Initial, "red car");
        initial.InForce.ShouldBe("red car");
        var s = initial.Apply(yes);
        (s.InForce, s.TextToRefine).ShouldBe(("red car, turning", "red car"));
        s.Apply(no).InForce.ShouldBe("red car");

        var cascaded = new DescriptionState(DescriptionStrategy.Cascaded, "red car").Apply(yes);
        cascaded.TextToRefine.ShouldBe("red car, turning");
        cascaded.Apply(no).InForce.ShouldBe("red car, turning");
        cascaded.Apply(yes2).InForce.ShouldBe("red car, parked");

        var ds = new DescriptionState(DescriptionStrategy.DynamicStatic, "red car");
        ds.InForce.ShouldBe("red car");
        ds.Apply(yes).InForce.ShouldBe("red car, turning; red car");
        ds.Apply(yes).TextToRefine.ShouldBe("red car");
        ds.Apply(no).InForce.ShouldBe("red car");
        new DescriptionState(DescriptionStrategy.StaticDynamic, "red car").Apply(yes).InForce.ShouldBe("red car; red car, turning");
    }

    [Fact]
    public void R1Track_locator_follows_the_released_loop()
    {
        // A 336 crop of side 672 at (100, 50): resize factor 0.5.
        var map = new CropMapping(100, 50, 672, 336);
        var image = new ImageSize(1000, 800);
        var lastCrop = new BoxXyxy(100, 100, 200, 200);
        var lastBox = new Box(1, 2, 3, 4);

        var ok = R1TrackLocator.Locate(R1TrackReply.Parse("[10, 20, 110, 220]", false), lastCrop, map, image, lastBox);
        ok.Box.ShouldBe(new Box(120, 90, 200, 400));
        ok.LastCropBox.ShouldBe(new BoxXyxy(10, 20, 110, 220));
        ok.Updated.ShouldBeTrue();

        var clamped = R1TrackLocator.Locate(R1TrackReply.Parse("[10, 20, 400, 220]", false), lastCrop, map, image, lastBox);
        clamped.LastCropBox.ShouldBe(new BoxXyxy(10, 20, 336, 220));
        clamped.Report.Has(ParseIssue.OutOfRange).ShouldBeTrue();

        var swapped = R1TrackLocator.Locate(R1TrackReply.Parse("[110, 20, 10, 220]", false), lastCrop, map, image, lastBox);
        swapped.LastCropBox.ShouldBe(lastCrop);
        swapped.Box.ShouldBe(new Box(300, 250, 200, 200));
        swapped.Updated.ShouldBeFalse();

        var garbage = R1TrackLocator.Locate(R1TrackReply.Parse("no idea", false), lastCrop, map, image, lastBox);
        garbage.Box.ShouldBe(new Box(300, 250, 200, 200));
        garbage.Report.Outcome.ShouldBe(ParseOutcome.Fallback);

        // With the crop at the frame origin, a box at crop (0, 0) maps to x = 0: the released loop (HEAD) applies it ...
        var applied = R1TrackLocator.Locate(R1TrackReply.Parse("[0, 0, 50, 50]", false), lastCrop, new CropMapping(0, 0, 336, 336), image, lastBox);
        applied.Box.ShouldBe(new Box(0, 0, 50, 50));
        applied.Updated.ShouldBeTrue();
        applied.Report.Has(ParseIssue.TouchesBorder).ShouldBeFalse();
        // ... and the pre-0.680 rule (before commit 969f246) refuses it.
        var border = R1TrackLocator.Locate(R1TrackReply.Parse("[0, 0, 50, 50]", false), lastCrop, new CropMapping(0, 0, 336, 336), image, lastBox, rejectBorderBoxes: true);
        border.Box.ShouldBe(lastBox);
        border.LastCropBox.ShouldBe(lastCrop);
        border.Report.Has(ParseIssue.TouchesBorder).ShouldBeTrue();
        var kept = R1TrackLocator.Locate(R1TrackReply.Parse("[0, 0, 50, 50]", false), lastCrop, new CropMapping(-10, 0, 336, 336), image, lastBox, rejectBorderBoxes: false);
        // Released clipping moves x to max(0, -10) = 0 but keeps the mapped width: w = max(1, min(50, 1000 - 0)).
        kept.Box.ShouldBe(new Box(0, 0, 50, 50));
    }
}
