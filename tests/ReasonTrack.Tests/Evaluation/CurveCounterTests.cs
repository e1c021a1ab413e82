using FsCheck;
using FsCheck.Fluent;
using ReasonTrack.Evaluation;

namespace ReasonTrack.Tests.Evaluation;

/// <summary>The binary-search counter against the toolkits' naive loops, including values exactly on thresholds.</summary>
public class CurveCounterTests
{
    private static readonly Gen<double> Values = Gen.OneOf(
        Gen.Choose(-20, 120).Select(k => k / 100.0),        // on the 0.01 grid: hits thresholds exactly
        Gen.Choose(0, 20).Select(k => k * 0.05),            // exactly the Octave overlap grid values
        Gen.Choose(0, 1000000).Select(k => k / 1e6),        // anywhere
        Gen.Constant(double.NaN), Gen.Constant(-1.0), Gen.Constant(double.PositiveInfinity));

    [Fact]
    public void Counts_equal_the_naive_loops() =>
        Prop.ForAll(Values.ArrayOf().ToArbitrary(), values =>
        {
            foreach (var grid in new[] { ThresholdGrid.OverlapMultiples(), ThresholdGrid.OverlapMatlabColon(), ThresholdGrid.NormalizedErrors(), ThresholdGrid.OverlapLinspace101() })
            {
                var gt = new CurveCounter(grid.Values, strictlyGreater: true);
                var le = new CurveCounter(grid.Values, strictlyGreater: false);
                foreach (var v in values) { gt.Add(v); le.Add(v); }
                var cg = gt.Counts();
                var cl = le.Counts();
                for (int j = 0; j < grid.Count; j++)
                {
                    if (cg[j] != values.Count(v => v > grid.Values[j])) return false;
                    if (cl[j] != values.Count(v => v <= grid.Values[j])) return false;
                }
            }
            return true;
        }).QuickCheckThrowOnFailure();
}
