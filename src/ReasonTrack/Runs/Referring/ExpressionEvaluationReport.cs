namespace ReasonTrack.Runs.Referring;

/// <summary>
/// A run's figures under the per-expression protocol (Refer-YouTube-VOS, MeViS): J and F averaged over the
/// expressions (each already averaged over its frames) and J&amp;F their mean, as MeViS's <c>tools/eval_mevis.py</c> prints them.
/// </summary>
public sealed record ExpressionEvaluationReport(string Protocol, IReadOnlyList<ExpressionScore> Expressions, IReadOnlyList<string> Warnings)
{
    public double J => Expressions.Count == 0 ? double.NaN : Expressions.Average(e => e.J);

    public double F => Expressions.Count == 0 ? double.NaN : Expressions.Average(e => e.F);

    public double JAndF => (J + F) / 2;
}
