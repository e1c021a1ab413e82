using System.Globalization;

namespace ReasonTrack.Training.Data;

/// <summary>
/// A compact description of drawn values for the summary (so a user sees at a glance that factors span 2..8 and
/// shifts +-0.2): count, mean, min, 10th percentile, median, 90th percentile, max. Percentiles are the nearest-rank
/// element <c>sorted[floor(q * (n - 1))]</c>: simple, and exactly reproducible.
/// </summary>
public sealed record ValueDistribution(int Count, double Mean, double Min, double P10, double Median, double P90, double Max)
{
    /// <summary>Null when there are no values.</summary>
    public static ValueDistribution? Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var v = values.ToArray();
        if (v.Length == 0) return null;
        Array.Sort(v);
        double At(double q) => v[(int)Math.Floor(q * (v.Length - 1))];
        double sum = 0;
        foreach (double x in v) sum += x;
        return new ValueDistribution(v.Length, sum / v.Length, v[0], At(0.1), At(0.5), At(0.9), v[^1]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n {Count}, mean {Mean:0.###}, min {Min:0.###}, p10 {P10:0.###}, median {Median:0.###}, p90 {P90:0.###}, max {Max:0.###}");
}
