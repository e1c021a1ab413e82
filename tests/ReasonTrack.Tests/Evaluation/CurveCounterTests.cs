using FsCheck;
using FsCheck.Fluent;
using ReasonTrack.Evaluation;

namespace ReasonTrack.Tests.Evaluation;

/// <summary>The counter (grid estimate, then the comparisons that decide) against the toolkits' naive loops, including values exactly on thresholds.</summary>
public class CurveCounterTests
{
    private static readonly Gen<double> Values = Gen.OneOf(
        Gen.Choose(-20, 120).Select(k => k / 100.0),        // on the 0.01 grid: hits thresholds exactly
        Gen.Choose(0, 20).Select(k => k * 0.05),            // exactly the Octave overlap grid values
        Gen.Choose(0, 1000000).Select(k => k / 1e6),        // anywhere
        Gen.Choose(0, 20).Select(k => Math.BitIncrement(k * 0.05)), // one ulp either side of a grid value
        Gen.Choose(0, 20).Select(k => Math.BitDecrement(k * 0.05)),
        Gen.Choose(-5, 60).Select(k => (double)k),          // pixel errors on the 0..50 px grid and beyond it
        Gen.Choose(-5, 60).Select(k => Math.BitIncrement((double)k)),
        Gen.Choose(0, 6000).Select(k => k / 100.0),         // pixel errors anywhere
        Gen.Constant(double.NaN), Gen.Constant(-1.0), Gen.Constant(double.PositiveInfinity), Gen.Constant(double.NegativeInfinity),
        Gen.Constant(1e300), Gen.Constant(-1e300), Gen.Constant(double.Epsilon), Gen.Constant(-0.0));

    [Fact]
    public void Counts_equal_the_naive_loops() =>
        Prop.ForAll(Values.ArrayOf().ToArbitrary(), values =>
        {
            foreach (var grid in new[] { ThresholdGrid.OverlapMultiples(), ThresholdGrid.OverlapMatlabColon(), ThresholdGrid.NormalizedErrors(), ThresholdGrid.OverlapLinspace101(), ThresholdGrid.PixelErrors() })
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
