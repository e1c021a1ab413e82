using System.Globalization;

namespace ReasonTrack.Training.Rewards;

/// <summary>
/// Totals of a score run: the mean reward and, per component, the counts that explain it (gates by reason, format
/// passes, decisions, shaping bands, where token counts came from). Printed by the score command; the last line is
/// always <see cref="FinalLine"/> so that scripts can read the mean without parsing the rest.
/// </summary>
public sealed class RewardSummary(RewardKind kind)
{
    private readonly List<RewardRecord> _records = [];
    private double _sum;

    public RewardKind Kind => kind;

    public int Count => _records.Count;

    /// <summary>Mean of the row rewards (0 when there are none).</summary>
    public double Mean => Count == 0 ? 0 : _sum / Count;

    /// <summary><c>mean &lt;value&gt; n &lt;count&gt;</c>, the value with 6 decimals (invariant culture).</summary>
    public string FinalLine => string.Create(CultureInfo.InvariantCulture, $"mean {Mean:F6} n {Count}");

    public void Add(RewardRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _records.Add(record);
        _sum += record.Value;
    }

    /// <summary>The component lines, in a fixed order (the final line not included).</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>();
        switch (kind)
        {
            case RewardKind.R1Track:
                lines.Add("gates (-1): " + Counts(_records.Where(r => r.Gate is not null).GroupBy(r => r.Gate!), ["unparseable"]));
                AddGiou(lines);
                break;
            case RewardKind.R1TrackThink:
                lines.Add("gates (-1): " + Counts(_records.Where(r => r.Gate is not null and not "unparseable").GroupBy(r => r.Gate!), ["empty", "format", "too_short", "answer_not_json"]));
                lines.Add($"format ok: {_records.Count(r => r.Format == 1)} of {Count}; answer JSON but not a box (r = -1): {_records.Count(r => r.Gate == "unparseable")}");
                int estimated = _records.Count(r => r.TokensSource == "estimate");
                lines.Add($"tokens: {_records.Count(r => r.TokensSource == "input")} rows from response_length, {estimated} estimated" +
                          (estimated > 0 ? $" ({ResponseLength.EstimateDescription})" : ""));
                var over = _records.Where(r => r.Length is < 0).ToList();
                lines.Add($"length term: {over.Count} rows over {R1TrackReward.LengthBudget} tokens" +
                          (over.Count > 0 ? F($", mean term {over.Average(r => r.Length!.Value):0.0000}") : ""));
                AddGiou(lines);
                break;
            default:
                lines.Add($"format ok: {_records.Count(r => r.Format == 1)} of {Count}");
                lines.Add($"strict ok: {_records.Count(r => r.Strict == 1)} of {Count}");
                lines.Add("d (first <d> after </think>, strict pattern): " + Counts(_records.GroupBy(r => r.D switch
                {
                    null => "no match",
                    "yes" or "no" => r.D,
                    _ => "other",
                }), ["yes", "no", "other", "no match"]));
                if (kind == RewardKind.ReasoningTrackJudge) AddJudge(lines);
                break;
        }
        return lines;
    }

    private void AddGiou(List<string> lines)
    {
        var g = _records.Where(r => r.Giou is not null).Select(r => r.Giou!.Value).ToList();
        lines.Add(g.Count == 0 ? "giou: no box read" : F($"giou: mean {g.Average():0.0000} over {g.Count} boxes read"));
        lines.Add("shaping: " + Counts(g.GroupBy(Band), ["g<=0 -> g", "0<g<0.4 -> 0", "0.4<=g<=0.75 -> g", "0.75<g<0.95 -> g+0.2", "g>=0.95 -> g+0.5"]));

        static string Band(double g) => g switch
        {
            <= 0 => "g<=0 -> g",
            < 0.4 => "0<g<0.4 -> 0",
            <= 0.75 => "0.4<=g<=0.75 -> g",
            < 0.95 => "0.75<g<0.95 -> g+0.2",
            _ => "g>=0.95 -> g+0.5",
        };
    }

    private void AddJudge(List<string> lines)
    {
        var judged = _records.Where(r => r.Iou is not null).ToList();
        lines.Add($"judge: 1 for {_records.Count(r => r.Judge == 1)} of {judged.Count} judged rows (every reply is judged, as released)" +
                  (Count > judged.Count ? $"; {Count - judged.Count} not judged" : ""));
        if (judged.Count > 0)
        {
            lines.Add(F($"iou with the new description: mean {judged.Average(r => r.Iou!.Value):0.0000}; with the original: mean {judged.Average(r => r.Iou2!.Value):0.0000}; ") +
                      $"no box found: new {judged.Count(r => r.BoxNew is null)}, original {judged.Count(r => r.BoxOriginal is null)} (either gives iou = iou2 = 0, as released)");
            lines.Add(F($"shaped iou (weight {ReasoningTrackReward.IouWeight}): mean {judged.Average(r => r.IouShaped!.Value):0.0000}"));
        }
        lines.Add("overall = 0.1*format + 0.1*strict + 0*iou + 0.15*judge; judge localizes by VLM grounding in frame 2 (adaptation of the released tracker-based judge)");
    }

    private static string Counts<T>(IEnumerable<IGrouping<string, T>> groups, string[] order)
    {
        var counts = groups.ToDictionary(g => g.Key, g => g.Count());
        return string.Join(", ", order.Select(k => $"{k} {counts.GetValueOrDefault(k)}"));
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
