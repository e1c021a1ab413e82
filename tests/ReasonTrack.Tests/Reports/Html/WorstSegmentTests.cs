using ReasonTrack.Reports.Html;

namespace ReasonTrack.Tests.Reports.Html;

public sealed class WorstSegmentTests
{
    [Fact]
    public void The_longest_runs_below_the_threshold_come_first_and_absent_frames_end_a_run()
    {
        double n = double.NaN;
        // frames:          1    2    3    4    5    6    7    8    9   10   11   12
        double[] iou = [0.9, 0.1, 0.2, 0.3, 0.8, 0.0, n, 0.4, 0.4, 0.6, 0.49, 0.5];
        var s = WorstSegment.Find(iou, 0.5, 10);
        // Runs: 2-4 (mean 0.2), 6-6 (0.0: NaN at 7 ends it), 8-9 (0.4), 11-11 (0.49); 12 is not below 0.5.
        s.Select(x => (x.FirstFrame, x.LastFrame)).ShouldBe([(2, 4), (8, 9), (6, 6), (11, 11)]);
        s[0].MeanIou.ShouldBe(0.2, 1e-12);
        s[1].MeanIou.ShouldBe(0.4, 1e-12);
        s[2].Length.ShouldBe(1);
        WorstSegment.Find(iou, 0.5, 2).Count.ShouldBe(2);
        WorstSegment.Find([], 0.5, 3).ShouldBeEmpty();
    }

    [Fact]
    public void A_run_reaching_the_last_frame_is_closed()
    {
        var s = WorstSegment.Find([1, 0.1, 0.2], 0.5, 5);
        s.Single().ShouldBe(new WorstSegment(2, 3, 0.15000000000000002));
    }
}
