using ReasonTrack.Geometry;
using ReasonTrack.Training.Rewards;

namespace ReasonTrack.Tests.Training.Rewards;

/// <summary>
/// R1-Track's rewards at their boundaries. Every expected value is worked out by hand in the comments from the seed
/// facts' formulas, against the ground truth [0, 0, 100, 100] (area 10000).
/// </summary>
public class R1TrackRewardTests
{
    private static readonly BoxXyxy Gt = new(0, 0, 100, 100);

    // A well-formed think reply around an answer.
    private static string ThinkReply(string answer) => $"<think>The target is the same car.</think>\n<answer>{answer}</answer>";

    public static TheoryData<string, double, double> GiouBoundaries => new()
    {
        // reply, GIoU by hand, shaped r by hand
        // Touching on the right edge: intersection 0, union 20000, hull 200x100 = 20000: g = 0 - 0 = 0 -> "else g" = 0.
        { "[100, 0, 200, 100]", 0, 0 },
        // 10 px gap: union 20000, hull 210x100 = 21000: g = 0 - 1000/21000 = -1/21; negative g passes through.
        { "[110, 0, 210, 100]", -1.0 / 21, -1.0 / 21 },
        // Inside, 100x1: iou = 100/10000 = 0.01, hull = gt so no penalty: g = 0.01 in (0, 0.4) -> 0.
        { "[0, 0, 100, 1]", 0.01, 0 },
        // 100x39 inside: g = 3900/10000 = 0.39 -> 0.
        { "[0, 0, 100, 39]", 0.39, 0 },
        // 100x40: g = 0.4 exactly, not < 0.4 -> g = 0.4.
        { "[0, 0, 100, 40]", 0.4, 0.4 },
        { "[0, 0, 100, 41]", 0.41, 0.41 },
        { "[0, 0, 100, 74]", 0.74, 0.74 },
        // 0.75 is not > 0.75 -> g.
        { "[0, 0, 100, 75]", 0.75, 0.75 },
        // 0.76 in (0.75, 0.95) -> 0.76 + 0.2 = 0.96.
        { "[0, 0, 100, 76]", 0.76, 0.96 },
        { "[0, 0, 100, 94]", 0.94, 1.14 },
        // 0.95 >= 0.95 -> 0.95 + 0.5 = 1.45.
        { "[0, 0, 100, 95]", 0.95, 1.45 },
        { "[0, 0, 100, 96]", 0.96, 1.46 },
        { "[0, 0, 100, 100]", 1, 1.5 },
        // Trailing whitespace: json.loads accepts it. 100x50: 0.5 -> 0.5.
        { "[0, 0, 100, 50]\n", 0.5, 0.5 },
    };

    [Theory]
    [MemberData(nameof(GiouBoundaries))]
    public void No_think_reward_is_the_shaped_giou(string reply, double giou, double shaped)
    {
        var s = R1TrackReward.NoThink(reply, Gt);
        s.Gate.ShouldBe(R1TrackGate.None);
        s.Giou!.Value.ShouldBe(giou, 1e-12);
        s.Overall.ShouldBe(shaped, 1e-12);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(1e-9, 0.0)]
    [InlineData(0.3999999, 0.0)]
    [InlineData(0.4, 0.4)]
    [InlineData(0.75, 0.75)]
    [InlineData(0.7500001, 0.9500001)]
    [InlineData(0.9499999, 1.1499999)]
    [InlineData(0.95, 1.45)]
    [InlineData(-0.3, -0.3)]
    public void Shaping_bands(double g, double expected) => R1TrackReward.ShapeGiou(g).ShouldBe(expected, 1e-12);

