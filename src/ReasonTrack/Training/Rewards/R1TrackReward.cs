using System.Text.RegularExpressions;
using ReasonTrack.Geometry;
using ReasonTrack.Reasoning.Parsing;

namespace ReasonTrack.Training.Rewards;

/// <summary>
/// R1-Track's GRPO rewards, reproduced from the released <c>EasyR1/verl/utils/reward_score/track.py</c> (think) and
/// <c>track_not_think.py</c> (no-think) so that a user can score rollouts or a data set without the Python trainer:
/// the answer is read as <c>json.loads</c> reads it, the GIoU is the released one with signed areas
/// (<see cref="ReleasedGiou"/>), and every <c>except</c> branch gives the value it gives there.
/// <para>
/// Known departures (documented, not reproduced): Python's json accepts <c>NaN</c>/<c>Infinity</c> literals and
/// then computes a NaN or partial reward; here such an answer is not JSON (no-think -1, think flat -1). Numbers that
/// overflow a double (<c>1e400</c>, Python's inf) are treated as not numbers (r = -1).
/// </para>
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

    /// <summary>
    /// No-think reward, as <c>EasyR1/verl/utils/reward_score/track_not_think.py</c> (lines 48-74): the whole reply is
    /// read as JSON (<c>json.loads</c>: surrounding JSON whitespace allowed, nothing else); the GIoU reads elements
    /// 0..3 of it, so a list longer than 4 is scored on its first 4; not JSON, an empty reply, fewer than 4 elements,
    /// a non-number among the first 4 or a zero-area hull give -1 (the released <c>except</c> branches).
    /// </summary>
    public static R1TrackScore NoThink(string? response, BoxXyxy groundTruth)
    {
        if (string.IsNullOrEmpty(response) || ReadAnswer(response) is not { } json)
            return new R1TrackScore(-1, R1TrackGate.Unparseable, null, null, -1, null, null, null);
        if (FirstFour(json) is not { } box || ReleasedGiou(box, groundTruth) is not { } g)
            return new R1TrackScore(-1, R1TrackGate.Unparseable, FirstFour(json), null, -1, null, null, null);
        double r = ShapeGiou(g);
        return new R1TrackScore(r, R1TrackGate.None, box, g, r, null, null, null);
    }

    /// <summary>
    /// Think reward, as <c>EasyR1/verl/utils/reward_score/track.py</c> (lines 48-92), in its order: -1 when the reply
    /// is empty (<c>not predict_str</c>: a whitespace-only reply goes on to the format check and fails it), does not
    /// fullmatch the format, or has fewer than 128 tokens; then the answer group is read as JSON and an answer that is
    /// not JSON gives a flat -1 (lines 62-66: no format or length terms, <see cref="R1TrackGate.AnswerNotJson"/>);
    /// otherwise <c>r + 0.05*format + 0.1*length</c> with <c>r</c> the shaped GIoU of the first 4 elements, or
    /// <c>r = -1</c> when the GIoU raises (fewer than 4 elements, a non-number, a zero-area hull:
    /// <see cref="R1TrackGate.Unparseable"/>). Every flat -1 reports format 0, as the released dictionary does.
    /// </summary>
    /// <param name="length">The reply's token count: the trainer's <c>response_length</c>, or <see cref="ResponseLength.Estimate"/>.</param>
    public static R1TrackScore Think(string? response, BoxXyxy groundTruth, ResponseLength length)
    {
        if (string.IsNullOrEmpty(response)) return new R1TrackScore(-1, R1TrackGate.Empty, null, null, null, 0, null, length);
        if (!MatchesFormat(response)) return new R1TrackScore(-1, R1TrackGate.Format, null, null, null, 0, null, length);
        if (length.Tokens < MinimumTokens) return new R1TrackScore(-1, R1TrackGate.TooShort, null, null, null, 0, null, length);

        // The format regex admits exactly one <answer>...</answer> at the very end, so the released extraction's
        // answer group (check_and_extract, lines 12-18) is that answer's content.
        string answer = R1TrackReply.ThinkFormat.Match(response).Groups[1].Value;
        if (ReadAnswer(answer) is not { } json) return new R1TrackScore(-1, R1TrackGate.AnswerNotJson, null, null, null, 0, null, length);

        const int format = 1;
        double lengthTerm = LengthTerm(length.Tokens);
        var box = FirstFour(json);
        double? g = box is { } b ? ReleasedGiou(b, groundTruth) : null;
        double r = g is { } v ? ShapeGiou(v) : -1;
        double overall = r + FormatWeight * format + LengthWeight * lengthTerm;
        return new R1TrackScore(overall, g is null ? R1TrackGate.Unparseable : R1TrackGate.None, box, g, r, format, lengthTerm, length);
    }

    /// <summary>
    /// The released GIoU (<c>calculate_giou</c>, track.py lines 21-45) on <c>[x1, y1, x2, y2]</c> as given: the
    /// intersection is clamped at 0 but each box's area is the signed <c>(x2 - x1) * (y2 - y1)</c>, so a box with
    /// swapped corners has a negative (one pair swapped) or positive (both swapped) area, and the hull takes the
    /// minimum of the x1s and the maximum of the x2s. IoU is 0 when the union is 0. Null when the hull's area is 0
    /// (Python raises ZeroDivisionError there and the reward takes its -1 branch).
    /// </summary>
    public static double? ReleasedGiou(BoxXyxy a, BoxXyxy b)
    {
        double iw = Math.Max(0, Math.Min(a.X2, b.X2) - Math.Max(a.X1, b.X1));
        double ih = Math.Max(0, Math.Min(a.Y2, b.Y2) - Math.Max(a.Y1, b.Y1));
        double inter = iw * ih;
        double union = (a.X2 - a.X1) * (a.Y2 - a.Y1) + (b.X2 - b.X1) * (b.Y2 - b.Y1) - inter;
        double iou = union != 0 ? inter / union : 0;
        double hull = (Math.Max(a.X2, b.X2) - Math.Min(a.X1, b.X1)) * (Math.Max(a.Y2, b.Y2) - Math.Min(a.Y1, b.Y1));
        if (hull == 0) return null;
        return iou - (hull - union) / hull;
    }

    /// <summary>json.loads of the text, or null when it is not one JSON value (System.Text.Json's strict reading).</summary>
    private static System.Text.Json.JsonElement? ReadAnswer(string text) => JsonScan.ParseWhole(text);

    /// <summary>
    /// Elements 0..3 as calculate_giou indexes them: a list of at least 4 whose first 4 are numbers (JSON true/false
    /// count as 1/0, Python's bool being an int); null when indexing or arithmetic would raise.
    /// </summary>
    private static BoxXyxy? FirstFour(System.Text.Json.JsonElement json)
    {
        if (json.ValueKind != System.Text.Json.JsonValueKind.Array || json.GetArrayLength() < 4) return null;
        Span<double> v = stackalloc double[4];
        for (int i = 0; i < 4; i++)
        {
            var e = json[i];
            switch (e.ValueKind)
            {
                case System.Text.Json.JsonValueKind.Number when e.TryGetDouble(out double d) && double.IsFinite(d): v[i] = d; break;
                case System.Text.Json.JsonValueKind.True: v[i] = 1; break;
                case System.Text.Json.JsonValueKind.False: v[i] = 0; break;
                default: return null;
            }
        }
        return new BoxXyxy(v[0], v[1], v[2], v[3]);
    }
}
