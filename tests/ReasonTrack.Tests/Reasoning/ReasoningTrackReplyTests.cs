using ReasonTrack.Reasoning.Parsing;

namespace ReasonTrack.Tests.Reasoning;

public class ReasoningTrackReplyTests
{
    private const string Initial = "the red car";

    // reply, mode, expected decision for Initial, expected outcome, an issue that must be reported (or null)
    public static TheoryData<string?, ReplyParsing, string, ParseOutcome, ParseIssue?> Cases => new()
    {
        { "<think>moved</think><d>yes</d><answer>the red car turning left</answer>", ReplyParsing.Tolerant, "the red car turning left", ParseOutcome.Ok, null },
        { "<think>t</think>  \n<d> yes </d>\n\n<answer>  the red car turning left \n</answer>", ReplyParsing.Released, "the red car turning left", ParseOutcome.Ok, null },
        { "<think>t</think><d>no</d><answer>something else</answer>", ReplyParsing.Tolerant, Initial, ParseOutcome.Ok, null },
        { "<think>t</think><d>yes</d><answer>tracking the object</answer>", ReplyParsing.Tolerant, Initial, ParseOutcome.Repaired, ParseIssue.AnswerEmpty },
        { null, ReplyParsing.Tolerant, Initial, ParseOutcome.Fallback, ParseIssue.Empty },
        { "   \n ", ReplyParsing.Released, Initial, ParseOutcome.Fallback, ParseIssue.Empty },
        { "<think>t</think><answer>a blue car</answer>", ReplyParsing.Tolerant, Initial, ParseOutcome.Fallback, ParseIssue.TagMissing },
        { "<think>t</think><d>yes</d>", ReplyParsing.Tolerant, Initial, ParseOutcome.Fallback, ParseIssue.TagMissing },
        // Case and spacing variants: the released parser misses them, the tolerant one reads them.
        { "<think>t</think><D>Yes</D><Answer>a blue car</Answer>", ReplyParsing.Released, Initial, ParseOutcome.Fallback, ParseIssue.TagMissing },
        { "<think>t</think><D>Yes</D><Answer>a blue car</Answer>", ReplyParsing.Tolerant, "a blue car", ParseOutcome.Repaired, ParseIssue.TagVariant },
        { "<think>t</think>< d >yes</ d ><answer>a blue car</answer>", ReplyParsing.Tolerant, "a blue car", ParseOutcome.Repaired, ParseIssue.TagVariant },
        { "<think>t</think><d>Yes.</d><answer>a blue car</answer>", ReplyParsing.Released, Initial, ParseOutcome.Repaired, ParseIssue.DecisionNotYesNo },
        { "<think>t</think><d>Yes.</d><answer>a blue car</answer>", ReplyParsing.Tolerant, "a blue car", ParseOutcome.Repaired, ParseIssue.DecisionNotYesNo },
        // Order and repetition: the first match of each tag anywhere, as released.
        { "<answer>a blue car</answer><d>yes</d><think>t</think>", ReplyParsing.Released, "a blue car", ParseOutcome.Repaired, ParseIssue.TagOrder },
        { "<think>t</think><d>yes</d><answer>first</answer><d>no</d><answer>second</answer>", ReplyParsing.Tolerant, "first", ParseOutcome.Repaired, ParseIssue.TagRepeated },
        // Cut off by the token limit.
        { "<think>the car turned and", ReplyParsing.Tolerant, Initial, ParseOutcome.Fallback, ParseIssue.TagMissing },
        { "<think>t</think><d>yes</d><answer>the red car now partly hid", ReplyParsing.Tolerant, Initial, ParseOutcome.Fallback, ParseIssue.TagUnterminated },
        { "<think>t</think><d>yes</d><answer></answer>", ReplyParsing.Released, "", ParseOutcome.Ok, null },
        { "<think>t</think><d>yes</d><answer></answer>", ReplyParsing.Tolerant, Initial, ParseOutcome.Fallback, ParseIssue.AnswerEmpty },
        // Non-ASCII text survives untouched.
        { "<think>目标向左移动</think><d>yes</d><answer>红色汽车 — á gauche</answer>", ReplyParsing.Tolerant, "红色汽车 — á gauche", ParseOutcome.Ok, null },
        { "Sure! Here it is: <think>x</think><d>yes</d><answer>a car</answer> Hope this helps.", ReplyParsing.Released, "a car", ParseOutcome.Ok, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Replies_are_read_and_reported(string? reply, ReplyParsing mode, string decision, ParseOutcome outcome, ParseIssue? issue)
    {
        var r = ReasoningTrackReply.Parse(reply, mode);
        r.Decision(Initial).ShouldBe(decision);
        r.Report.Outcome.ShouldBe(outcome, r.Report.ToString());
        if (issue is { } i) r.Report.Has(i).ShouldBeTrue(r.Report.ToString());
        else r.Report.Issues.ShouldBeEmpty();
    }

    [Fact]
    public void Missing_tags_take_the_released_defaults()
    {
        var r = ReasoningTrackReply.Parse("I cannot tell.", ReplyParsing.Released);
        r.Think.ShouldBe("no thinking");
        r.D.ShouldBe("no");
        r.Answer.ShouldBe("tracking the object");
    }

    [Fact]
    public void A_d_tag_mentioned_in_the_reasoning_is_the_one_read()
    {
        var r = ReasoningTrackReply.Parse("<think>so the answer is <d>no</d> and keep it</think><d>yes</d><answer>a blue car</answer>");
        r.D.ShouldBe("no");
        r.Decision(Initial).ShouldBe(Initial);
    }
}
