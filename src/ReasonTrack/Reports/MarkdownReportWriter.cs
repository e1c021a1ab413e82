using System.Globalization;
using System.Text;
using ReasonTrack.Evaluation;

namespace ReasonTrack.Reports;

/// <summary>
/// <c>results.md</c>: a heading naming dataset and protocol, a table ranked by success AUC with percentages to one
/// decimal as papers print them (best of each column in bold, ties as printed all bold), the protocol's
/// description, and the warnings.
/// </summary>
public static class MarkdownReportWriter
{
    public static string Write(EvaluationReport report)
    {
        var ranked = ReportRanking.BySuccessAuc(report.Trackers);
        var columns = ReportTable.Columns(report);
        var sb = new StringBuilder();
        sb.Append("### ").Append(Escape(ReportMetrics.DatasetTitle(report))).Append(" \u2014 protocol `").Append(report.Protocol.Replace("`", "'", StringComparison.Ordinal)).Append("`\n\n");

        sb.Append("| Rank | Tracker |");
        foreach (var c in columns) sb.Append(' ').Append(Escape(c.Header)).Append(" |");
        sb.Append(" Sequences | Dropped |\n");
        sb.Append("|---:|:---|");
        foreach (var _ in columns) sb.Append("---:|");
        sb.Append("---:|---:|\n");

        var cells = columns.Select(c => ReportTable.Cells(c, ranked)).ToList();
        for (int i = 0; i < ranked.Count; i++)
        {
            var t = ranked[i];
            sb.Append("| ").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(Escape(t.Tracker)).Append(" |");
            foreach (var col in cells)
            {
                var cell = col[i];
                sb.Append(' ').Append(cell.Best ? "**" + cell.Text + "**" : cell.Text).Append(" |");
            }
            sb.Append(' ').Append(ReportMetrics.Evaluated(t).ToString(CultureInfo.InvariantCulture))
              .Append(" | ").Append(ReportMetrics.DroppedCount(t.Overall).ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        }

        sb.Append('\n').Append(ReportTable.Legend(report, columns)).Append('\n');
        sb.Append("\nProtocol `").Append(report.Protocol.Replace("`", "'", StringComparison.Ordinal)).Append("`: ").Append(Escape(report.ProtocolDescription)).Append('\n');
        if (report.Warnings.Count > 0)
        {
            sb.Append("\n**Warnings**\n\n");
            foreach (var w in report.Warnings) sb.Append("- ").Append(Escape(w.ReplaceLineEndings(" "))).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Backslash-escapes the characters that would change a table cell's meaning or formatting.</summary>
    internal static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length + 4);
        foreach (char c in s.ReplaceLineEndings(" "))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
