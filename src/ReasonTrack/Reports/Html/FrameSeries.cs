namespace ReasonTrack.Reports.Html;

/// <summary>
/// One per-frame series of one tracker on one sequence, drawn on the sequence page: every series with the same
/// <see cref="Key"/> shares one chart (one line per tracker), charts appear in the order their key first appears.
/// </summary>
/// <param name="Key">Chart identity, e.g. <c>iou</c>, <c>score</c>, <c>J</c>, <c>F</c>: letters, digits, '-' and '_'.</param>
/// <param name="Label">Chart title, e.g. "IoU with the ground truth".</param>
/// <param name="Tracker">The tracker's display name (its colour on the page follows the leaderboard rank).</param>
/// <param name="Values">One value per frame (index 0 = frame 1); NaN = no value (drawn as a gap).</param>
public sealed record FrameSeries(string Key, string Label, string Tracker, double[] Values)
{
    /// <summary>Lower end of the value axis; null = the smallest finite value.</summary>
    public double? Min { get; init; }

    /// <summary>Upper end of the value axis; null = the largest finite value.</summary>
    public double? Max { get; init; }

    /// <summary>What the values are and which rule made them, shown under the chart (e.g. which IoU formula).</summary>
    public string? Note { get; init; }
}