    [Theory]
    [InlineData("")]
    [InlineData("I think it is at the top left")]
    [InlineData("```json\n[0, 0, 100, 40]\n```")] // the released rule reads the whole reply as JSON: a fence is not JSON
    [InlineData("[0, 0, 100]")]
    [InlineData("[0, 0, 100, \"40\"]")]
    [InlineData("The box is [0, 0, 100, 40].")]
    public void Unparseable_no_think_replies_score_minus_one(string reply)
    {
        var s = R1TrackReward.NoThink(reply, Gt);
        s.Overall.ShouldBe(-1);
        s.Gate.ShouldBe(R1TrackGate.Unparseable);
    }

    public static TheoryData<int, double> LengthBoundaries => new()
    {
        // Answer 100x75 -> g = 0.75 -> r = 0.75; format = 1.
        // L = 127 < 128: gated.
        { 127, -1 },
        // L = 128: r + 0.05*1 + 0.1*0 = 0.80.
        { 128, 0.80 },
        // L = 448 is not > 448: length 0 -> 0.80.
        { 448, 0.80 },
        // L = 449: length = (448 - 449)/64 = -1/64 -> 0.80 - 0.1/64 = 0.7984375.
        { 449, 0.7984375 },
        // L = 512: length = -64/64 = -1 -> 0.80 - 0.1 = 0.70.
        { 512, 0.70 },
    };

    [Theory]
    [MemberData(nameof(LengthBoundaries))]
    public void Think_reward_at_the_length_boundaries(int tokens, double expected)
    {
        var s = R1TrackReward.Think(ThinkReply("[0, 0, 100, 75]"), Gt, ResponseLength.FromInput(tokens));
        s.Overall.ShouldBe(expected, 1e-12);
        s.Gate.ShouldBe(tokens < 128 ? R1TrackGate.TooShort : R1TrackGate.None);
        if (tokens >= 128)
        {
            s.Format.ShouldBe(1);
            s.Length!.Value.ShouldBe(tokens > 448 ? (448 - tokens) / 64.0 : 0, 1e-15);
        }
    }

    public static TheoryData<string, bool> FormatCases => new()
    {
        { "<think>a</think><answer>[1,2,3,4]</answer>", true },
        // Newlines inside and between sections: dot matches newline.
        { "<think>line one\nline two</think>\n<answer>\n[1,2,3,4]\n</answer>", true },
        // Free text between </think> and <answer> is allowed.
        { "<think>a</think> so the box is <answer>[1,2,3,4]</answer>", true },
        // Nested think: the first section may not contain <think>.
        { "<think>a<think>b</think></think><answer>[1,2,3,4]</answer>", false },
        // A second think section after the first.
        { "<think>a</think><think>b</think><answer>[1,2,3,4]</answer>", false },
        // Two answers: the middle section may not contain <answer>.
        { "<think>a</think><answer>[0,0,1,1]</answer><answer>[1,2,3,4]</answer>", false },
        // Trailing text after </answer>.
        { "<think>a</think><answer>[1,2,3,4]</answer> done", false },
        // A newline at the end: fullmatch must consume it and '$' cannot.
        { "<think>a</think><answer>[1,2,3,4]</answer>\n", false },
        // Leading whitespace before <think>.
        { " <think>a</think><answer>[1,2,3,4]</answer>", false },
        // Missing think, missing answer, unclosed answer.
        { "<answer>[1,2,3,4]</answer>", false },
        { "<think>a</think>[1,2,3,4]", false },
        { "<think>a</think><answer>[1,2,3,4]", false },
        // Tag case matters.
        { "<Think>a</Think><answer>[1,2,3,4]</answer>", false },
    };

    [Theory]
    [MemberData(nameof(FormatCases))]
    public void Format_is_a_fullmatch_with_dot_matching_newline(string reply, bool matches)
    {
        R1TrackReward.MatchesFormat(reply).ShouldBe(matches);
        var s = R1TrackReward.Think(reply, Gt, ResponseLength.FromInput(200));
        if (matches) s.Format.ShouldBe(1);
        else
        {
            s.Overall.ShouldBe(-1);
            s.Gate.ShouldBe(R1TrackGate.Format);
            s.Format.ShouldBe(0);
        }
    }

