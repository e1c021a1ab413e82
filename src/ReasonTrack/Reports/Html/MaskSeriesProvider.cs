namespace ReasonTrack.Reports.Html;

/// <summary>
/// One mask metric per frame (J, F, ...: <see cref="IMaskFrameMetric"/>) of every tracker with masks on a sequence
/// whose ground-truth masks are known (<see cref="HtmlReportMasks"/>). A frame's value is the plain mean over the
/// objects of the ground truth's first frame (an object missing from a mask is an empty mask there, as in the DAVIS
/// toolkit); NaN beyond the last frame of either. All frames are shown, the first and last included (the DAVIS
/// toolkit leaves them out of its means).
/// </summary>
public sealed class MaskSeriesProvider(HtmlReportMasks options, IMaskFrameMetric metric) : IFrameSeriesProvider
{
    public IEnumerable<FrameSeries> Series(SequencePageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = SequenceMaskData.Of(context, options);
        if (data.GroundTruth is not { } gt || data.Objects.Count == 0) yield break;
        foreach (var t in context.Trackers)
        {
            if (!data.Results.TryGetValue(t.Tracker, out var result)) continue;
            var values = new double[context.Frames];
            for (int f = 0; f < values.Length; f++)
            {
                if (f >= gt.FrameCount || f >= result.FrameCount) { values[f] = double.NaN; continue; }
                double sum = 0;
                foreach (int id in data.Objects) sum += metric.Score(result.GetOrEmpty(f, id), gt.GetOrEmpty(f, id));
                values[f] = sum / data.Objects.Count;
            }
            yield return new FrameSeries(metric.Key, metric.Label, t.Tracker, values) { Min = 0, Max = 1, Note = metric.Note };
        }
    }
}
