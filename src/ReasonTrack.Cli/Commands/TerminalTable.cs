using System.Globalization;
using ReasonTrack.Evaluation;
using Spectre.Console;

namespace ReasonTrack.Cli.Commands;

/// <summary>The ranked table printed after an evaluation. Every column names the protocol its numbers follow.</summary>
internal static class TerminalTable
{
    public static void Print(EvaluationReport report)
    {
        string p = report.Protocol;
        bool got = report.Trackers.Any(t => t.Overall.AverageOverlap is not null);
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{CliErrors.Esc(report.Dataset)}{(report.Subset is null ? "" : " " + CliErrors.Esc(report.Subset))}: ranked by {(got ? "AO" : "success AUC")} ({CliErrors.Esc(p)})");
        table.AddColumn("#");
        table.AddColumn("Tracker");
        if (got)
        {
            table.AddColumn(new TableColumn($"AO ({p})").RightAligned());
            table.AddColumn(new TableColumn($"SR0.5 ({p})").RightAligned());
            table.AddColumn(new TableColumn($"SR0.75 ({p})").RightAligned());
        }
        else
        {
            table.AddColumn(new TableColumn($"AUC ({p})").RightAligned());
            table.AddColumn(new TableColumn($"{(report.PrecisionIsArea ? "P-area" : "P@20")} ({p})").RightAligned());
            table.AddColumn(new TableColumn($"{(report.NormalizedPrecisionIsArea ? "NP-area" : "NP@0.20")} ({p})").RightAligned());
        }
        table.AddColumn(new TableColumn("Sequences").RightAligned());

        var ranked = report.Trackers.Select((t, i) => (t, i))
            .OrderByDescending(x => got ? x.t.Overall.AverageOverlap ?? double.NaN : x.t.Overall.Success.Score).ThenBy(x => x.i).Select(x => x.t).ToList();
        int rank = 1;
        foreach (var t in ranked)
        {
            var o = t.Overall;
            string seqs = $"{o.Success.SequencesUsed}/{t.Sequences.Count}";
            if (got)
                table.AddRow(rank.ToString(CultureInfo.InvariantCulture), CliErrors.Esc(t.Tracker), Pct(o.AverageOverlap), Pct(o.SuccessRate50), Pct(o.SuccessRate75), seqs);
            else
                table.AddRow(rank.ToString(CultureInfo.InvariantCulture), CliErrors.Esc(t.Tracker), Pct(o.Success.Score), Pct(o.Precision.Score), Pct(o.NormalizedPrecision.Score), seqs);
            rank++;
        }
        AnsiConsole.Write(table);
    }

    private static string Pct(double? v) => v is { } x && !double.IsNaN(x) ? (100 * x).ToString("0.0", CultureInfo.InvariantCulture) : "-";
}
