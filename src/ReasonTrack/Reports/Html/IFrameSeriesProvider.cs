namespace ReasonTrack.Reports.Html;

/// <summary>
/// Adds per-frame series to the sequence pages (<see cref="HtmlReportOptions.SeriesProviders"/>). The built-in ones give
/// IoU (<see cref="IouSeriesProvider"/>) and the tracker's score (<see cref="ScoreSeriesProvider"/>); mask evaluation adds
/// J and F the same way: implement <see cref="Series"/> returning one <see cref="FrameSeries"/> per tracker with a new
/// <see cref="FrameSeries.Key"/>, and append the provider to the options' list. Called once per sequence, from several
/// threads at once for different sequences.
/// </summary>
public interface IFrameSeriesProvider
{
    IEnumerable<FrameSeries> Series(SequencePageContext context);
}
