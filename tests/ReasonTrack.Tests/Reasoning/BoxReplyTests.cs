using ReasonTrack.Geometry;
using ReasonTrack.Reasoning.Parsing;

namespace ReasonTrack.Tests.Reasoning;

public class BoxReplyTests
{
    public static TheoryData<string?, bool, ReplyParsing, double[]?, ParseIssue?> R1Cases => new()
    {
        { "[10, 20, 110, 220]", false, ReplyParsing.Released, [10, 20, 110, 220], null },
        { " [10.5,20,110,220]\n", false, ReplyParsing.Released, [10.5, 20, 110, 220], null },
        { "```json\n[10, 20, 110, 220]\n```", false, ReplyParsing.Released, null, ParseIssue.JsonInvalid },
        { "```json\n[10, 20, 110, 220]\n```", false, ReplyParsing.Tolerant, [10, 20, 110, 220], ParseIssue.CodeFence },
        { "The target is at [10, 20, 110, 220].", false, ReplyParsing.Tolerant, [10, 20, 110, 220], ParseIssue.TrailingText },
        { "[10, 20, 110]", false, ReplyParsing.Tolerant, null, ParseIssue.WrongCount },
        { "[10, 20, 110, 220, 5]", false, ReplyParsing.Released, null, ParseIssue.WrongCount },
        { "[\"a\", 20, 110, 220]", false, ReplyParsing.Tolerant, null, ParseIssue.NotNumbers },
        { "", false, ReplyParsing.Tolerant, null, ParseIssue.Empty },
        { "[10, 20, 11", false, ReplyParsing.Tolerant, null, ParseIssue.JsonUnterminated },
        { "[{\"bbox_2d\": [10, 20, 110, 220], \"label\": \"car\"}]", false, ReplyParsing.Tolerant, [10, 20, 110, 220], ParseIssue.ShapeVariant },
        { "<think>look</think>\n<answer>[10, 20, 110, 220]</answer>", true, ReplyParsing.Released, [10, 20, 110, 220], null },
        { "<think>多行\n推理</think> <answer>[1,2,3,4]</answer>", true, ReplyParsing.Released, [1, 2, 3, 4], null },
        // fullmatch: anything after </answer> (even one newline) fails the released format.
        { "<think>look</think><answer>[10, 20, 110, 220]</answer>\n", true, ReplyParsing.Released, null, ParseIssue.FormatMismatch },
        { "<think>look</think><answer>[10, 20, 110, 220]</answer>\n", true, ReplyParsing.Tolerant, [10, 20, 110, 220], ParseIssue.FormatMismatch },
        { "<think>look</think><answer></answer>", true, ReplyParsing.Released, null, ParseIssue.Empty },
        { "<think>look</think><Answer>[1, 2, 3, 4]</Answer>", true, ReplyParsing.Tolerant, [1, 2, 3, 4], ParseIssue.FormatMismatch },
        { "<think>look</think><answer>[1, 2, 3, 4]", true, ReplyParsing.Tolerant, [1, 2, 3, 4], ParseIssue.FormatMismatch },
        { "<think>look and look", true, ReplyParsing.Tolerant, null, ParseIssue.NoJson },
        { "[10, 20, 110, 220]", true, ReplyParsing.Released, null, ParseIssue.FormatMismatch },
    };

    [Theory]
    [MemberData(nameof(R1Cases))]
    public void R1Track_replies(string? reply, bool think, ReplyParsing mode, double[]? box, ParseIssue? issue)
    {
        var r = R1TrackReply.Parse(reply, think, mode);
        if (box is null) r.Box.ShouldBeNull(r.Report.ToString());
        else r.Box.ShouldBe(new BoxXyxy(box[0], box[1], box[2], box[3]), r.Report.ToString());
        r.Report.Outcome.ShouldBe(box is null ? ParseOutcome.Fallback : issue is null ? ParseOutcome.Ok : ParseOutcome.Repaired, r.Report.ToString());
        if (issue is { } i) r.Report.Has(i).ShouldBeTrue(r.Report.ToString());
    }

