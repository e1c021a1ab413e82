using ReasonTrack.Geometry.Masks;

namespace ReasonTrack.Reports.Html;

/// <summary>
/// One per-frame mask score drawn as a chart on the sequence pages (<see cref="HtmlReportMasks.Metrics"/>): J (region
/// similarity), F (boundary measure), or any other score of a result mask against its ground truth. Called from several
/// threads at once (for different sequences): implementations keep no per-call state.
/// </summary>
public interface IMaskFrameMetric
{
    /// <summary>Chart key (<see cref="FrameSeries.Key"/>), e.g. <c>J</c>.</summary>
    string Key { get; }

    /// <summary>Chart title.</summary>
    string Label { get; }

    /// <summary>What the numbers are and which rule made them (shown under the chart).</summary>
    string Note { get; }

    /// <summary>The score of one object's <paramref name="result"/> mask against its <paramref name="groundTruth"/> in one frame (same size).</summary>
    double Score(Mask result, Mask groundTruth);
}
