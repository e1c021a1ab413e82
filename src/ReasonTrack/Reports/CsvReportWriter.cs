using System.Globalization;
using System.Text;
using ReasonTrack.Evaluation;

namespace ReasonTrack.Reports;

/// <summary>
/// <c>results.csv</c> (one row per tracker, ranked by success AUC) and <c>sequences.csv</c> (one row per tracker and
/// sequence, trackers in input order). RFC 4180 quoting, <c>\n</c> line ends, invariant round-trip numbers
/// (fractions in [0, 1]); a missing value (NaN) is written as <c>NaN</c>.
/// </summary>
public static class CsvReportWriter
{
    public const string SummaryHeader = "rank,tracker,protocol,auc,precision,norm_precision,sequences,dropped";

    public static string WriteSummary(EvaluationReport report)
    {
        var sb = new StringBuilder();
        sb.Append(SummaryHeader).Append('\n');
        var ranked = ReportRanking.BySuccessAuc(report.Trackers);
        for (int i = 0; i < ranked.Count; i++)
        {
            var t = ranked[i];
            Row(sb,
                (i + 1).ToString(CultureInfo.InvariantCulture),
                t.Tracker,
                report.Protocol,
                ReportMetrics.RoundTrip(t.Overall.Success.Auc),
                ReportMetrics.RoundTrip(t.Overall.Precision.Score),
                ReportMetrics.RoundTrip(t.Overall.NormalizedPrecision.Score),
                ReportMetrics.Evaluated(t).ToString(CultureInfo.InvariantCulture),
                ReportMetrics.DroppedCount(t.Overall).ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>
    /// Header: <c>tracker,sequence,auc,precision@20,norm_precision@0.20,frames,frames_evaluated,skipped</c> (the
    /// thresholds in the names are the protocol's headline thresholds). <c>auc</c> is the mean of the sequence's
    /// success curve; the other two are the curves at the headline thresholds.
    /// </summary>
    public static string WriteSequences(EvaluationReport report)
    {
        var sb = new StringBuilder();
        Row(sb, "tracker", "sequence", "auc",
            "precision@" + ReportMetrics.HeadlineThreshold(report.PrecisionGrid),
            "norm_precision@" + ReportMetrics.HeadlineThreshold(report.NormalizedPrecisionGrid),
            "frames", "frames_evaluated", "skipped");
        int pi = report.PrecisionGrid.HeadlineIndex, ni = report.NormalizedPrecisionGrid.HeadlineIndex;
        foreach (var t in report.Trackers)
        {
            foreach (var s in t.Sequences)
            {
                Row(sb,
                    t.Tracker,
                    s.Sequence,
                    ReportMetrics.RoundTrip(ReportMetrics.Area(s.Success)),
                    ReportMetrics.RoundTrip(pi < s.Precision.Length ? s.Precision[pi] : double.NaN),
                    ReportMetrics.RoundTrip(ni < s.NormalizedPrecision.Length ? s.NormalizedPrecision[ni] : double.NaN),
                    s.Frames.ToString(CultureInfo.InvariantCulture),
                    s.FramesEvaluated.ToString(CultureInfo.InvariantCulture),
                    s.Skipped ? "true" : "false");
            }
        }
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, params string[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(Quote(fields[i]));
        }
        sb.Append('\n');
    }

    /// <summary>RFC 4180: fields with a comma, quote, CR or LF (or leading/trailing space) are quoted, quotes doubled.</summary>
    internal static string Quote(string field)
    {
        bool needs = field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (field[0] == ' ' || field[^1] == ' '));
        return needs ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
