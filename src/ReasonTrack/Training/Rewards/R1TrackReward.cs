using System.Text.RegularExpressions;
using ReasonTrack.Geometry;
using ReasonTrack.Reasoning.Parsing;

namespace ReasonTrack.Training.Rewards;

/// <summary>
/// R1-Track's GRPO rewards (seed facts section 3), reproduced so that a user can score rollouts or a data set without
/// the Python trainer. The answer is read with <see cref="R1TrackReply"/> in <see cref="ReplyParsing.Released"/> mode,
/// the released rule (the whole text, or the think-mode answer, must be a JSON list of exactly 4 finite numbers), and
/// the overlap is <see cref="Overlap.Giou"/> on the xyxy corners converted to xywh (the library's GIoU takes xywh; a
/// box with swapped corners counts as zero area there).
/// </summary>
public static class R1TrackReward
{
    /// <summary>The think-mode format regex (exact, seed facts), applied as a fullmatch with dot matching newline.</summary>
    public const string FormatPattern =
        @"^<think>(?:(?!<think>|</think>).)*</think>(?:(?!<think>|</think>|<answer>|</answer>).)*<answer>(?:(?!<answer>|</answer>).)*</answer>$";

    /// <summary>Replies with fewer tokens than this are gated to -1 in think mode.</summary>
    public const int MinimumTokens = 128;

    /// <summary>Tokens allowed before the length term turns negative.</summary>
    public const int LengthBudget = 448;

    /// <summary>Tokens over the budget that cost one unit of the length term.</summary>
    public const double LengthScale = 64;

    /// <summary>Weight of the format term in the think reward.</summary>
    public const double FormatWeight = 0.05;

    /// <summary>Weight of the length term in the think reward.</summary>
    public const double LengthWeight = 0.1;

    // Python's re.fullmatch must consume the whole string: \A(?:...)\z, so the pattern's '$' cannot stop before a
    // final newline the way re.search would let it.
    private static readonly Regex Format = new(@"\A(?:" + FormatPattern + @")\z",
        RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));

    /// <summary>
    /// The shaping of GIoU <paramref name="g"/>: <c>0 &lt; g &lt; 0.4 → 0</c>, <c>0.75 &lt; g &lt; 0.95 → g + 0.2</c>,
    /// <c>g ≥ 0.95 → g + 0.5</c>, otherwise <c>g</c> (so 0, negative values and [0.4, 0.75] pass through unchanged).
    /// </summary>
    public static double ShapeGiou(double g) => g switch
    {
        > 0 and < 0.4 => 0,
        > 0.75 and < 0.95 => g + 0.2,
        >= 0.95 => g + 0.5,
        _ => g,
    };

    /// <summary>The length term: <c>(448 - L)/64</c> when <c>L &gt; 448</c>, else 0 (a penalty, never a bonus).</summary>
    public static double LengthTerm(int tokens) => tokens > LengthBudget ? (LengthBudget - tokens) / LengthScale : 0;

    /// <summary>True when <paramref name="response"/> fullmatches <see cref="FormatPattern"/> (dot matches newline).</summary>
    public static bool MatchesFormat(string? response) => response is not null && Format.IsMatch(response);

    /// <summary>No-think reward: the shaped GIoU of the reply read as <c>[x1, y1, x2, y2]</c>; -1 when it cannot be read.</summary>
    public static R1TrackScore NoThink(string? response, BoxXyxy groundTruth)
    {
        var reply = R1TrackReply.Parse(response, thinkMode: false, ReplyParsing.Released);
        if (reply.Box is not { } box) return new R1TrackScore(-1, R1TrackGate.Unparseable, null, null, -1, null, null, null);
        double g = Giou(box, groundTruth);
        double r = ShapeGiou(g);
        return new R1TrackScore(r, R1TrackGate.None, box, g, r, null, null, null);
    }

    /// <summary>
    /// Think reward: -1 when the reply is empty, does not fullmatch the format, or has fewer than 128 tokens; otherwise
    /// <c>r + 0.05*format + 0.1*length</c> with <c>r</c> the shaped GIoU of the answer. An answer that is not a list of
    /// 4 numbers inside a well-formed reply gives <c>r = -1</c>, as an unparseable no-think reply does (the seed facts
    /// define <c>r</c> once; the think gates do not cover this case).
    /// </summary>
    /// <param name="length">The reply's token count: the trainer's <c>response_length</c>, or <see cref="ResponseLength.Estimate"/>.</param>
    public static R1TrackScore Think(string? response, BoxXyxy groundTruth, ResponseLength length)
    {
        if (string.IsNullOrWhiteSpace(response)) return new R1TrackScore(-1, R1TrackGate.Empty, null, null, null, 0, null, length);
        if (!MatchesFormat(response)) return new R1TrackScore(-1, R1TrackGate.Format, null, null, null, 0, null, length);
        if (length.Tokens < MinimumTokens) return new R1TrackScore(-1, R1TrackGate.TooShort, null, null, null, 1, null, length);

        const int format = 1;
        double lengthTerm = LengthTerm(length.Tokens);
        // The format regex admits exactly one <answer>...</answer> at the very end, so the released think parser's
        // answer group is that answer.
        var reply = R1TrackReply.Parse(response, thinkMode: true, ReplyParsing.Released);
        double? g = reply.Box is { } box ? Giou(box, groundTruth) : null;
        double r = g is { } v ? ShapeGiou(v) : -1;
        double overall = r + FormatWeight * format + LengthWeight * lengthTerm;
        return new R1TrackScore(overall, g is null ? R1TrackGate.Unparseable : R1TrackGate.None, reply.Box, g, r, format, lengthTerm, length);
    }

    private static double Giou(BoxXyxy answer, BoxXyxy groundTruth) => Overlap.Giou(answer.ToXywh(), groundTruth.ToXywh());
}
