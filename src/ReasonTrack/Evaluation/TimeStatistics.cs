namespace ReasonTrack.Evaluation;

/// <summary>Speed from per-frame times, as the GOT-10k toolkit computes it: mean of 1/t over frames with t &gt; 0.</summary>
internal static class TimeStatistics
{
    public static double? MeanFramesPerSecond(IEnumerable<SequenceCurves> sequences)
    {
        double sum = 0;
        long n = 0;
        foreach (var s in sequences)
        {
            if (s.FrameTimes is null) continue;
            foreach (var t in s.FrameTimes)
            {
                if (double.IsNaN(t) || !(t > 0)) continue;
                sum += 1 / t;
                n++;
            }
        }
        return n > 0 ? sum / n : null;
    }
}
