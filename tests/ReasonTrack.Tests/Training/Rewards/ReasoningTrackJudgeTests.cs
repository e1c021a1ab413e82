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
    [InlineData(" Yes ", 0.7, 0.5, 0)] // exact, as released: ReadReply has already stripped it and mapped non-yes/no to no
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
        var j = await ReasoningTrackJudge.JudgeAsync(localizer, "<think>t</think><d>yes</d><answer> red car turning </answer>", "red car", "f1.jpg", new Box(1, 2, 3, 4), "f2.jpg", Gt, ct);

        localizer.Asked.Select(a => a.Description).ShouldBe(["red car turning", "red car"]);
        localizer.Asked.ShouldAllBe(a => a.Frame2 == "f2.jpg" && a.Frame1 == "f1.jpg" && a.Box1 == new Box(1, 2, 3, 4));
        j.Iou!.Value.ShouldBe(1.0, 1e-12);
        j.IouOriginal!.Value.ShouldBe(0.5, 1e-12);
        j.Judge.ShouldBe(1); // yes and 0.5 < 1
        j.ShapedIou.ShouldBe(1.0, 1e-12);
    }

    [Fact]
    public async Task A_failed_localization_sets_both_ious_to_zero()
    {
        var ct = TestContext.Current.CancellationToken;
        // The new text finds nothing; the original would give 0.5, but a failure zeroes both (released iou = iou2 = 0).
        var localizer = new TableLocalizer(new() { ["ship"] = null, ["boat"] = new Box(0, 0, 50, 100) });
        var j = await ReasoningTrackJudge.JudgeAsync(localizer, "<think>t</think><d>no</d><answer>ship</answer>", "boat", null, null, "f2.jpg", Gt, ct);
        j.Iou.ShouldBe(0);
        j.IouOriginal.ShouldBe(0);
        j.Judge.ShouldBe(1); // no and 0 >= 0
        j.ShapedIou.ShouldBe(0); // 0 <= 0.61 -> 0/2
    }

    [Theory]
    // The released reading of the raw reply (track.py ~164-183), expected values by hand.
    [InlineData("<think>t</think><d>yes</d><answer> a ship </answer>", "yes", "a ship")]
    [InlineData("<think>t</think><d> yes\n</d><answer>a ship</answer>", "yes", "a ship")]        // stripped
    [InlineData("<think>t</think><d>Yes</d><answer>a ship</answer>", "no", "a ship")]             // case-sensitive
    [InlineData("<think>t</think>< d >yes</ d ><answer>a ship</answer>", "no", "a ship")]         // raw: no <d> tag
    [InlineData("<think>say <d></d> then</think><d>yes</d><answer>a ship</answer>", "no", "a ship")] // first <d> anywhere
    [InlineData("<think>t</think><d>maybe</d><answer>a ship</answer>", "no", "a ship")]
    [InlineData("<think>t</think><d>yes</d>", "yes", "tracking the object")]                     // missing answer
    [InlineData("", "no", "tracking the object")]
    [InlineData("<answer>a\nship</answer><answer>b</answer>", "no", "a\nship")]                   // first answer, dot matches newline
    [InlineData("<d>no</d><answer>\u001fa ship\u001c</answer>", "no", "a ship")]                   // Python's strip() includes U+001C..U+001F
    public void Reads_the_raw_reply_as_released(string reply, string d, string answer) =>
        ReasoningTrackJudge.ReadReply(reply).ShouldBe((d, answer));

    [Fact]
    public async Task Every_reply_is_judged_even_without_tags()
    {
        var localizer = new TableLocalizer(new() { ["tracking the object"] = new Box(0, 0, 100, 100), ["boat"] = new Box(0, 0, 50, 100) });
        var j = await ReasoningTrackJudge.JudgeAsync(localizer, "I see a boat.", "boat", null, null, "f2.jpg", Gt, TestContext.Current.CancellationToken);
        localizer.Asked.Select(a => a.Description).ShouldBe(["tracking the object", "boat"]);
        (j.Iou, j.IouOriginal, j.Judge).ShouldBe(((double?)1.0, (double?)0.5, 0)); // d = no, and 0.5 < 1
    }
}
