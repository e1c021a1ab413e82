using System.Text.Json;
using ReasonTrack.Geometry;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Training.Rewards;

namespace ReasonTrack.Tests.Training.Rewards;

/// <summary>
/// Issue 11 item 15: the judge reward through <see cref="RewardScorer"/> at the boundaries where the released code
/// (<c>ReasoningTrack/Reinforcement Learning/examples/reward_function/track.py</c> <c>compute_score_batch</c> ~284-316
/// and <c>iou_reward_batch</c> ~154-234) differs from what we did before: raw-reply reading, every reply judged, a
/// failed localization zeroing both IoUs, the original description = <c>problem[88:]</c>, box columns split on
/// commas, spaces or tabs. Expected values are computed by hand from the released rules:
/// overall = 0.1*format + 0.1*strict + 0*iou + 0.15*judge; ground truth [0, 0, 100, 100]; a box [0, 0, 100, 100]
/// has IoU 1, [0, 0, 50, 100] IoU 0.5.
/// </summary>
public class ReasoningTrackJudgeReleasedTests
{
    private const string Prefix = "<image><image>response based on the system prompts, the initial language description is ";

    private sealed class TableLocalizer(Dictionary<string, Box?> boxes) : ITargetLocalizer
    {
        public List<string> Asked { get; } = [];

        public Task<TargetLocation> LocateAsync(TargetLocalizationRequest request, CancellationToken cancellationToken = default)
        {
            Asked.Add(request.Description);
            return Task.FromResult(new TargetLocation(boxes.TryGetValue(request.Description, out var b) ? b : null));
        }
    }

    private static readonly Box Whole = new(0, 0, 100, 100), Half = new(0, 0, 50, 100);

    private static async Task<(RewardRecord Record, List<string> Asked)> Score(string problem, string response, Dictionary<string, Box?> boxes,
        string answer = "0,0,100,100", string? description = null)
    {
        var localizer = new TableLocalizer(boxes);
        var scorer = new RewardScorer(RewardKind.ReasoningTrackJudge, new RewardScorerOptions { Localizer = localizer, ImageRoot = "/data" });
        string json = JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["problem"] = problem, ["pic1"] = "a.jpg", ["pic2"] = "b.jpg", ["bbox1"] = "0,0,100,100", ["answer"] = answer, ["response"] = response,
            ["description"] = description,
        });
        var row = new RewardRow(1, 1, JsonDocument.Parse(json).RootElement.Clone());
        scorer.Validate([row]);
        return (await scorer.ScoreAsync(row, TestContext.Current.CancellationToken), localizer.Asked);
    }

    [Fact]
    public async Task The_decision_is_read_from_the_raw_reply_not_the_normalised_one()
    {
        // Normalised, "< d >yes</ d >" is <d>yes</d>: format 1, strict 1. Raw, there is no <d> tag: the judge reads no,
        // and no is wrong when the new text localizes better (0.5 < 1): judge 0 -> 0.1 + 0.1 = 0.2 (before: yes, 0.35).
        var (r, _) = await Score(Prefix + "boat", "<think>t</think>< d >yes</ d ><answer>a red boat</answer>", new() { ["a red boat"] = Whole, ["boat"] = Half });
        (r.Format, r.Strict, r.JudgeD, r.Judge).ShouldBe(((int?)1, (int?)1, "no", (int?)0));
        r.Value.ShouldBe(0.2, 1e-12);
    }

    [Fact]
    public async Task A_reply_without_an_answer_is_judged_with_tracking_the_object()
    {
        // Format 0 (no answer tag), strict 0; the judge localizes "tracking the object" (IoU 1) and the original (0.5):
        // d = yes and 0.5 < 1 -> judge 1 -> 0.15 (before: not judged, 0).
        var (r, asked) = await Score(Prefix + "boat", "<think>t</think><d>yes</d>", new() { ["tracking the object"] = Whole, ["boat"] = Half });
        asked.ShouldBe(["tracking the object", "boat"]);
        (r.Format, r.Strict, r.Judge, r.Iou, r.Iou2).ShouldBe(((int?)0, (int?)0, (int?)1, (double?)1.0, (double?)0.5));
        r.Value.ShouldBe(0.15, 1e-12);
    }

    [Fact]
    public async Task A_failed_localization_gives_both_ious_zero()
    {
        // The original description finds nothing: iou = iou2 = 0, so d = yes is wrong (0 < 0 fails): 0.2
        // (before: iou 1, iou2 0, yes right, 0.35).
        var (r, _) = await Score(Prefix + "ghost", "<think>t</think><d>yes</d><answer>a red boat</answer>", new() { ["a red boat"] = Whole });
        (r.Iou, r.Iou2, r.Judge).ShouldBe(((double?)0.0, (double?)0.0, (int?)0));
        r.Value.ShouldBe(0.2, 1e-12);
    }

    [Fact]
    public async Task The_original_description_is_everything_after_the_88_character_prefix()
    {
        // A row written with the system prompt in its problem (pre-issue-11 layout): the released reward localizes
        // problem[88:] as it is, "boat " + the system prompt; a description column does not replace it.
        string original = "boat " + ReasoningTrackPrompts.SystemPrompt;
        var (r, asked) = await Score(Prefix + original, "<think>t</think><d>no</d><answer>a red boat</answer>",
            new() { ["a red boat"] = Whole, [original] = Whole, ["boat"] = Half, ["ghost"] = Half }, description: "ghost");
        asked.ShouldBe(["a red boat", original]);
        // no and iou2 1 >= iou 1 -> judge 1 -> 0.35 (before: "ghost", 0.5 < 1, judge 0, 0.2).
        r.Judge.ShouldBe(1);
        r.Value.ShouldBe(0.35, 1e-12);
    }

    [Fact]
    public async Task Box_columns_may_be_separated_by_spaces_or_tabs()
    {
        // Released: re.split(r'[, \t]+', ...). "0 0\t100 100" is the whole-frame box: IoU 1 with the new text.
        var (r, _) = await Score(Prefix + "boat", "<think>t</think><d>yes</d><answer>a red boat</answer>", new() { ["a red boat"] = Whole, ["boat"] = Half }, answer: "0 0\t100 100");
        (r.Iou, r.Judge).ShouldBe(((double?)1.0, (int?)1));
        r.Value.ShouldBe(0.35, 1e-12);
    }
}
