using System.Text;
using ReasonTrack.Evaluation;
using ReasonTrack.Reports.Svg;

namespace ReasonTrack.Reports;

/// <summary>
/// The toolkits' figures as SVG: success, precision and normalized precision plots of all trackers on one pair of
/// axes, overall (<c>success.svg</c>, <c>precision.svg</c>, <c>norm_precision.svg</c>) and per attribute
/// (<c>success_FOC.svg</c>, ...). Every figure names its protocol under the title and what its legend numbers are.
/// </summary>
public static class PlotWriter
{
    /// <summary>All figures of a report, overall first, then each attribute in the benchmark's order.</summary>
    public static IReadOnlyList<ReportFile> Render(EvaluationReport report)
    {
        var files = new List<ReportFile>();
        foreach (var kind in ReportMetrics.Kinds)
            files.Add(new ReportFile(FileName(kind, null), Build(report, kind).Render()));

        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in ReportMetrics.Attributes(report))
        {
            string key = ReportMetrics.Key(a);
            string tag = SafeFileTag(key);
            for (int k = 2; !used.Add(tag); k++) tag = SafeFileTag(key) + "_" + k;
            foreach (var kind in ReportMetrics.Kinds)
                files.Add(new ReportFile(FileName(kind, tag), Build(report, kind, key).Render()));
        }
        return files;
    }

    /// <summary>
    /// The plot of one curve kind, overall (<paramref name="attribute"/> null) or for the attribute with this short
    /// name (trackers without that attribute are left out).
    /// </summary>
    public static SvgPlot Build(EvaluationReport report, CurveKind kind, string? attribute = null)
    {
        var grid = report.Grid(kind);
        string kindTitle = kind switch
        {
            CurveKind.Success => "Success plots of OPE",
            CurveKind.Precision => "Precision plots of OPE",
            _ => "Normalized Precision plots of OPE",
        };
        string title = $"{kindTitle} on {ReportMetrics.DatasetTitle(report)}";

        var entries = new List<(string Name, TrackerSummary Summary)>();
        AttributeSummary? attr = null;
        foreach (var t in report.Trackers)
        {
            if (attribute is null) { entries.Add((t.Tracker, t.Overall)); continue; }
            var a = t.PerAttribute.FirstOrDefault(p => ReportMetrics.Key(p) == attribute);
            if (a is null) continue;
            attr ??= a;
            entries.Add((t.Tracker, a.Summary));
        }
        if (attribute is not null)
        {
            if (attr is null) throw new ArgumentException($"no tracker has the attribute '{attribute}'", nameof(attribute));
            title += $" - {attr.Attribute} ({attr.SequenceCount})";
        }

        double gridMax = grid.Values.Length > 0 ? grid.Values.Max() : 0;
        var x = kind switch
        {
            CurveKind.Success => new PlotAxis("Overlap threshold", 0, Math.Max(1, gridMax), 0.1),
            CurveKind.Precision => new PlotAxis("Location error threshold", 0, Math.Max(50, gridMax), 5),
            _ => new PlotAxis("Normalized location error threshold", 0, Math.Max(0.5, gridMax), 0.05),
        };
        var y = new PlotAxis(kind == CurveKind.Success ? "Success rate" : "Precision", 0, 1, 0.1);

        var plot = new SvgPlot(title, x, y)
        {
            Subtitle = $"protocol: {report.Protocol}  \u00b7  legend: {LegendMeaning(report, kind)}",
            Legend = kind == CurveKind.Success ? LegendPlacement.LowerLeft : LegendPlacement.LowerRight,
        };
        foreach (var (name, summary) in entries)
        {
            var m = summary.Get(kind);
            int n = Math.Min(grid.Values.Length, m.MeanCurve.Length);
            plot.Add(name, grid.Values.Take(n).ToArray(), m.MeanCurve.Take(n).ToArray(), ReportMetrics.Shown(summary, kind));
        }
        return plot;
    }

    public static string FileName(CurveKind kind, string? attributeTag)
    {
        string stem = kind switch
        {
            CurveKind.Success => "success",
            CurveKind.Precision => "precision",
            _ => "norm_precision",
        };
        return attributeTag is null ? stem + ".svg" : $"{stem}_{attributeTag}.svg";
    }

    private static string LegendMeaning(EvaluationReport report, CurveKind kind) => kind switch
    {
        CurveKind.Success => "AUC",
        _ when ReportMetrics.IsArea(report, kind) => "area under the curve",
        CurveKind.Precision => $"precision at {ReportMetrics.HeadlineThreshold(report.PrecisionGrid)} px",
        _ => $"normalized precision at {ReportMetrics.HeadlineThreshold(report.NormalizedPrecisionGrid)}",
    };

    /// <summary>A short name made safe for a file name: letters, digits, '-' and '_' kept, anything else '_'.</summary>
    internal static string SafeFileTag(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (char c in name) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        return sb.Length == 0 ? "attr" : sb.ToString();
    }
}
