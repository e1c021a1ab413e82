namespace ReasonTrack.Evaluation;

/// <summary>
/// Counts, for every threshold of a sorted grid at once, how many values pass: <c>v &gt; t</c> (success) or
/// <c>v &lt;= t</c> (precision). Each value costs one binary search instead of one comparison per threshold; the
/// comparisons are the same ones the toolkits make, so results are identical to the naive loops (NaN passes none).
/// </summary>
internal sealed class CurveCounter
{
    private readonly double[] _thresholds;
    private readonly int[] _histogram;
    private readonly bool _greater;

    public CurveCounter(double[] thresholds, bool strictlyGreater)
    {
        for (int i = 1; i < thresholds.Length; i++)
            if (!(thresholds[i] > thresholds[i - 1])) throw new ArgumentException("thresholds must increase strictly", nameof(thresholds));
        _thresholds = thresholds;
        _histogram = new int[thresholds.Length + 1];
        _greater = strictlyGreater;
    }

    public void Add(double v)
    {
        if (double.IsNaN(v)) return;
        var t = _thresholds;
        if (_greater)
        {
            // k = number of thresholds strictly below v: v passes thresholds 0..k-1.
            int lo = 0, hi = t.Length;
            while (lo < hi) { int mid = (lo + hi) >>> 1; if (t[mid] < v) lo = mid + 1; else hi = mid; }
            _histogram[lo]++;
        }
        else
        {
            // k = index of the first threshold >= v: v passes thresholds k..end.
            int lo = 0, hi = t.Length;
            while (lo < hi) { int mid = (lo + hi) >>> 1; if (t[mid] < v) lo = mid + 1; else hi = mid; }
            _histogram[lo]++;
        }
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
