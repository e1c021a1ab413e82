using ReasonTrack.Datasets;
using ReasonTrack.IO;
using ReasonTrack.Results;

namespace ReasonTrack.Reports.Html;

/// <summary>What <see cref="HtmlReportBuilder"/> builds and from what (every choice below is ours: no toolkit has an HTML report of this kind).</summary>
public sealed record HtmlReportOptions
{
    /// <summary>The folder the site is written to (created; files of an earlier report there are overwritten).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Title of every page; null = "&lt;dataset&gt; results".</summary>
    public string? Title { get; init; }

    /// <summary>
    /// The dataset evaluated (its ground truth, absence labels and, when loaded with frames, the frames for the videos).
    /// Null: the leaderboard, plots and attribute tables only (e.g. a report made from an eval JSON).
    /// </summary>
    public Dataset? Dataset { get; init; }

    /// <summary>The result folders evaluated, in the report's tracker order (per-frame boxes, scores and reasoning logs are read from them).</summary>
    public IReadOnlyList<ResultSource> Results { get; init; } = [];

    /// <summary>
    /// More folders holding reasoning side files (<c>&lt;seq&gt;_reasoning.jsonl</c>, <c>_descriptions.txt</c>), keyed by the
    /// tracker name they belong to; a tracker's own result folder is always searched.
    /// </summary>
    public IReadOnlyList<(string Tracker, string Directory)> ReasoningFolders { get; init; } = [];

    /// <summary>How result files are read for the per-frame series (null = the first report's protocol's rules).</summary>
    public NumericTableOptions? BoxReading { get; init; }

    public HtmlReportVideo Video { get; init; } = HtmlReportVideo.Auto;

    /// <summary>Videos already made (e.g. <c>track --video</c>'s), by sequence name: copied and shown as they are instead of rendering one.</summary>
    public IReadOnlyDictionary<string, string> Videos { get; init; } = new Dictionary<string, string>();

    /// <summary>Frame rate of the annotated videos (also how the page maps video time to frames).</summary>
    public double VideoFps { get; init; } = 30;

    /// <summary>ffmpeg executable for the videos; null = REASONTRACK_FFMPEG or PATH.</summary>
    public string? FfmpegPath { get; init; }

    /// <summary>Font and label sizes of the frame number drawn on the videos; null = <see cref="Media.AnnotationOptions"/>'s defaults
    /// (DejaVu Sans where the system has it; a missing font is an error, never a silent fallback).</summary>
    public Media.AnnotationOptions? Annotation { get; init; }

    /// <summary>Series on the sequence pages, in chart order. Default: IoU, then score; append a provider to add J, F or anything per frame.</summary>
    public IReadOnlyList<IFrameSeriesProvider> SeriesProviders { get; init; } = [new IouSeriesProvider(), new ScoreSeriesProvider()];

    /// <summary>Extra layers drawn on the annotated videos after the boxes (e.g. masks).</summary>
    public IReadOnlyList<IFrameOverlay> Overlays { get; init; } = [];

    /// <summary>
    /// Masks on the sequence pages (issue 16 item 5, ours): each tracker's DAVIS-layout masks overlaid on the video and,
    /// with ground-truth masks, J and F per frame as two more charts. Null = none.
    /// </summary>
    public HtmlReportMasks? Masks { get; init; }

    /// <summary>IoU below which frames count towards a worst segment (0.5: the success rate's usual threshold).</summary>
    public double WorstSegmentThreshold { get; init; } = 0.5;

    /// <summary>Worst segments listed per tracker on a sequence page.</summary>
    public int WorstSegmentCount { get; init; } = 5;

    /// <summary>
    /// Longest series stored per chart line: longer sequences are shown as means over equal runs of frames (the worst
    /// segments are still found on every frame), so a page stays small on 10,000-frame sequences.
    /// </summary>
    public int MaxSeriesPoints { get; init; } = 5000;

    /// <summary>Sequences processed at once (null = processor count).</summary>
    public int? Parallelism { get; init; }
}
