using ReasonTrack.Evaluation;

namespace ReasonTrack.Reports;

/// <summary>The order every table uses: success AUC descending, NaN last, ties in input order.</summary>
internal static class ReportRanking
{
    public static IReadOnlyList<TrackerEvaluation> BySuccessAuc(IReadOnlyList<TrackerEvaluation> trackers) =>
        trackers.Select((t, i) => (t, i))
            .OrderBy(x => double.IsNaN(x.t.Overall.Success.Auc) ? 1 : 0)
            .ThenByDescending(x => double.IsNaN(x.t.Overall.Success.Auc) ? 0 : x.t.Overall.Success.Auc)
            .ThenBy(x => x.i)
            .Select(x => x.t)
            .ToList();
}
