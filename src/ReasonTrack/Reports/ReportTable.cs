using System.Globalization;
using ReasonTrack.Evaluation;

namespace ReasonTrack.Reports;

/// <summary>The numeric columns the Markdown and LaTeX tables share, and their printed cells.</summary>
internal static class ReportTable
{
    public sealed record Column(string Header, string Meaning, Func<TrackerSummary, double?> Value, bool IsPercent);

    public readonly record struct Cell(string Text, bool Best, bool Second);

    public static IReadOnlyList<Column> Columns(EvaluationReport r)
    {
        var list = new List<Column>
        {
            new("AUC", $"area under the success curve (mean over {r.SuccessGrid.Count} overlap thresholds)", s => s.Success.Auc, true),
            new(ReportMetrics.ScoreName(r, CurveKind.Precision),
                r.PrecisionIsArea ? "area under the precision curve" : $"precision at {ReportMetrics.HeadlineThreshold(r.PrecisionGrid)} px",
                s => s.Precision.Score, true),
            new(ReportMetrics.ScoreName(r, CurveKind.NormalizedPrecision),
                r.NormalizedPrecisionIsArea
                    ? $"area under the normalized precision curve (0..{r.NormalizedPrecisionGrid.Values[^1].ToString("0.##", CultureInfo.InvariantCulture)})"
                    : $"normalized precision at {ReportMetrics.HeadlineThreshold(r.NormalizedPrecisionGrid)}",
                s => s.NormalizedPrecision.Score, true),
        };
        var overall = r.Trackers.Select(t => t.Overall).ToList();
        if (overall.Any(s => s.AverageOverlap is not null)) list.Add(new("AO", "average overlap", s => s.AverageOverlap, true));
        if (overall.Any(s => s.SuccessRate50 is not null)) list.Add(new("SR0.5", "success rate at overlap 0.5", s => s.SuccessRate50, true));
        if (overall.Any(s => s.SuccessRate75 is not null)) list.Add(new("SR0.75", "success rate at overlap 0.75", s => s.SuccessRate75, true));
        if (overall.Any(s => s.FramesPerSecond is not null)) list.Add(new("FPS", "frames per second", s => s.FramesPerSecond, false));
        return list;
    }

    /// <summary>One cell per ranked tracker; best and second best compared as printed.</summary>
    public static IReadOnlyList<Cell> Cells(Column c, IReadOnlyList<TrackerEvaluation> ranked)
    {
        var texts = ranked.Select(t => c.Value(t.Overall) is double v
            ? (c.IsPercent ? ReportMetrics.Percent(v) : ReportMetrics.OneDecimal(v))
            : "n/a").ToList();
        var printed = texts.Select(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : (double?)null).ToList();
        var (best, second) = ReportMetrics.BestTwo(printed);
        return texts.Select((s, i) => new Cell(s, best.Contains(i), second.Contains(i))).ToList();
    }

    public static string Legend(EvaluationReport r, IReadOnlyList<Column> columns) =>
        string.Join("; ", columns.Select(c => $"{c.Header}: {c.Meaning}")) + ". Percentages except FPS; ranked by AUC; " +
        $"protocol {r.Protocol}.";
}
