namespace ReasonTrack.Reports.Html;

/// <summary>A run of consecutive frames where a tracker's IoU stayed below the threshold (1-based, inclusive).</summary>
public readonly record struct WorstSegment(int FirstFrame, int LastFrame, double MeanIou)
{
    public int Length => LastFrame - FirstFrame + 1;

    /// <summary>
    /// The longest runs of frames with IoU below <paramref name="threshold"/> (ours: frames without a value, i.e. target
    /// absent, end a run), longest first, ties by earlier start; at most <paramref name="count"/>.
    /// </summary>
    public static IReadOnlyList<WorstSegment> Find(ReadOnlySpan<double> iou, double threshold, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var found = new List<WorstSegment>();
        int start = -1;
        double sum = 0;
        for (int i = 0; i <= iou.Length; i++)
        {
            bool low = i < iou.Length && !double.IsNaN(iou[i]) && iou[i] < threshold;
            if (low)
            {
                if (start < 0) { start = i; sum = 0; }
                sum += iou[i];
            }
            else if (start >= 0)
            {
                found.Add(new WorstSegment(start + 1, i, sum / (i - start)));
                start = -1;
            }
        }
        return found.OrderByDescending(s => s.Length).ThenBy(s => s.FirstFrame).Take(count).ToList();
    }
}
