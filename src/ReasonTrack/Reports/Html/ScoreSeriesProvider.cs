namespace ReasonTrack.Reports.Html;

/// <summary>The tracker's own confidence per frame, from <c>&lt;seq&gt;_scores.txt</c> beside its results (trackers without one are left out).</summary>
public sealed class ScoreSeriesProvider : IFrameSeriesProvider
{
    public const string Key = "score";

    public IEnumerable<FrameSeries> Series(SequencePageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var t in context.Trackers)
        {
            if (t.Scores is null) continue;
            var v = new double[context.Frames];
            for (int i = 0; i < v.Length; i++) v[i] = i < t.Scores.Length ? t.Scores[i] : double.NaN;
            yield return new FrameSeries(Key, "Tracker score", t.Tracker, v) { Note = "the tracker's confidence as written to <seq>_scores.txt" };
        }
    }
}
