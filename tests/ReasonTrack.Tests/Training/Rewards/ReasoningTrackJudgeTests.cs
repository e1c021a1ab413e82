using ReasonTrack.Geometry;
using ReasonTrack.Training.Rewards;

namespace ReasonTrack.Tests.Training.Rewards;

/// <summary>The judge's comparison (a pure function) and its use of a localizer, with a scripted in-memory localizer.</summary>
public class ReasoningTrackJudgeTests
{
    [Theory]
    // judge = 1 if (d = no and iou2 >= iou) or (d = yes and iou2 < iou)
    [InlineData("no", 0.5, 0.5, 1)]   // equal: keeping the text was no worse
    [InlineData("no", 0.5, 0.7, 1)]
    [InlineData("no", 0.7, 0.5, 0)]   // the new text would have been better
    [InlineData("yes", 0.7, 0.5, 1)]
    [InlineData("yes", 0.5, 0.5, 0)]  // equal: the update bought nothing
    [InlineData("yes", 0.5, 0.7, 0)]
    [InlineData(" Yes ", 0.7, 0.5, 1)]
    [InlineData("maybe", 0.7, 0.5, 0)]
    [InlineData("", 0.5, 0.5, 0)]
    [InlineData(null, 0.5, 0.5, 0)]
    [InlineData("no", double.NaN, 0.5, 0)]
    [InlineData("yes", double.NaN, 0.5, 0)]
    public void Compare(string? d, double iouNew, double iouOriginal, int expected) =>
        ReasoningTrackJudge.Compare(d, iouNew, iouOriginal).ShouldBe(expected);

    /// <summary>Answers from a table of description -> box and records what it was asked.</summary>
    private sealed class TableLocalizer(Dictionary<string, Box?> boxes) : ITargetLocalizer
    {
        public List<TargetLocalizationRequest> Asked { get; } = [];

        public Task<TargetLocation> LocateAsync(TargetLocalizationRequest request, CancellationToken cancellationToken = default)
        {
            Asked.Add(request);
            return Task.FromResult(new TargetLocation(boxes[request.Description]));
        }
    }

    private static readonly Box Gt = new(0, 0, 100, 100);

    [Fact]
    public async Task Localizes_with_the_new_then_the_original_description_and_compares()
    {
        var ct = TestContext.Current.CancellationToken;
        // New text finds the whole target (IoU 1); the original finds the left half: 5000/10000 = 0.5.
        var localizer = new TableLocalizer(new() { ["red car turning"] = new Box(0, 0, 100, 100), ["red car"] = new Box(0, 0, 50, 100) });
        var text = ReasoningTrackReward.ScoreText("<think>t</think><d>yes</d><answer> red car turning </answer>");
        var j = await ReasoningTrackJudge.JudgeAsync(localizer, text, "red car", "f1.jpg", new Box(1, 2, 3, 4), "f2.jpg", Gt, ct);

        localizer.Asked.Select(a => a.Description).ShouldBe(["red car turning", "red car"]);
        localizer.Asked.ShouldAllBe(a => a.Frame2 == "f2.jpg" && a.Frame1 == "f1.jpg" && a.Box1 == new Box(1, 2, 3, 4));
        j.Iou!.Value.ShouldBe(1.0, 1e-12);
        j.IouOriginal!.Value.ShouldBe(0.5, 1e-12);
        j.Judge.ShouldBe(1); // yes and 0.5 < 1
        j.ShapedIou.ShouldBe(1.0, 1e-12);
    }

    [Fact]
    public async Task A_missing_box_counts_as_iou_zero()
    {
        var ct = TestContext.Current.CancellationToken;
        var localizer = new TableLocalizer(new() { ["ship"] = null, ["boat"] = new Box(0, 0, 50, 100) });
        var text = ReasoningTrackReward.ScoreText("<think>t</think><d>no</d><answer>ship</answer>");
        var j = await ReasoningTrackJudge.JudgeAsync(localizer, text, "boat", null, null, "f2.jpg", Gt, ct);
        j.Iou.ShouldBe(0);
        j.IouOriginal!.Value.ShouldBe(0.5, 1e-12);
        j.Judge.ShouldBe(1); // no and 0.5 >= 0
        j.ShapedIou.ShouldBe(0); // 0 <= 0.61 -> 0/2
    }

    [Theory]
    [InlineData("<think>t</think><d>maybe</d><answer>ship</answer>")]
    [InlineData("<think>t</think><answer>ship</answer>")]
    [InlineData("")]
    public async Task Replies_without_a_yes_no_decision_are_not_judged_and_ask_nothing(string reply)
    {
        var localizer = new TableLocalizer([]);
        var j = await ReasoningTrackJudge.JudgeAsync(localizer, ReasoningTrackReward.ScoreText(reply), "boat", null, null, "f2.jpg", Gt,
            TestContext.Current.CancellationToken);
        j.ShouldBe(ReasoningTrackJudgement.NotJudged);
        localizer.Asked.ShouldBeEmpty();
    }
}
