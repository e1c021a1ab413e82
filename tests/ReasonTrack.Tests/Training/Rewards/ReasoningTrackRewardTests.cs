using ReasonTrack.Reasoning.Parsing;
using ReasonTrack.Training.Rewards;

namespace ReasonTrack.Tests.Training.Rewards;

/// <summary>ReasoningTrack's text rewards, shaped IoU and overall weights on hand-made replies (expected values by hand).</summary>
public class ReasoningTrackRewardTests
{
    [Theory]
    // Whitespace around '<', '>' and '/' goes, wherever it is (descriptions included).
    [InlineData(" < think > a / b </ think >\n", "<think>a/b</think>")]
    [InlineData("<think>x</think>\n\n<d> yes </d>  \n<answer> red car </answer>", "<think>x</think><d>yes</d><answer>red car</answer>")]
    [InlineData("no tags here", "no tags here")]
    public void Normalisation_removes_whitespace_around_brackets_and_slashes(string reply, string expected) =>
        ReasoningTrackReward.Normalize(reply).ShouldBe(expected);

    public static TheoryData<string, int, int, string?> TextCases => new()
    {
        // reply, format, strict, decision read by the strict pattern
        { "<think>t</think><d>yes</d><answer>a red car</answer>", 1, 1, "yes" },
        // Spaces and newlines between tags, d padded and capitalised: normalised, then trimmed and lower-cased.
        { "<think>t\nmore</think>\n<d> Yes </d> \n<answer>car</answer>", 1, 1, "yes" },
        { "<think>t</think><d>NO</d><answer>car</answer>", 1, 1, "no" },
        // Any order satisfies format but not strict.
        { "<answer>car</answer><d>no</d><think>t</think>", 1, 0, null },
        // A d before the think section: strict needs it after </think>.
        { "<d>yes</d><think>t</think><answer>car</answer>", 1, 0, null },
        // d not yes/no: format only; the decision is still reported.
        { "<think>t</think><d>maybe</d><answer>car</answer>", 1, 0, "maybe" },
        { "<think>t</think><d>yes.</d><answer>car</answer>", 1, 0, "yes." },
        { "<think>t</think><d></d><answer>car</answer>", 1, 0, "" },
        // A tag missing: neither.
        { "<think>t</think><answer>car</answer>", 0, 0, null },
        { "<think>t</think><d>yes</d><answer>car", 0, 0, null },
        { "", 0, 0, null },
        // Tag spacing inside the brackets is normalised away: "< d >" becomes "<d>".
        { "<think>t</think>< d >no</ d ><answer>car</answer>", 1, 1, "no" },
    };

    [Theory]
    [MemberData(nameof(TextCases))]
    public void Format_and_strict(string reply, int format, int strict, string? decision)
    {
        var s = ReasoningTrackReward.ScoreText(reply);
        s.Format.ShouldBe(format);
        s.Strict.ShouldBe(strict);
        s.Decision.ShouldBe(decision);
    }

    [Fact]
    public void Strict_reads_the_first_d_after_think_where_the_inference_parser_reads_the_first_anywhere()
    {
        const string reply = "<think>I must put yes or no in <d></d>, so: <d>no</d> maybe.</think><d>yes</d> <answer>a car turning left</answer>";
        var reward = ReasoningTrackReward.ScoreText(reply);
        reward.Decision.ShouldBe("yes");
        reward.Strict.ShouldBe(1);
        reward.Answer.ShouldBe("a car turning left");

        var released = ReasoningTrackReply.Parse(reply, ReplyParsing.Released);
        released.D.ShouldBe(""); // the empty <d></d> inside the reasoning
        released.WantsUpdate.ShouldBeFalse();
        released.Decision("a car").ShouldBe("a car");
    }

    [Theory]
    // iou > 0.61 -> iou; otherwise iou/2.
    [InlineData(0.0, 0.0)]
    [InlineData(0.5, 0.25)]
    [InlineData(0.61, 0.305)]
    [InlineData(0.6100001, 0.6100001)]
    [InlineData(0.62, 0.62)]
    [InlineData(1.0, 1.0)]
    public void Shaped_iou(double iou, double expected) => ReasoningTrackReward.ShapeIou(iou).ShouldBe(expected, 1e-15);

    [Theory]
    // 0.1*format + 0.1*strict + 0*iou + 0.15*judge
    [InlineData(1, 1, 0.9, 1, 0.35)]
    [InlineData(1, 1, 0.9, 0, 0.2)]
    [InlineData(1, 0, 0.0, 0, 0.1)]
    [InlineData(0, 0, 1.0, 1, 0.15)]
    [InlineData(0, 0, 0.0, 0, 0.0)]
    public void Overall_weights(int format, int strict, double shapedIou, int judge, double expected) =>
        ReasoningTrackReward.Overall(format, strict, shapedIou, judge).ShouldBe(expected, 1e-15);
}