    [Fact]
    public void Think_gates_come_in_order_empty_format_length()
    {
        R1TrackReward.Think("", Gt, ResponseLength.FromInput(300)).Gate.ShouldBe(R1TrackGate.Empty);
        // Released `not predict_str` is true only for the empty string: whitespace goes on to the format check.
        R1TrackReward.Think("  \n ", Gt, ResponseLength.FromInput(300)).Gate.ShouldBe(R1TrackGate.Format);
        R1TrackReward.Think(null, Gt, ResponseLength.FromInput(300)).Gate.ShouldBe(R1TrackGate.Empty);
        // Bad format and too short: the format gate is reported.
        R1TrackReward.Think("[0, 0, 100, 75]", Gt, ResponseLength.FromInput(5)).Gate.ShouldBe(R1TrackGate.Format);
    }

    [Fact]
    public void A_well_formed_reply_with_an_unreadable_answer_has_r_minus_one_plus_the_terms()
    {
        // r = -1, format 1, L = 200 (no length term): -1 + 0.05 = -0.95.
        var s = R1TrackReward.Think(ThinkReply("[0, 0, 100]"), Gt, ResponseLength.FromInput(200));
        s.Overall.ShouldBe(-0.95, 1e-12);
        s.Gate.ShouldBe(R1TrackGate.Unparseable);
        s.Shaped.ShouldBe(-1);
        // And with 512 tokens: -1 + 0.05 - 0.1 = -1.05.
        R1TrackReward.Think(ThinkReply("[0, 0, 100, \"x\"]"), Gt, ResponseLength.FromInput(512)).Overall.ShouldBe(-1.05, 1e-12);
    }

    [Theory]
    [InlineData("the car", 200)]
    [InlineData("the car", 512)]
    [InlineData("", 300)]                     // json.loads("") raises
    [InlineData("[0, 0, 100, 50", 600)]       // cut off
    [InlineData("```json\n[0, 0, 100, 50]\n```", 300)]
    public void A_well_formed_reply_whose_answer_is_not_json_is_a_flat_minus_one(string answer, int tokens)
    {
        // Released track.py lines 62-66: json.loads fails -> {"overall": -1.0, "format": 0.0, ...}, whatever the length.
        var s = R1TrackReward.Think(ThinkReply(answer), Gt, ResponseLength.FromInput(tokens));
        s.Overall.ShouldBe(-1);
        s.Gate.ShouldBe(R1TrackGate.AnswerNotJson);
        s.Format.ShouldBe(0);
    }

    [Theory]
    // 100x50 inside the ground truth: g = 5000/10000 = 0.5 -> r = 0.5; calculate_giou reads elements 0..3 only.
    [InlineData("[0, 0, 100, 50, 7]", 0.5)]
    [InlineData("[0, 0, 100, 50, \"car\", null]", 0.5)]
    // JSON false is Python's False, an int 0.
    [InlineData("[false, false, 100, 50]", 0.5)]
    public void No_think_scores_a_longer_list_on_its_first_four(string reply, double expected)
    {
        var s = R1TrackReward.NoThink(reply, Gt);
        s.Gate.ShouldBe(R1TrackGate.None);
        s.Overall.ShouldBe(expected, 1e-12);
        s.Box.ShouldBe(new BoxXyxy(0, 0, 100, 50));
    }

    [Fact]
    public void Think_scores_a_longer_list_on_its_first_four()
    {
        // 100x95 -> g = 0.95 -> r = 1.45; + 0.05*1 at L = 300 -> 1.50.
        R1TrackReward.Think(ThinkReply("[0, 0, 100, 95, 1, 2]"), Gt, ResponseLength.FromInput(300)).Overall.ShouldBe(1.5, 1e-12);
    }

