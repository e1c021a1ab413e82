using ReasonTrack.Media;

namespace ReasonTrack.Reports.Html;

/// <summary>
/// Masks on the HTML report's sequence pages (<see cref="HtmlReportOptions.Masks"/>; ours, issue 16 item 5). A tracker's
/// masks are the DAVIS results layout beside its box file (what <c>track</c>/<c>run</c> write with a segmenter,
/// <see cref="Trackers.MaskOutputs"/>: <c>&lt;folder of the box file&gt;/&lt;seq&gt;/00000.png</c>, ...), or a folder given in
/// <see cref="ResultFolders"/>. The video shows them as a translucent fill with an outline in each object's DAVIS
/// palette colour (<see cref="MaskOverlay"/>) and the ground truth's outline in white; with <see cref="Annotations"/>
/// each <see cref="Metrics"/> entry (J, F) adds a chart of its per-frame value, one line per tracker.
/// </summary>
public sealed record HtmlReportMasks
{
    /// <summary>
    /// The ground-truth masks in the DAVIS layout: a folder holding <c>&lt;seq&gt;/00000.png</c>, ... (DAVIS's
    /// <c>Annotations/480p</c>), or a DAVIS root holding <c>Annotations/480p/&lt;seq&gt;</c>, or for a one-sequence report
    /// the sequence's folder of PNGs itself. Null: the overlay only, no J/F charts.
    /// </summary>
    public string? Annotations { get; init; }

    /// <summary>
    /// DAVIS results folders (<c>&lt;folder&gt;/&lt;seq&gt;/00000.png</c>) by tracker name, for masks kept elsewhere than
    /// beside the boxes; a tracker not listed is looked up beside its box file.
    /// </summary>
    public IReadOnlyList<(string Tracker, string Directory)> ResultFolders { get; init; } = [];

    /// <summary>The per-frame charts made with ground truth, in order. Default: J (<see cref="MaskRegionSimilarity"/>) and F (<see cref="MaskBoundaryMeasure"/>), DAVIS 2017's.</summary>
    public IReadOnlyList<IMaskFrameMetric> Metrics { get; init; } = [new MaskRegionSimilarity(), new MaskBoundaryMeasure()];

    /// <summary>
    /// The trackers whose masks are drawn on the video. Null: the first tracker in leaderboard order that has masks
    /// (ours: every tracker's object 1 has the same palette colour, so several at once would be indistinguishable).
    /// </summary>
    public IReadOnlyList<string>? OverlayTrackers { get; init; }

    /// <summary>Fill opacity of the overlay (<see cref="MaskOverlay.Opacity"/>).</summary>
    public double Opacity { get; init; } = 0.45;

    /// <summary>Outline width of the overlay in pixels (<see cref="MaskOverlay.OutlineWidth"/>).</summary>
    public int OutlineWidth { get; init; } = 2;

    /// <summary>Whether the ground truth's masks are outlined (white, 1 px, no fill) on the video when <see cref="Annotations"/> is given.</summary>
    public bool OutlineGroundTruth { get; init; } = true;

    internal IEnumerable<IFrameSeriesProvider> SeriesProviders() => Metrics.Select(m => (IFrameSeriesProvider)new MaskSeriesProvider(this, m)).ToList();

    internal IFrameOverlay Overlay() => new MaskVideoOverlay(this);

    /// <summary>The ground-truth folder of <paramref name="sequence"/> under <see cref="Annotations"/> (see there), or null when there is none.</summary>
    /// <param name="sequence">The sequence's name.</param>
    /// <param name="onlySequence">Whether the report has this one sequence only (then a folder of PNGs itself is accepted).</param>
    public string? AnnotationFolder(string sequence, bool onlySequence = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(sequence);
        if (Annotations is null) return null;
        foreach (var candidate in new[] { Path.Combine(Annotations, sequence), Path.Combine(Annotations, "Annotations", "480p", sequence), Path.Combine(Annotations, "Annotations", sequence) })
            if (Directory.Exists(candidate)) return candidate;
        return onlySequence && File.Exists(Path.Combine(Annotations, "00000.png")) ? Annotations : null;
    }
}
