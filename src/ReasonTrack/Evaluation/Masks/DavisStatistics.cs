namespace ReasonTrack.Evaluation.Masks;

/// <summary>
/// The toolkit's <c>db_statistics</c> (davis2017/utils.py:146-160) on one object's per-frame values: Mean = nanmean,
/// Recall = nanmean(v &gt; 0.5) (strictly; NaN counts as not above), Decay = nanmean(first quarter) - nanmean(last
/// quarter) over four bins whose edges are <c>uint8(round(linspace(1, n, 5) + 1e-10) - 1)</c>, each bin
/// <c>v[ids[i] .. ids[i+1]]</c> inclusive (neighbouring bins share a frame; the +1e-10 rounds .5 up). Sums use
/// numpy's pairwise summation, so the means agree with numpy's to the last bit in the cases tested.
/// </summary>
public static class DavisStatistics
{
    /// <summary>Number of Decay bins (utils.py:147).</summary>
    public const int DecayBins = 4;

    /// <summary>Mean, Recall and Decay of <paramref name="values"/>.</summary>
    /// <param name="uint8Wrap">The toolkit's rule (default): the bin edges are cast to uint8 and wrap above 255
    /// (a sequence of more than 256 evaluated frames gets wrong bins); false keeps them as integers (ours).</param>
    public static DavisStatistic Compute(ReadOnlySpan<double> values, bool uint8Wrap = true) =>
        new(Mean(values), Recall(values), Decay(values, uint8Wrap));

    /// <summary>numpy's <c>nanmean</c>: the mean of the non-NaN values, NaN when there are none.</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        int count = 0;
        foreach (double v in values) if (!double.IsNaN(v)) count++;
        if (count == 0) return double.NaN;
        if (count == values.Length) return PairwiseSum(values) / count;
        var buf = new double[values.Length];
        for (int i = 0; i < values.Length; i++) buf[i] = double.IsNaN(values[i]) ? 0 : values[i];
        return PairwiseSum(buf) / count;
    }

    /// <summary>Fraction of values strictly above 0.5 (NaN when there are no values).</summary>
    public static double Recall(ReadOnlySpan<double> values)
    {
        if (values.Length == 0) return double.NaN;
        int above = 0;
        foreach (double v in values) if (v > 0.5) above++;
        return above / (double)values.Length;
    }

    /// <summary>nanmean of the first bin minus nanmean of the last (NaN when a bin is empty).</summary>
    public static double Decay(ReadOnlySpan<double> values, bool uint8Wrap = true)
    {
        var ids = DecayEdges(values.Length, uint8Wrap);
        return Mean(Bin(values, ids[0], ids[1])) - Mean(Bin(values, ids[DecayBins - 1], ids[DecayBins]));
    }

    /// <summary>
    /// The five bin edges (0-based frame indices): <c>round(linspace(1, n, 5) + 1e-10) - 1</c>, numpy's linspace
    /// (<c>i * (n - 1) / 4 + 1</c>, the last exactly n) and round half to even, then cast to uint8 when
    /// <paramref name="uint8Wrap"/>.
    /// </summary>
    public static int[] DecayEdges(int n, bool uint8Wrap = true)
    {
        var ids = new int[DecayBins + 1];
        double step = (n - 1) / (double)DecayBins;
        for (int i = 0; i <= DecayBins; i++)
        {
            double y = i == DecayBins ? n : i * step + 1;
            double id = Math.Round(y + 1e-10, MidpointRounding.ToEven) - 1;
            ids[i] = uint8Wrap ? (byte)(long)id : (int)id;
        }
        return ids;
    }

    /// <summary>Python's slice <c>v[start : end + 1]</c> (empty when start &gt; end; clipped to the array).</summary>
    private static ReadOnlySpan<double> Bin(ReadOnlySpan<double> v, int start, int end)
    {
        int s = Math.Clamp(start, 0, v.Length), e = Math.Clamp(end + 1, 0, v.Length);
        return e > s ? v[s..e] : [];
    }

    /// <summary>
    /// numpy's pairwise summation of a contiguous float64 array (numpy/core/src/umath/loops_utils.h.src): below 8
    /// values a plain loop; up to 128 eight partial sums combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) plus the
    /// rest; above, the halves (the first a multiple of 8) summed recursively.
    /// </summary>
    public static double PairwiseSum(ReadOnlySpan<double> a)
    {
        int n = a.Length;
        if (n < 8)
        {
            double res = 0.0;
            for (int i = 0; i < n; i++) res += a[i];
            return res;
        }
        if (n <= 128)
        {
            double r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8)
            {
                r0 += a[i]; r1 += a[i + 1]; r2 += a[i + 2]; r3 += a[i + 3];
                r4 += a[i + 4]; r5 += a[i + 5]; r6 += a[i + 6]; r7 += a[i + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) res += a[i];
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return PairwiseSum(a[..n2]) + PairwiseSum(a[n2..]);
    }
}