    public static TheoryData<string?, double[]?, string?, ParseIssue?> GroundingCases => new()
    {
        { "```json\n[{\"bbox_2d\": [10, 20, 110, 220], \"label\": \"the wooden ship\"}]\n```", [10, 20, 110, 220], "the wooden ship", ParseIssue.CodeFence },
        { "[{\"bbox_2d\": [10, 20, 110, 220], \"label\": \"ship\"}]", [10, 20, 110, 220], "ship", null },
        { "{\"bbox_2d\": [10, 20, 110, 220], \"label\": \"ship\"}", [10, 20, 110, 220], "ship", ParseIssue.ShapeVariant },
        { "Here: [{\"bbox_2d\": [10, 20, 110, 220], \"label\": \"a [big] ship\"}] done", [10, 20, 110, 220], "a [big] ship", ParseIssue.TrailingText },
        { "[{\"bbox_2d\": [110, 220, 10, 20], \"label\": \"ship\"}]", [10, 20, 110, 220], "ship", ParseIssue.Swapped },
        { "[{\"bbox_2d\": [1, 2, 3], \"label\": \"x\"}, {\"bbox_2d\": [10, 20, 110, 220], \"label\": \"ship\"}]", [10, 20, 110, 220], "ship", ParseIssue.WrongCount },
        { "```json\n[{\"bbox_2d\": [10, 20, 110, 220], \"label\": \"ship\"}, {\"bbox_2d\": [5, 6", [10, 20, 110, 220], null, ParseIssue.JsonUnterminated },
        { "[{\"bbox_2d\": [10, 2", null, null, ParseIssue.JsonUnterminated },
        { "I see no ship.", null, null, ParseIssue.NoJson },
        { "", null, null, ParseIssue.Empty },
        { "[{\"label\": \"ship\"}]", null, null, ParseIssue.TagMissing },
        { "[{\"bbox_2d\": [10, 20, 110, 220], \"label\": \"船 — navire\"}]", [10, 20, 110, 220], "船 — navire", null },
    };

    [Theory]
    [MemberData(nameof(GroundingCases))]
    public void Grounding_replies(string? reply, double[]? box, string? label, ParseIssue? issue)
    {
        var r = GroundingReply.Parse(reply);
        if (box is null) r.First.ShouldBeNull(r.Report.ToString());
        else
        {
            r.First.ShouldNotBeNull(r.Report.ToString());
            r.First.Value.Box.ShouldBe(new BoxXyxy(box[0], box[1], box[2], box[3]));
            r.First.Value.Label.ShouldBe(label);
        }
        if (box is null) r.Report.Outcome.ShouldBe(ParseOutcome.Fallback);
        if (issue is { } i) r.Report.Has(i).ShouldBeTrue(r.Report.ToString());
        else r.Report.Outcome.ShouldBe(ParseOutcome.Ok, r.Report.ToString());
    }

    private static readonly ImageSize Frame = new(640, 480);

