using ReasonTrack.Evaluation;
using static ReasonTrack.Tests.Evaluation.GoldenFixture;

namespace ReasonTrack.Tests.Evaluation;

public class ThresholdGridTests
{
    [Fact]
    public void Grids_are_bit_identical_to_the_ones_octave_and_matlab_build()
    {
        var t = Json("synthetic_lasot.json").GetProperty("thresholds");
        ThresholdGrid.OverlapMultiples().Values.ShouldBe(Doubles(t.GetProperty("overlap_octave")));
        ThresholdGrid.OverlapMatlabColon().Values.ShouldBe(Doubles(t.GetProperty("overlap_matlab_colon")));
        ThresholdGrid.PixelErrors().Values.ShouldBe(Doubles(t.GetProperty("error_px")));
        ThresholdGrid.NormalizedErrors().Values.ShouldBe(Doubles(t.GetProperty("error_norm")));
    }

    [Fact]
    public void The_two_overlap_grids_differ_exactly_where_the_golden_note_says()
    {
        var a = ThresholdGrid.OverlapMultiples().Values;
        var b = ThresholdGrid.OverlapMatlabColon().Values;
        Enumerable.Range(0, 21).Where(k => a[k] != b[k]).ShouldBe([12, 13, 14, 17, 19]);
    }

    [Fact]
    public void Linspace_matches_numpy()
    {
        var v = ThresholdGrid.Linspace(0, 1, 101);
        v.Length.ShouldBe(101);
        v[0].ShouldBe(0);
        v[100].ShouldBe(1);
        v[7].ShouldBe(7 * 0.01); // numpy: start + k*step with step = 0.01
    }
}
