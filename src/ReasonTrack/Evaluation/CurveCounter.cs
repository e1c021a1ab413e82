namespace ReasonTrack.Evaluation;

/// <summary>
/// Counts, for every threshold of a sorted grid at once, how many values pass: <c>v &gt; t</c> (success) or
/// <c>v &lt;= t</c> (precision). Each value lands in one histogram bin: the number k of thresholds strictly below it.
/// k is first estimated from the grid's span (the grids are evenly spaced), then settled by comparing v with the
/// actual threshold values on either side, so the comparisons that decide are the toolkits' own and the counts are
/// identical to the naive loops (NaN passes none); an estimate off by any amount only costs more steps.
/// </summary>
internal sealed class CurveCounter
{
    private readonly double[] _thresholds;
    private readonly int[] _histogram;
    private readonly bool _greater;
    private readonly double _first;
    private readonly double _binsPerUnit;

    public CurveCounter(double[] thresholds, bool strictlyGreater)
    {
        for (int i = 1; i < thresholds.Length; i++)
            if (!(thresholds[i] > thresholds[i - 1])) throw new ArgumentException("thresholds must increase strictly", nameof(thresholds));
        _thresholds = thresholds;
        _histogram = new int[thresholds.Length + 1];
        _greater = strictlyGreater;
        _first = thresholds.Length > 0 ? thresholds[0] : 0;
        _binsPerUnit = thresholds.Length > 1 ? (thresholds.Length - 1) / (thresholds[^1] - thresholds[0]) : 0;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Add(double v)
    {
        if (double.IsNaN(v)) return;
        var t = _thresholds;
        int n = t.Length;
        // Estimate: a bin near k (any value in [0, n] is correct to start from).
        double g = (v - _first) * _binsPerUnit + 1;
        int k = g <= 0 ? 0 : g >= n ? n : (int)g;
        // Settle: k = number of thresholds strictly below v. For v > t this means v passes thresholds 0..k-1; for
        // v <= t it passes k..end.
        while (k < n && t[k] < v) k++;
        while (k > 0 && !(t[k - 1] < v)) k--;
        _histogram[k]++;
    }

    /// <summary>Number of values passing each threshold.</summary>
    public int[] Counts()
    {
        int n = _thresholds.Length;
        var counts = new int[n];
        if (_greater)
        {
            // passes threshold j iff k > j
            int acc = 0;
            for (int j = n - 1; j >= 0; j--) { acc += _histogram[j + 1]; counts[j] = acc; }
        }
        else
        {
            // passes threshold j iff k <= j
            int acc = 0;
            for (int j = 0; j < n; j++) { acc += _histogram[j]; counts[j] = acc; }
        }
        return counts;
    }

    /// <summary>Counts divided by <paramref name="denominator"/>.</summary>
    public double[] Fractions(double denominator)
    {
        var c = Counts();
        var f = new double[c.Length];
        for (int i = 0; i < c.Length; i++) f[i] = c[i] / denominator;
        return f;
    }
}