    public static TheoryData<string?, ReplyParsing, double[]?, bool?, ParseIssue?> VpCases => new()
    {
        { "```json\n{\n  \"visible\": \"yes\", \n  \"bbox\":[10, 20, 110, 220]\n}\n```", ReplyParsing.Released, [10, 20, 110, 220], true, null },
        { "```json\n{\"visible\": \"no\", \"bbox\": [10, 20, 110, 220]}\n```", ReplyParsing.Released, null, false, ParseIssue.NotVisible },
        { "```json\n{\"visible\": \"No\", \"bbox\": [10, 20, 110, 220]}\n```", ReplyParsing.Tolerant, null, false, ParseIssue.NotVisible },
        { "```json\n{\"visible\": \"yes\", \"bbox\": [10, 20, 110, 220]}\n``` and ```json\n{\"visible\": \"yes\", \"bbox\": [1, 2, 3, 4]}\n```", ReplyParsing.Released, [10, 20, 110, 220], true, null },
        { "```json\n{\"visible\": \"yes\", \"bbox\": [-1, 20, 110, 220]}\n```", ReplyParsing.Released, null, true, ParseIssue.OutOfRange },
        { "```json\n{\"visible\": \"yes\", \"bbox\": [-1, 20, 110, 220]}\n```", ReplyParsing.Tolerant, [0, 20, 110, 220], true, ParseIssue.OutOfRange },
        { "```json\n{\"visible\": \"yes\", \"bbox\": [10, 20, 641, 220]}\n```", ReplyParsing.Released, null, true, ParseIssue.OutOfRange },
        { "```json\n{\"visible\": \"yes\", \"bbox\": [10, 20, 640, 480]}\n```", ReplyParsing.Released, [10, 20, 640, 480], true, null },
        { "```json\n{\"visible\": \"yes\", \"bbox\": [110, 20, 10, 220]}\n```", ReplyParsing.Released, null, true, ParseIssue.Swapped },
        { "```json\n{\"visible\": \"yes\", \"bbox\": [110, 20, 10, 220]}\n```", ReplyParsing.Tolerant, [10, 20, 110, 220], true, ParseIssue.Swapped },
        { "```json\n{\"visible\": \"yes\", \"bbox\": [700, 500, 800, 600]}\n```", ReplyParsing.Tolerant, null, true, ParseIssue.OutOfRange },
        { "{\"visible\": \"yes\", \"bbox\": [10, 20, 110, 220]} is my answer", ReplyParsing.Released, null, null, ParseIssue.NoJson },
        { "{\"visible\": \"yes\", \"bbox\": [10, 20, 110, 220]} is my answer", ReplyParsing.Tolerant, [10, 20, 110, 220], true, ParseIssue.TrailingText },
        { "```json\n{\"visible\": \"yes\", \"bbox\": [10, 20, 110]}\n```", ReplyParsing.Tolerant, null, true, ParseIssue.WrongCount },
        { "```json\n{\"visible\": \"yes\", \"bbox\": [10, 20, 110, 220]", ReplyParsing.Tolerant, [10, 20, 110, 220], null, ParseIssue.JsonUnterminated },
        { "```json\n{\"visible\": \"yes\", \"bbox\": [10, 2", ReplyParsing.Tolerant, null, null, ParseIssue.JsonUnterminated },
        { "```json\n{\"visible\": \"yes\", \"bbox\": [10, 20, 110, 220]", ReplyParsing.Released, null, null, ParseIssue.NoJson },
        { "", ReplyParsing.Tolerant, null, null, ParseIssue.Empty },
        { "```json\n{\"visible\": \"是\", \"bbox\": [10, 20, 110, 220]}\n```", ReplyParsing.Tolerant, [10, 20, 110, 220], null, ParseIssue.DecisionNotYesNo },
        // Issue 11 item 7, released (VPTracker evaluation/infer_tracking_qwen_vlt_crop_absent.py ~120-143): answer["visible"]
        // and answer["bbox"] are read first, so a missing key of either is a failure (previous box kept), even with "no".
        { "```json\n{\"bbox\": [10, 20, 110, 220]}\n```", ReplyParsing.Released, null, null, ParseIssue.TagMissing },
        { "```json\n{\"visible\": \"no\"}\n```", ReplyParsing.Released, null, null, ParseIssue.TagMissing },
        { "```json\n{\"bbox\": [10, 20, 110, 220]}\n```", ReplyParsing.Tolerant, [10, 20, 110, 220], null, ParseIssue.CodeFence },
        // A bbox given as a JSON string is json.loads-ed and read; one that is not JSON is a failure.
        { "```json\n{\"visible\": \"yes\", \"bbox\": \"[10, 20, 110, 220]\"}\n```", ReplyParsing.Released, [10, 20, 110, 220], true, ParseIssue.ShapeVariant },
        { "```json\n{\"visible\": \"yes\", \"bbox\": \"[10, 20, 641, 220]\"}\n```", ReplyParsing.Released, null, true, ParseIssue.OutOfRange },
        { "```json\n{\"visible\": \"yes\", \"bbox\": \"10, 20, 110, 220\"}\n```", ReplyParsing.Released, null, true, ParseIssue.JsonInvalid },
        { "```json\n{\"visible\": \"no\", \"bbox\": \"not json\"}\n```", ReplyParsing.Released, null, false, ParseIssue.NotVisible },
        // Only the exact string "no" means not visible: "No", false and null count as visible.
        { "```json\n{\"visible\": \"No\", \"bbox\": [10, 20, 110, 220]}\n```", ReplyParsing.Released, [10, 20, 110, 220], true, null },
        { "```json\n{\"visible\": false, \"bbox\": [10, 20, 110, 220]}\n```", ReplyParsing.Released, [10, 20, 110, 220], true, null },
        { "```json\n{\"visible\": null, \"bbox\": [10, 20, 110, 220]}\n```", ReplyParsing.Released, [10, 20, 110, 220], true, null },
        // A repeated key: Python's json.loads keeps the last one.
        { "```json\n{\"visible\": \"no\", \"visible\": \"yes\", \"bbox\": [10, 20, 110, 220]}\n```", ReplyParsing.Released, [10, 20, 110, 220], true, null },
        // A list at the top (answer["visible"] on a list raises) and a bbox of the wrong length fail.
        { "```json\n[{\"visible\": \"yes\", \"bbox\": [10, 20, 110, 220]}]\n```", ReplyParsing.Released, null, null, ParseIssue.JsonInvalid },
        { "```json\n{\"visible\": \"yes\", \"bbox\": [10, 20, 110, 220, 5]}\n```", ReplyParsing.Released, null, true, ParseIssue.WrongCount },
    };

    [Theory]
    [MemberData(nameof(VpCases))]
    public void VpTracker_replies(string? reply, ReplyParsing mode, double[]? box, bool? visible, ParseIssue? issue)
    {
        var r = VpTrackerReply.Parse(reply, Frame, mode);
        var previous = new Box(1, 2, 3, 4);
        if (box is null)
        {
            r.Box.ShouldBeNull(r.Report.ToString());
            r.NextBox(previous).ShouldBe(previous);
            r.Report.Outcome.ShouldBe(ParseOutcome.Fallback);
        }
        else
        {
            r.Box.ShouldBe(new BoxXyxy(box[0], box[1], box[2], box[3]), r.Report.ToString());
            r.NextBox(previous).ShouldBe(Box.FromXyxy(box[0], box[1], box[2], box[3]));
        }
        r.Visible.ShouldBe(visible);
        if (issue is { } i) r.Report.Has(i).ShouldBeTrue(r.Report.ToString());
        else r.Report.Outcome.ShouldBe(ParseOutcome.Ok, r.Report.ToString());
    }
}
