using System.Text.RegularExpressions;

namespace ReasonTrack.Training.Rewards;

/// <summary>
/// ReasoningTrack's GRPO rewards (seed facts section 2): <c>overall = 0.1*format + 0.1*strict + 0*iou + 0.15*judge</c>.
/// The reply is first normalised (whitespace around <c>&lt;</c>, <c>&gt;</c> and <c>/</c> removed), then:
/// format = the three tag pairs occur anywhere in any order; strict = the ordered pattern matches and its d is yes/no.
/// <para>
/// Two readings of <c>&lt;d&gt;</c> coexist on purpose. The strict pattern's d is the first <c>&lt;d&gt;...&lt;/d&gt;</c>
/// after the first <c>&lt;/think&gt;</c>; the released tracker's parser (<see cref="Reasoning.Parsing.ReasoningTrackReply"/>)
/// takes the first one anywhere. A real SFT output whose reasoning mentions <c>&lt;d&gt;&lt;/d&gt;</c> before its real
/// <c>&lt;d&gt;yes&lt;/d&gt;</c> is a yes for the reward and an empty decision (no update) for the tracker.
/// </para>
/// <para>
/// The seed facts give the patterns but not their flags; here dot matches newline, as in every other released parser.
/// Without it the patterns could not span the multi-line reasoning every real output has (only 103 of the 997 SFT
/// outputs would pass format, against 996 with it), and the SFT data was selected by this very reward.
/// </para>
/// </summary>
public static class ReasoningTrackReward
{
    /// <summary>The normalisation pattern (exact): each match is replaced by its captured character.</summary>
    public const string NormalizePattern = @"\s*(<|>|/)\s*";

    /// <summary>The three patterns that must all occur for format = 1 (exact).</summary>
    public static readonly IReadOnlyList<string> FormatPatterns = [@"<think>.*?</think>", @"<answer>.*?</answer>", @"<d>.*?</d>"];

    /// <summary>The strict pattern (exact); searched anywhere in the normalised reply.</summary>
    public const string StrictPattern = @"<think>.*?</think>.*?<d>(.*?)</d>.*?<answer>.*?</answer>";

    public const double FormatWeight = 0.1;
    public const double StrictWeight = 0.1;

    /// <summary>Weight of the shaped IoU as shipped: zero (computed and reported, never counted).</summary>
    public const double IouWeight = 0;

    public const double JudgeWeight = 0.15;

    /// <summary>Above this IoU the shaped IoU is the IoU; at or below it, half the IoU.</summary>
    public const double IouThreshold = 0.61;

    private const RegexOptions Flags = RegexOptions.Singleline | RegexOptions.CultureInvariant;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private static readonly Regex Normalizer = new(NormalizePattern, Flags, Timeout);
    private static readonly Regex[] FormatRegexes = FormatPatterns.Select(p => new Regex(p, Flags, Timeout)).ToArray();

    // The strict pattern with the answer captured too (a capture group changes what is reported, not what matches):
    // the judge needs the new description the strict match saw.
    private static readonly Regex Strict = new(StrictPattern.Replace("<answer>.*?</answer>", "<answer>(.*?)</answer>", StringComparison.Ordinal), Flags, Timeout);

    /// <summary>The reply with whitespace around <c>&lt;</c>, <c>&gt;</c> and <c>/</c> removed.</summary>
    public static string Normalize(string? response) => Normalizer.Replace(response ?? "", "$1");

    /// <summary>Format and strict of a reply (normalised here), with the decision and answer the strict match read.</summary>
    public static ReasoningTrackTextScore ScoreText(string? response)
    {
        string text = Normalize(response);
        int format = FormatRegexes.All(r => r.IsMatch(text)) ? 1 : 0;
        var m = Strict.Match(text);
        if (!m.Success) return new ReasoningTrackTextScore(format, 0, null, null);
        string d = m.Groups[1].Value.Trim().ToLowerInvariant();
        return new ReasoningTrackTextScore(format, d is "yes" or "no" ? 1 : 0, d, m.Groups[2].Value.Trim());
    }

    /// <summary>The shaped IoU: <c>iou</c> when <c>iou &gt; 0.61</c>, else <c>iou/2</c>.</summary>
    public static double ShapeIou(double iou) => iou > IouThreshold ? iou : iou / 2;

    /// <summary><c>0.1*format + 0.1*strict + 0*shapedIou + 0.15*judge</c>.</summary>
    public static double Overall(int format, int strict, double shapedIou, int judge) =>
        FormatWeight * format + StrictWeight * strict + IouWeight * shapedIou + JudgeWeight * judge;
}