    public static TheoryData<string, double, double> SwappedCorners => new()
    {
        // Released calculate_giou, by hand, against gt [0, 0, 100, 100] (area +10000):
        // [100, 100, 0, 0]: inter x: max(100,0)=100 .. min(0,100)=0 -> 0; area1 = (0-100)*(0-100) = +10000;
        //   union = 10000 + 10000 - 0 = 20000; iou = 0; hull x min(100,0)=0 .. max(0,100)=100, y same: 10000;
        //   g = 0 - (10000 - 20000)/10000 = +1 -> g >= 0.95 -> 1.5.
        { "[100, 100, 0, 0]", 1, 1.5 },
        // [50, 0, 0, 100]: inter 0; area1 = (0-50)*100 = -5000; union = 5000; iou 0; hull 100x100 = 10000;
        //   g = 0 - (10000 - 5000)/10000 = -0.5 (passes through).
        { "[50, 0, 0, 100]", -0.5, -0.5 },
        // [100, 0, 0, 100]: area1 = -10000, union = 0 -> iou 0; hull 10000; g = 0 - 10000/10000 = -1.
        { "[100, 0, 0, 100]", -1, -1 },
        // [60, 20, 40, 80] (x swapped, inside): inter 0; area1 = -20*60 = -1200; union = 8800; hull 10000;
        //   g = -(10000 - 8800)/10000 = -0.12.
        { "[60, 20, 40, 80]", -0.12, -0.12 },
    };

    [Theory]
    [MemberData(nameof(SwappedCorners))]
    public void Swapped_corners_use_signed_areas_as_released(string reply, double giou, double shaped)
    {
        var s = R1TrackReward.NoThink(reply, Gt);
        s.Giou!.Value.ShouldBe(giou, 1e-12);
        s.Overall.ShouldBe(shaped, 1e-12);
        // Think: the same r plus 0.05 (format) at L = 300.
        R1TrackReward.Think(ThinkReply(reply), Gt, ResponseLength.FromInput(300)).Overall.ShouldBe(shaped + 0.05, 1e-12);
    }

    [Fact]
    public void A_zero_area_hull_takes_the_minus_one_branch()
    {
        // gt and answer the same point: union 0 -> iou 0, hull 0 -> ZeroDivisionError -> giou = -1.
        var point = new BoxXyxy(10, 10, 10, 10);
        R1TrackReward.NoThink("[10, 10, 10, 10]", point).Overall.ShouldBe(-1);
        // Think: r = -1 + 0.05 at L = 300.
        R1TrackReward.Think(ThinkReply("[10, 10, 10, 10]"), point, ResponseLength.FromInput(300)).Overall.ShouldBe(-0.95, 1e-12);
    }

    [Fact]
    public void Think_answer_is_scored_with_the_same_shaping()
    {
        // 100x95 -> g = 0.95 -> r = 1.45; + 0.05 = 1.50 at L = 300.
        R1TrackReward.Think(ThinkReply(" [0, 0, 100, 95] "), Gt, ResponseLength.FromInput(300)).Overall.ShouldBe(1.5, 1e-12);
    }

    [Theory]
    // Counted by hand with the Qwen2 pre-tokenizer split:
    [InlineData("", 0)]
    [InlineData("Hello world", 2)]          // "Hello", " world"
    [InlineData("<think>", 2)]              // "<think", ">"
    [InlineData("123", 3)]                  // digits are split one by one
    [InlineData("a\n\nb", 3)]               // "a", "\n\n", "b"
    [InlineData("don't stop", 3)]           // "don", "'t", " stop"
    // "[", "1", "2", ",", " ", "5", "]": a space before a digit is its own piece (" ?[^\s\p{L}\p{N}]+" needs
    // punctuation after it, "\s+(?!\S)" fails before a non-space, "\s+" takes it).
    [InlineData("[12, 5]", 7)]
    public void Token_estimate_counts_pre_tokenizer_pieces(string text, int pieces)
    {
        var e = ResponseLength.Estimate(text);
        e.Tokens.ShouldBe(pieces);
        e.Estimated.ShouldBeTrue();
    }
}
