namespace ReasonTrack.Evaluation.Masks;

/// <summary>
/// The toolkit's global row (evaluation_method.py:43-45): plain means over every object of every sequence (no
/// per-sequence averaging first); J&amp;F-Mean = (mean J-Mean + mean F-Mean) / 2.
/// </summary>
public sealed record DavisGlobalResult(double JAndFMean, double JMean, double JRecall, double JDecay, double FMean, double FRecall, double FDecay)
{
    /// <summary>The CSV column names, in the toolkit's order.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["J&F-Mean", "J-Mean", "J-Recall", "J-Decay", "F-Mean", "F-Recall", "F-Decay"];

    /// <summary>The values in <see cref="Columns"/> order.</summary>
    public IReadOnlyList<double> Values => [JAndFMean, JMean, JRecall, JDecay, FMean, FRecall, FDecay];

    /// <summary>The global row of a list of objects.</summary>
    public static DavisGlobalResult Of(IReadOnlyList<DavisObjectResult> objects)
    {
        double M(Func<DavisObjectResult, double> f) => objects.Count == 0 ? double.NaN : DavisStatistics.PairwiseSum(objects.Select(f).ToArray()) / objects.Count;
        double jm = M(o => o.J.Mean), fm = M(o => o.F.Mean);
        return new DavisGlobalResult((jm + fm) / 2.0, jm, M(o => o.J.Recall), M(o => o.J.Decay), fm, M(o => o.F.Recall), M(o => o.F.Decay));
    }
}
