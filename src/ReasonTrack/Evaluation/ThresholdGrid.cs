namespace ReasonTrack.Evaluation;

/// <summary>
/// The thresholds a curve is sampled at, built the way each toolkit builds them (the values differ in the last bit
/// between Octave's and Matlab's colon operator, and a decision <c>IoU &gt; t</c> can flip on that bit).
/// </summary>
public sealed class ThresholdGrid
{
    public ThresholdGrid(CurveKind kind, double[] values, int headlineIndex, string construction)
    {
        Kind = kind;
        Values = values;
        HeadlineIndex = headlineIndex;
        Construction = construction;
    }

    public CurveKind Kind { get; }

    public double[] Values { get; }

    /// <summary>
    /// Index of the threshold reported as the headline point: 20 px / 0.20 for precision curves (index 20),
    /// 0.5 for success (index 10).
    /// </summary>
    public int HeadlineIndex { get; }

    /// <summary>How the values were built, e.g. <c>k*0.05 (Octave colon)</c>.</summary>
    public string Construction { get; }

    public int Count => Values.Length;

    /// <summary>Success thresholds <c>k * 0.05</c>, k = 0..20: Octave's <c>0:0.05:1</c>, numpy's and torch's arange.</summary>
    public static ThresholdGrid OverlapMultiples() =>
        new(CurveKind.Success, Enumerable.Range(0, 21).Select(k => k * 0.05).ToArray(), 10, "k*0.05, k=0..20 (Octave colon, numpy/torch arange)");

    /// <summary>
    /// Success thresholds as Matlab's colon operator <c>0:0.05:1</c> builds them: the first half as
    /// <c>a + k*d</c>, the second half as <c>b - (n-k)*d</c>, so that the last element is exactly <c>b</c>.
    /// Differs from <see cref="OverlapMultiples"/> by one ulp at k = 12, 13, 14, 17, 19.
    /// </summary>
    public static ThresholdGrid OverlapMatlabColon() =>
        new(CurveKind.Success, MatlabColon(0, 0.05, 1), 10, "Matlab colon 0:0.05:1");

    /// <summary>numpy <c>linspace(0, 1, 101)</c>, the got10k-toolkit's success-curve bins.</summary>
    public static ThresholdGrid OverlapLinspace101() =>
        new(CurveKind.Success, Linspace(0, 1, 101), 50, "numpy linspace(0, 1, 101)");

    /// <summary>Centre-error thresholds 0, 1, ..., 50 pixels; headline 20 px.</summary>
    public static ThresholdGrid PixelErrors() =>
        new(CurveKind.Precision, Enumerable.Range(0, 51).Select(k => (double)k).ToArray(), 20, "0:50 px");

    /// <summary>Normalized-error thresholds <c>k / 100</c>, k = 0..50 (<c>(0:50)/100</c>); headline 0.20.</summary>
    public static ThresholdGrid NormalizedErrors() =>
        new(CurveKind.NormalizedPrecision, Enumerable.Range(0, 51).Select(k => k / 100.0).ToArray(), 20, "(0:50)/100");

    /// <summary>Matlab's colon operator <c>a:d:b</c> as Matlab computes its elements.</summary>
    public static double[] MatlabColon(double a, double d, double b)
    {
        int n = (int)Math.Floor((b - a) / d + 1e-10);
        var v = new double[n + 1];
        for (int k = 0; k <= n; k++)
            v[k] = k <= n / 2 ? a + k * d : b - (n - k) * d;
        return v;
    }

    /// <summary>numpy's <c>linspace(start, stop, num)</c>: <c>start + k * step</c>, last element set to stop.</summary>
    public static double[] Linspace(double start, double stop, int num)
    {
        var v = new double[num];
        double step = (stop - start) / (num - 1);
        for (int k = 0; k < num; k++) v[k] = start + k * step;
        v[^1] = stop;
        return v;
    }
}
