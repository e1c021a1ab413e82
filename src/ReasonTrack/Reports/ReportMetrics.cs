using System.Globalization;
using ReasonTrack.Evaluation;

namespace ReasonTrack.Reports;

/// <summary>Which number each report shows for a curve, what it is called, and how numbers are printed.</summary>
internal static class ReportMetrics
{
    public static readonly CurveKind[] Kinds = [CurveKind.Success, CurveKind.Precision, CurveKind.NormalizedPrecision];

    /// <summary>The headline number of a curve: AUC for success, <see cref="MetricSummary.Score"/> otherwise.</summary>
    public static double Shown(TrackerSummary s, CurveKind kind) => kind == CurveKind.Success ? s.Success.Auc : s.Get(kind).Score;

    public static bool IsArea(EvaluationReport r, CurveKind kind) => kind switch
    {
        CurveKind.Success => true,
        CurveKind.Precision => r.PrecisionIsArea,
        _ => r.NormalizedPrecisionIsArea,
    };

    /// <summary>The threshold of the headline point as printed: <c>20</c>, <c>0.20</c>, <c>0.50</c>.</summary>
    public static string HeadlineThreshold(ThresholdGrid grid)
    {
        double v = grid.Values[grid.HeadlineIndex];
        return grid.Kind == CurveKind.Precision
            ? v.ToString("0.##", CultureInfo.InvariantCulture)
            : v.ToString("0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>Short name of the shown number: <c>AUC</c>, <c>P@20</c>, <c>NP@0.20</c>, <c>P area</c>, <c>NP area</c>.</summary>
    public static string ScoreName(EvaluationReport r, CurveKind kind) => kind switch
    {
        CurveKind.Success => "AUC",
        CurveKind.Precision => r.PrecisionIsArea ? "P area" : "P@" + HeadlineThreshold(r.PrecisionGrid),
        _ => r.NormalizedPrecisionIsArea ? "NP area" : "NP@" + HeadlineThreshold(r.NormalizedPrecisionGrid),
    };

    /// <summary>Dataset and subset for titles: <c>LaSOT Testing Set</c>.</summary>
    public static string DatasetTitle(EvaluationReport r) =>
        string.IsNullOrWhiteSpace(r.Subset) ? r.Dataset : r.Dataset + " " + r.Subset;

    /// <summary>A fraction as a percentage with one decimal (<c>0.4963</c> → <c>49.6</c>); NaN → <c>n/a</c>.</summary>
    public static string Percent(double v) => double.IsFinite(v) ? (v * 100).ToString("F1", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>A plain number with one decimal (fps); NaN → <c>n/a</c>.</summary>
    public static string OneDecimal(double v) => double.IsFinite(v) ? v.ToString("F1", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>Shortest text that parses back to the same double (invariant); NaN and infinities as .NET spells them.</summary>
    public static string RoundTrip(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Distinct sequence names dropped by any of the three curves (the toolkits drop per curve the sequences whose
    /// curve sums to zero).
    /// </summary>
    public static int DroppedCount(TrackerSummary s) =>
        s.Success.Dropped.Concat(s.Precision.Dropped).Concat(s.NormalizedPrecision.Dropped).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Sequences with curves for this tracker (not skipped by the protocol).</summary>
    public static int Evaluated(TrackerEvaluation t) => t.Sequences.Count(s => !s.Skipped);

    /// <summary>Mean of a curve's values: the toolkits' area under the curve for one sequence.</summary>
    public static double Area(double[] curve) => curve.Length == 0 ? double.NaN : curve.Average();

    /// <summary>
    /// Indices of the best and second-best values of a column for tables, compared as printed (so values that
    /// print the same are tied): <paramref name="printed"/> holds the printed numbers, null where there is none.
    /// </summary>
    public static (HashSet<int> Best, HashSet<int> Second) BestTwo(IReadOnlyList<double?> printed)
    {
        var distinct = printed.Where(v => v is double d && double.IsFinite(d)).Select(v => v!.Value).Distinct().OrderByDescending(v => v).ToList();
        var best = new HashSet<int>();
        var second = new HashSet<int>();
        for (int i = 0; i < printed.Count; i++)
        {
            if (printed[i] is not double d || !double.IsFinite(d)) continue;
            if (distinct.Count > 0 && d == distinct[0]) best.Add(i);
            else if (distinct.Count > 1 && d == distinct[1]) second.Add(i);
        }
        return (best, second);
    }

    /// <summary>Attributes over all trackers in first-seen order, keyed by short name.</summary>
    public static IReadOnlyList<AttributeSummary> Attributes(EvaluationReport r)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<AttributeSummary>();
        foreach (var t in r.Trackers)
            foreach (var a in t.PerAttribute)
                if (seen.Add(Key(a))) list.Add(a);
        return list;
    }

    public static string Key(AttributeSummary a) => string.IsNullOrEmpty(a.ShortName) ? a.Attribute : a.ShortName;
}
