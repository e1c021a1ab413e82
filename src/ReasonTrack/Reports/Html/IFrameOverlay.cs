using ReasonTrack.Media;

namespace ReasonTrack.Reports.Html;

/// <summary>
/// Draws an extra layer on the sequence page's annotated video (<see cref="HtmlReportOptions.Overlays"/>), after the
/// ground truth and the trackers' boxes, e.g. masks as a translucent fill with an outline. Called for every frame of a
/// sequence in order, on the decoding thread of that sequence.
/// </summary>
public interface IFrameOverlay
{
    /// <summary>Draws on <paramref name="frame"/> (0-based <paramref name="frameIndex"/>) of the sequence in <paramref name="context"/>.</summary>
    void Draw(ImageFrame frame, int frameIndex, SequencePageContext context);

    /// <summary>A line shown under the video saying what this layer drew (plain text, escaped by the page); null = none.</summary>
    string? Caption(SequencePageContext context) => null;
}
