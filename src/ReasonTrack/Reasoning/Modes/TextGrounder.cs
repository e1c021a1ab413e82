using Microsoft.Extensions.AI;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Vlm;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>
/// Text initialization: the first box from the description, with R1-Track's grounding prompt
/// (<c>Please return the coordinates of {text} in JSON format.</c>) on the whole first frame, read as xyxy in the
/// model's coordinate convention — done right: corners, not x,y,w,h, and not frame pixels unless the convention says
/// so (Qwen2.5-VL answers in the pixels of the image after its resize, which we make the image we send).
/// </summary>
public sealed class TextGrounder(IChatClient client, CoordinateConvention convention, ImageEncoding? encoding = null) : ITargetGrounder
{
    /// <summary>
    /// How the first frame is encoded: JPEG quality 95, 4:2:0, what R1-Track's client would send (<c>cv.imencode</c>);
    /// its text initialization never sent a working image (it passes the array as the URL), so this is our choice.
    /// </summary>
    public ImageEncoding Encoding { get; } = encoding ?? ImageEncoding.ReleasedR1Track;

    public string Mode => "grounding";

    public Task<ReasoningAnswer> GroundAsync(ImageFrame frame, ReasoningState state, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(state);
        string text = state.InitialDescription ?? throw new ReasonTrackException("text initialization needs a description (--text)");
        return FrameGrounding.AskAsync(client, frame, f => R1TrackPrompts.BuildGrounding(f, text), convention, Encoding, cancellation);
    }
}
