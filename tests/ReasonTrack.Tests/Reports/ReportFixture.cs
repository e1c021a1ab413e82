using ReasonTrack.Evaluation;

namespace ReasonTrack.Tests.Reports;

/// <summary>
/// Small hand-built evaluation reports. The summary numbers are chosen by hand (they need not be consistent with the
/// curves: writers only print what the report says), so tests can state the expected text independently.
/// </summary>
internal static class ReportFixture
{
    public const string Weird = "a<b&\"c\"";

    public static readonly string[] SequenceNames = ["airplane-1", "bird-3", "car-2"];

    /// <summary>
    /// Three trackers in this input order: Alpha (AUC 0.584, P@20 0.70, NP@0.20 0.61, NP area 0.41), Beta (0.612,
    /// 0.65, 0.66, 0.45, 31.26 fps) and <see cref="Weird"/> (0.5, 0.66, 0.58, 0.47); attribute FOC.
    /// </summary>
    public static EvaluationReport Sample(bool npIsArea = false, string protocol = "lasot-matlab") => Build(protocol, npIsArea,
    [
        Tracker("Alpha", auc: 0.584, prec: 0.70, np: 0.61, npArea: 0.41, fps: null, aucFoc: 0.45),
        Tracker("Beta", auc: 0.612, prec: 0.65, np: 0.66, npArea: 0.45, fps: 31.26, aucFoc: 0.52),
        Tracker(Weird, auc: 0.5, prec: 0.66, np: 0.58, npArea: 0.47, fps: null, aucFoc: 0.38),
    ]);

    public static EvaluationReport Build(string protocol, bool npIsArea, IReadOnlyList<TrackerEvaluation> trackers) => new()
    {
        Protocol = protocol,
        ProtocolDescription = "LaSOT Matlab toolkit: test description & details.",
        Dataset = "LaSOT",
        Subset = "Testing Set",
        SuccessGrid = ThresholdGrid.OverlapMatlabColon(),
        PrecisionGrid = ThresholdGrid.PixelErrors(),
        NormalizedPrecisionGrid = ThresholdGrid.NormalizedErrors(),
        Sequences = SequenceNames,
        Trackers = trackers,
        Warnings = ["2 result rows repaired"],
        NormalizedPrecisionIsArea = npIsArea,
    };

    public static TrackerEvaluation Tracker(string name, double auc, double prec, double np, double npArea, double? fps, double aucFoc,
        double? ao = null)
    {
        var overall = Summary(auc, prec, np, npArea, fps, ao);
        return new TrackerEvaluation
        {
            Tracker = name,
            Sequences = SequenceNames.Select((s, i) => SequenceCurves(s, auc + 0.05 * (i - 1))).ToList(),
            Overall = overall,
            PerAttribute =
            [
                new AttributeSummary { Attribute = "Full Occlusion", ShortName = "FOC", SequenceCount = 2, Summary = Summary(aucFoc, prec - 0.1, np - 0.1, npArea - 0.1, null, null) },
            ],
            Runs = 1,
            Notes = ["results from /tmp/" + name],
        };
    }

    public static TrackerSummary Summary(double auc, double prec, double np, double npArea, double? fps, double? ao)
    {
        var s = SuccessCurve(auc);
        var p = PrecisionCurve(prec, 20);
        var n = PrecisionCurve(np, 0.2, 100);
        return new TrackerSummary
        {
            Success = new MetricSummary { Kind = CurveKind.Success, MeanCurve = s, Auc = auc, AtHeadline = s[10], Score = auc, SequencesUsed = 3 },
            Precision = new MetricSummary { Kind = CurveKind.Precision, MeanCurve = p, Auc = prec - 0.2, AtHeadline = prec, Score = prec, SequencesUsed = 3 },
            NormalizedPrecision = new MetricSummary
            {
                Kind = CurveKind.NormalizedPrecision, MeanCurve = n, Auc = npArea, AtHeadline = np, Score = np, SequencesUsed = 2, Dropped = ["bird-3"],
            },
            FramesPerSecond = fps,
            AverageOverlap = ao,
        };
    }

    /// <summary>A falling curve 0.95 (1 - t^k) whose mean over [0, 1] is about <paramref name="auc"/>.</summary>
    public static double[] SuccessCurve(double auc)
    {
        double k = auc / (0.95 - auc);
        return ThresholdGrid.OverlapMatlabColon().Values.Select(t => 0.95 * (1 - Math.Pow(t, k))).ToArray();
    }

    /// <summary>A rising curve c (1 - exp(-x / tau)) through <paramref name="atHeadline"/> at <paramref name="headline"/>.</summary>
    public static double[] PrecisionCurve(double atHeadline, double headline, double scale = 1)
    {
        double c = Math.Min(0.97, atHeadline + 0.15);
        double tau = -headline / Math.Log(1 - atHeadline / c);
        return Enumerable.Range(0, 51).Select(k => c * (1 - Math.Exp(-(k / scale) / tau))).ToArray();
    }

    private static SequenceCurves SequenceCurves(string name, double auc) => new()
    {
        Sequence = name,
        Success = SuccessCurve(auc),
        Precision = PrecisionCurve(0.6, 20),
        NormalizedPrecision = name == "bird-3" ? [.. PrecisionCurve(0.5, 0.2, 100).Take(50), double.NaN] : PrecisionCurve(0.5, 0.2, 100),
        Frames = 100 + name.Length,
        FramesEvaluated = 90 + name.Length,
        Denominator = 100 + name.Length,
        Notes = name == "car-2" ? ["truncated"] : [],
    };
}
