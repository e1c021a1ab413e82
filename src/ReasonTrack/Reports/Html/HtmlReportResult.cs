namespace ReasonTrack.Reports.Html;

/// <summary>What <see cref="HtmlReportBuilder.Build"/> wrote.</summary>
public sealed record HtmlReportResult(string IndexPath, int SequencePages, int Videos, int Thumbnails, IReadOnlyList<string> Warnings)
{
    /// <summary>Every page written, relative to the output folder with '/' separators (index first).</summary>
    public IReadOnlyList<string> Pages { get; init; } = [];
}
