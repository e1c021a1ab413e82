using ReasonTrack.Evaluation.Masks;
using ReasonTrack.Geometry;
using ReasonTrack.Geometry.Masks;

namespace ReasonTrack.Tests.Evaluation.Masks;

/// <summary>Hand-computed cases of the toolkit's metrics (_seg2bmap counts from the golden README, rule 22; J, F, statistics).</summary>
public sealed class DavisMetricsTests
{
    private static Mask Rect(int w, int h, int x, int y, int rw, int rh) => Mask.FromBox(new Box(x, y, rw, rh), w, h);

    [Theory]
    [InlineData(1, 1, 4)]
    [InlineData(2, 2, 8)]
    [InlineData(3, 3, 12)]
    [InlineData(1, 3, 8)]
    [InlineData(3, 1, 8)]
    public void InteriorObjectBoundaryCounts(int rw, int rh, long expected)
    {
        Assert.Equal(expected, DavisMetrics.BoundaryPixelCount(Rect(20, 15, 7, 5, rw, rh)));
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 5)]
    [InlineData(3, 7)]
    public void BottomRightCornerObjectBoundaryCounts(int size, long expected)
    {
        Assert.Equal(expected, DavisMetrics.BoundaryPixelCount(Rect(20, 15, 20 - size, 15 - size, size, size)));
    }

    [Fact]
    public void TheImageBorderMakesNoBoundary()
    {
        Assert.Equal(0, DavisMetrics.BoundaryPixelCount(Mask.Full(70, 9)));
        // A full-frame result has no boundary: n_fg = 0 and n_gt > 0 gives F = 0 (rule 20).
        Assert.Equal(0.0, DavisMetrics.BoundaryF(Mask.Full(70, 9), Rect(70, 9, 3, 3, 4, 4), 2));
    }

    [Fact]
    public void InteriorPixelBoundaryIsItselfAndItsLeftUpperNeighbours()
    {
        // seg at (7,5): b = seg^E | seg^S | seg^SE is set at (7,5) and at the pixels whose E, S or SE neighbour is it:
        // (6,5), (7,4), (6,4). Crossing a 64-bit word boundary (x = 64) must give the same.
        foreach (int x in new[] { 7, 64, 63, 65 })
            Assert.Equal(4, DavisMetrics.BoundaryPixelCount(Rect(130, 10, x, 5, 1, 1)));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(128)]
    [InlineData(65)]
    public void RightBorderPixelInTheLastWordHasFourBoundaryPixels(int width)
    {
        // Last column: b = seg ^ S only. For a 1x1 object at (w-1, 5): (w-1, 5) (seg, S = 0), (w-1, 4) (S = seg),
        // (w-2, 5) (E = seg), (w-2, 4) (SE = seg): 4, the bit being the last of its 64-bit word when w = 64 or 128.
        Assert.Equal(4, DavisMetrics.BoundaryPixelCount(Rect(width, 10, width - 1, 5, 1, 1)));
        // In the bottom row too: the corner rule, 3 (README rule 22).
        Assert.Equal(3, DavisMetrics.BoundaryPixelCount(Rect(width, 10, width - 1, 9, 1, 1)));
    }

    [Theory]
    [InlineData(854, 480, 8)]
    [InlineData(640, 360, 6)]
    [InlineData(321, 241, 4)]
    public void BoundPixIsCeilOfDiagonalFraction(int w, int h, int expected) => Assert.Equal(expected, DavisMetrics.BoundPix(w, h));

    [Theory]
    [InlineData(8, 197)]
    [InlineData(6, 113)]
    [InlineData(4, 49)]
    public void DiskFootprintSizes(int r, int pixels) => Assert.Equal(pixels, DavisMetrics.DiskPixels(r));

    [Fact]
    public void JIsOneWhenBothMasksAreEmpty()
    {
        Assert.Equal(1.0, DavisMetrics.RegionSimilarity(Mask.Empty(5, 5), Mask.Empty(5, 5)));
        Assert.Equal(1.0, DavisMetrics.BoundaryF(Mask.Empty(5, 5), Mask.Empty(5, 5), 1));
        Assert.Equal(0.0, DavisMetrics.BoundaryF(Rect(9, 9, 2, 2, 2, 2), Mask.Empty(9, 9), 1));
    }

    [Fact]
    public void BoundaryWithinToleranceMatchesAndBeyondDoesNot()
    {
        // Two 1x1 objects d pixels apart horizontally: each boundary is the 2x2 block {(x-1..x, y-1..y)}. With
        // tolerance r, every pixel of one is within r of the other's when d <= r - 1 ... computed by hand for d = 3:
        // the blocks are at x in {9,10} and {12,13}: distances between columns 1..4. r = 2: columns 10 and 12 match
        // (distance 2), 9 and 13 do not (3): P = R = 1/2, F = 1/2. r = 4: all match, F = 1.
        var a = Rect(30, 20, 10, 10, 1, 1);
        var b = Rect(30, 20, 13, 10, 1, 1);
        Assert.Equal(0.5, DavisMetrics.BoundaryF(a, b, 2), 12);
        Assert.Equal(1.0, DavisMetrics.BoundaryF(a, b, 4), 12);
        Assert.Equal(0.0, DavisMetrics.BoundaryF(a, b, 1), 12);
        // Disk, not square: offset (2, 2) has 2² + 2² = 8 > 2²: not within r = 2; within r = 3 (8 <= 9).
        var c = Rect(30, 20, 10, 10, 1, 1);
        var d = Rect(30, 20, 14, 14, 1, 1);
        var counts = DavisMetrics.Counts(c, d, 2);
        // Blocks {9,10}x{9,10} and {13,14}x{13,14}: the nearest pair (10,10)-(13,13) is (3,3) apart, beyond r = 2 and 3 (18 > 9).
        Assert.Equal(0, counts.FgMatch);
        Assert.Equal(1, DavisMetrics.Counts(c, Rect(30, 20, 13, 13, 1, 1), 3).FgMatch);  // (10,10)-(12,12): 8 <= 9
        Assert.Equal(0, DavisMetrics.Counts(c, Rect(30, 20, 13, 13, 1, 1), 2).FgMatch);  // 8 > 4
    }

    [Theory]
    [InlineData(199, 0.5)]
    [InlineData(200, 1.0)]
    [InlineData(198, 0.0)]
    public void ToleranceBeyondOneWordShiftsAcrossWords(int r, double expected)
    {
        // 1x1 objects at x = 10 and x = 210 (d = 200): boundary blocks in columns {9, 10} and {209, 210}; column
        // distances 199 (10-209), 200 (9-209, 10-210) and 201 (9-210). r = 199: one column each side matches, F = 1/2;
        // r = 200: every pixel has a partner, F = 1; r = 198: none, F = 0. Shifts of 64 bits and more are exercised.
        var a = Rect(450, 12, 10, 5, 1, 1);
        var b = Rect(450, 12, 210, 5, 1, 1);
        Assert.Equal(expected, DavisMetrics.BoundaryF(a, b, r), 12);
        Assert.Equal(expected, DavisMetrics.BoundaryF(b, a, r), 12);
    }

    [Fact]
    public void RecallIsStrictlyAboveHalf()
    {
        Assert.Equal(0.5, DavisStatistics.Recall([0.5, 0.51, 0.2, 0.9]));
    }

    [Theory]
    [InlineData(18, new[] { 0, 4, 9, 13, 17 })]
    [InlineData(14, new[] { 0, 3, 7, 10, 13 })]
    [InlineData(11, new[] { 0, 3, 5, 8, 10 })]
    [InlineData(28, new[] { 0, 7, 14, 20, 27 })]
    public void DecayEdgesAsTheReadmeTable(int n, int[] edges) => Assert.Equal(edges, DavisStatistics.DecayEdges(n));

    [Fact]
    public void DecayEdgesWrapAsUint8Unless()
    {
        // n = 300: linspace(1, 300, 5) = 1, 75.75, 150.5, 225.25, 300 -> round(+1e-10) - 1 = 0, 75, 150, 224, 299; uint8: 299 -> 43.
        Assert.Equal(new[] { 0, 75, 150, 224, 43 }, DavisStatistics.DecayEdges(300));
        Assert.Equal(new[] { 0, 75, 150, 224, 299 }, DavisStatistics.DecayEdges(300, uint8Wrap: false));
        var v = Enumerable.Range(0, 300).Select(i => 1.0 - i / 300.0).ToArray();
        Assert.True(double.IsNaN(DavisStatistics.Decay(v)), "the wrapped last bin v[224:44] is empty: nanmean is NaN");
        Assert.True(DavisStatistics.Decay(v, uint8Wrap: false) > 0);
    }

    [Fact]
    public void DecayIsFirstBinMeanMinusLastBinMean()
    {
        // n = 11: bins [0,3] and [8,10] inclusive.
        double[] v = [1, 1, 1, 1, 0, 0, 0, 0, 0.3, 0.6, 0.9];
        Assert.Equal(1.0 - 0.6, DavisStatistics.Decay(v), 12);
    }

    [Fact]
    public void FormatsLikePythonPercentThreeF()
    {
        Assert.Equal("0.062", ReasonTrack.Reports.Masks.DavisCsv.Fixed3(0.0625));   // tie to even
        Assert.Equal("0.188", ReasonTrack.Reports.Masks.DavisCsv.Fixed3(0.1875));
        Assert.Equal("-0.003", ReasonTrack.Reports.Masks.DavisCsv.Fixed3(-0.0026339455183465475));
        Assert.Equal("1.000", ReasonTrack.Reports.Masks.DavisCsv.Fixed3(1.0));
    }

    [Fact]
    public void ScoringAPairDoesNotAllocateInSteadyState()
    {
        var a = Rect(854, 480, 100, 80, 300, 200);
        var b = Rect(854, 480, 110, 90, 280, 210);
        DavisMetrics.Counts(a, b, 8);
        long bytes = AllocationProbe.SteadyStateBytes(() => DavisMetrics.Counts(a, b, 8));
        Assert.Equal(0, bytes);
    }
}
