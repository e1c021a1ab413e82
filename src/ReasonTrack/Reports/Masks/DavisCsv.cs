using System.Globalization;
using System.Text;
using ReasonTrack.Evaluation.Masks;
using ReasonTrack.IO;

namespace ReasonTrack.Reports.Masks;

/// <summary>
/// The DAVIS toolkit's two CSVs (evaluation_method.py:46-59, pandas <c>to_csv(index=False, float_format="%.3f")</c>):
/// <c>global_results-&lt;set&gt;.csv</c> (the seven global columns) and <c>per-sequence_results-&lt;set&gt;.csv</c>
/// (<c>Sequence,J-Mean,F-Mean</c>, one row per object key). Numbers as Python's <c>%.3f</c>: correctly rounded, ties
/// to even.
/// </summary>
public static class DavisCsv
{
    public static string GlobalFileName(string set) => $"global_results-{set}.csv";

    public static string PerSequenceFileName(string set) => $"per-sequence_results-{set}.csv";

    public static string Global(DavisEvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append(string.Join(',', DavisGlobalResult.Columns)).Append('\n');
        sb.Append(string.Join(',', report.Global.Values.Select(Fixed3))).Append('\n');
        return sb.ToString();
    }

    public static string PerSequence(DavisEvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder("Sequence,J-Mean,F-Mean\n");
        foreach (var o in report.Objects) sb.Append(o.Key).Append(',').Append(Fixed3(o.J.Mean)).Append(',').Append(Fixed3(o.F.Mean)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Writes both files into <paramref name="folder"/> (atomically); returns their paths.</summary>
    public static IReadOnlyList<string> Write(DavisEvaluationReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        string g = Path.Combine(folder, GlobalFileName(report.Set)), p = Path.Combine(folder, PerSequenceFileName(report.Set));
        AtomicFile.WriteAllText(g, Global(report));
        AtomicFile.WriteAllText(p, PerSequence(report));
        return [g, p];
    }

    /// <summary>
    /// Python's <c>"%.3f" % v</c>: the exact binary value rounded to 3 decimals, ties to even; NaN as pandas writes it
    /// in a CSV (<c>na_rep</c> = empty field).
    /// </summary>
    public static string Fixed3(double v)
    {
        if (double.IsNaN(v)) return "";
        if (double.IsInfinity(v)) return v > 0 ? "inf" : "-inf";
        // .NET rounds the exact decimal expansion half away from zero; the two differ only at exact ties, which a
        // double reaches at 3 decimals only for multiples of 1/16 (v * 2000 an odd integer).
        double t = v * 2000;
        if (Math.Abs(v) < 1e15 && t == Math.Floor(t) && ((long)t & 1) != 0)
            return (Math.Round(v * 1000, MidpointRounding.ToEven) / 1000).ToString("F3", CultureInfo.InvariantCulture);
        return v.ToString("F3", CultureInfo.InvariantCulture);
    }
}
