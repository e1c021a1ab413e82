using ReasonTrack.Media;

namespace ReasonTrack.Reports.Html;

/// <summary>
/// Draws masks on a sequence page's video (<see cref="HtmlReportMasks"/>): the chosen trackers' masks as a translucent
/// fill and outline in each object's DAVIS palette colour (<see cref="MaskOverlay.ColourOf"/>), then the ground truth's
/// outline in white. Masks of another size than the video's frames are not drawn (one warning per sequence).
/// </summary>
public sealed class MaskVideoOverlay(HtmlReportMasks options) : IFrameOverlay
{
    private sealed class PageState(HtmlReportMasks o)
    {
        public readonly MaskOverlay Fill = new() { Opacity = o.Opacity, OutlineWidth = o.OutlineWidth };
        public readonly MaskOverlay Outline = new() { Opacity = 0, OutlineWidth = 1 };
        public bool Warned;
        public List<string>? Shown;
    }

    public void Draw(ImageFrame frame, int frameIndex, SequencePageContext context)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(context);
        var data = SequenceMaskData.Of(context, options);
        var state = context.Shared("mask-overlay", () => new PageState(options));
        state.Shown ??= Chosen(context, data);
        foreach (string tracker in state.Shown)
        {
            var masks = data.Results[tracker];
            if (!Fits(masks.Width, masks.Height, frame, context, state)) continue;
            foreach (var (id, mask) in masks.ObjectsIn(frameIndex)) state.Fill.Draw(frame, mask, MaskOverlay.ColourOf(id));
        }
        if (options.OutlineGroundTruth && data.GroundTruth is { } gt && Fits(gt.Width, gt.Height, frame, context, state))
            foreach (var (_, mask) in gt.ObjectsIn(frameIndex)) state.Outline.Draw(frame, mask, Rgb.White);
    }

    public string? Caption(SequencePageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = SequenceMaskData.Of(context, options);
        var shown = Chosen(context, data);
        if (shown.Count == 0) return null;
        return $"Masks on the video: {string.Join(", ", shown)} (translucent fill and outline, each object in its DAVIS palette colour)" +
               (options.OutlineGroundTruth && data.GroundTruth is not null ? "; ground-truth masks outlined in white." : ".");
    }

    private List<string> Chosen(SequencePageContext context, SequenceMaskData data)
    {
        if (options.OverlayTrackers is { } named) return named.Where(data.Results.ContainsKey).ToList();
        var first = context.Trackers.FirstOrDefault(t => data.Results.ContainsKey(t.Tracker));
        return first is null ? [] : [first.Tracker];
    }

    private static bool Fits(int width, int height, ImageFrame frame, SequencePageContext context, PageState state)
    {
        if (width == frame.Width && height == frame.Height) return true;
        if (!state.Warned) context.Warn?.Invoke($"{context.Sequence.Name}: masks are {width}x{height}, the video's frames {frame.Width}x{frame.Height}: not drawn");
        state.Warned = true;
        return false;
    }
}
