namespace ReasonTrack.Evaluation;

/// <summary>Averaging per-sequence curves into one tracker's curve, as the toolkits do.</summary>
internal static class CurveAggregation
{
    /// <summary>
    /// Mean curve over sequences, its area (mean of its values) and its value at the headline threshold. With
    /// <paramref name="dropZeroCurves"/> the Matlab toolkits' <c>plot_draw_save.m</c> filter applies first: sequences
    /// whose curve sums to &lt;= eps are left out (and listed). Sums run in sequence order, as Matlab's do.
    /// </summary>
    public static MetricSummary Mean(IReadOnlyList<SequenceCurves> sequences, CurveKind kind, ThresholdGrid grid, Ranking ranking, bool dropZeroCurves)
    {
        int t = grid.Count;
        var sum = new double[t];
        var dropped = new List<string>();
        int used = 0;
        foreach (var sc in sequences)
        {
            var c = sc.Curve(kind);
            if (dropZeroCurves)
            {
                double rowSum = 0;
                for (int j = 0; j < t; j++) rowSum += c[j];
                if (!(rowSum > Protocols.MatlabToolkitProtocol.MatlabEps)) { dropped.Add(sc.Sequence); continue; }
            }
            for (int j = 0; j < t; j++) sum[j] += c[j];
            used++;
        }
        var mean = new double[t];
        for (int j = 0; j < t; j++) mean[j] = used > 0 ? sum[j] / used : double.NaN;
        double auc = 0;
        for (int j = 0; j < t; j++) auc += mean[j];
        auc /= t;
        double at = mean[grid.HeadlineIndex];
        return new MetricSummary
        {
            Kind = kind,
            MeanCurve = mean,
            Auc = auc,
            AtHeadline = at,
            Score = ranking == Ranking.Area ? auc : at,
            SequencesUsed = used,
            Dropped = dropped,
        };
    }
}
