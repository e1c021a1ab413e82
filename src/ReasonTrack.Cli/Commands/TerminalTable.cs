using System.Globalization;
using System.Text;
using ReasonTrack.Evaluation;
using Spectre.Console;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// The ranked table printed after an evaluation. Every column names the protocol its numbers follow. Into a pipe or a
/// file (<see cref="CliConsole.Plain"/>) the table is written by <see cref="RenderPlain"/>, character for character what
/// Spectre.Console writes there (tested against Spectre), without Spectre's start-up cost (its first table costs about
/// 25 ms of CPU: static tables and JIT; issue 15). Text Spectre would measure differently (anything but printable
/// ASCII) or lay out differently (a table wider than the console, a title wider than the table) goes to Spectre.
/// </summary>
internal static class TerminalTable
{
    /// <summary>The table's content, for either renderer: plain text (no markup).</summary>
    internal sealed record Content(string Title, string[] Headers, bool[] RightAligned, List<string[]> Rows);

    public static void Print(EvaluationReport report)
    {
        var c = Build(report);
        if (CliConsole.Plain && RenderPlain(c, CliConsole.Width) is { } text)
        {
            Console.Out.Write(text);
            return;
        }
        CliConsole.Ensure();
        AnsiConsole.Write(ToSpectre(c));
    }

    internal static Content Build(EvaluationReport report)
    {
        string p = report.Protocol;
        bool got = false;
        foreach (var t in report.Trackers) if (t.Overall.AverageOverlap is not null) { got = true; break; }
        string title = $"{report.Dataset}{(report.Subset is null ? "" : " " + report.Subset)}: ranked by {(got ? "AO" : "success AUC")} ({p})";
        string[] headers = got
            ? ["#", "Tracker", $"AO ({p})", $"SR0.5 ({p})", $"SR0.75 ({p})", "Sequences"]
            : ["#", "Tracker", $"AUC ({p})", $"{(report.PrecisionIsArea ? "P-area" : "P@20")} ({p})", $"{(report.NormalizedPrecisionIsArea ? "NP-area" : "NP@0.20")} ({p})", "Sequences"];
        bool[] right = [false, false, true, true, true, true];

        // Ranked by the headline value, ties in the order given (a stable sort).
        var order = new int[report.Trackers.Count];
        var keys = new double[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
            var o = report.Trackers[i].Overall;
            keys[i] = got ? o.AverageOverlap ?? double.NaN : o.Success.Score;
        }
        Array.Sort(order, (a, b) =>
        {
            int byKey = keys[b].CompareTo(keys[a]);
            return byKey != 0 ? byKey : a.CompareTo(b);
        });
        var rows = new List<string[]>(order.Length);
        int rank = 1;
        foreach (int i in order)
        {
            var t = report.Trackers[i];
            var o = t.Overall;
            string seqs = $"{o.Success.SequencesUsed}/{t.Sequences.Count}";
            rows.Add(got
                ? [rank.ToString(CultureInfo.InvariantCulture), t.Tracker, Pct(o.AverageOverlap), Pct(o.SuccessRate50), Pct(o.SuccessRate75), seqs]
                : [rank.ToString(CultureInfo.InvariantCulture), t.Tracker, Pct(o.Success.Score), Pct(o.Precision.Score), Pct(o.NormalizedPrecision.Score), seqs]);
            rank++;
        }
        return new Content(title, headers, right, rows);
    }

    internal static Table ToSpectre(Content c)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(CliErrors.Esc(c.Title));
        for (int k = 0; k < c.Headers.Length; k++)
        {
            var column = new TableColumn(CliErrors.Esc(c.Headers[k]));
            table.AddColumn(c.RightAligned[k] ? column.RightAligned() : column);
        }
        foreach (var r in c.Rows) table.AddRow(r.Select(CliErrors.Esc).ToArray());
        return table;
    }

    /// <summary>
    /// Spectre's rounded table as it writes it to a console without ANSI of <paramref name="width"/> columns: the title
    /// centred over the table on its own line, cells padded by one space, every line ended by a newline. Null where
    /// Spectre's layout would differ from this simple one (see the class summary).
    /// </summary>
    internal static string? RenderPlain(Content c, int width)
    {
        int n = c.Headers.Length;
        var w = new int[n];
        for (int k = 0; k < n; k++)
        {
            if (!Printable(c.Headers[k])) return null;
            w[k] = Math.Max(1, c.Headers[k].Length);
        }
        foreach (var r in c.Rows)
            for (int k = 0; k < n; k++)
            {
                if (!Printable(r[k])) return null;
                w[k] = Math.Max(w[k], r[k].Length);
            }
        int total = 1;
        foreach (int x in w) total += x + 3;
        if (total > width || !Printable(c.Title) || c.Title.Length > total) return null;

        var sb = new StringBuilder();
        int left = (total - c.Title.Length) / 2;
        sb.Append(' ', left).Append(c.Title).Append(' ', total - left - c.Title.Length).Append('\n');
        Border(sb, w, '╭', '┬', '╮');
        Row(sb, c.Headers, w, c.RightAligned);
        if (c.Rows.Count > 0) Border(sb, w, '├', '┼', '┤'); // Spectre draws no separator under the header of an empty table
        foreach (var r in c.Rows) Row(sb, r, w, c.RightAligned);
        Border(sb, w, '╰', '┴', '╯');
        return sb.ToString().Replace("\n", Environment.NewLine, StringComparison.Ordinal);
    }

    private static void Border(StringBuilder sb, int[] w, char left, char mid, char right)
    {
        sb.Append(left);
        for (int k = 0; k < w.Length; k++)
        {
            if (k > 0) sb.Append(mid);
            sb.Append('─', w[k] + 2);
        }
        sb.Append(right).Append('\n');
    }

    private static void Row(StringBuilder sb, string[] cells, int[] w, bool[] right)
    {
        sb.Append('│');
        for (int k = 0; k < w.Length; k++)
        {
            int pad = w[k] - cells[k].Length;
            sb.Append(' ');
            if (right[k]) sb.Append(' ', pad).Append(cells[k]);
            else sb.Append(cells[k]).Append(' ', pad);
            sb.Append(" │");
        }
        sb.Append('\n');
    }

    /// <summary>Printable ASCII only (one column per character, as Spectre measures it), and not empty-or-blank edges.</summary>
    private static bool Printable(string s)
    {
        foreach (char ch in s) if (ch < 0x20 || ch > 0x7E) return false;
        return s.Length == 0 || (s[0] != ' ' && s[^1] != ' ');
    }

    private static string Pct(double? v) => v is { } x && !double.IsNaN(x) ? (100 * x).ToString("0.0", CultureInfo.InvariantCulture) : "-";
}
