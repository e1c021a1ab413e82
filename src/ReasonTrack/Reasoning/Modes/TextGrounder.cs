using Microsoft.Extensions.AI;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Vlm;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>
/// Text initialization, OURS: the first box from the description, with R1-Track's grounding prompt
/// (<c>Please return the coordinates of {text} in JSON format.</c>, from <c>infer_script/r1track.py</c>'s
/// <c>get_bbox_from_text</c>) on the whole first frame, read as xyxy in the model's coordinate convention. The released
/// text initialization does not work (it sends the numpy image itself as the image URL, and stores the xyxy reply as
/// x,y,w,h), so this is a working replacement of our own design, not the released behaviour: the frame is sent as an
/// image, the reply is read as corners, and mapped from the model's pixels (Qwen2.5-VL answers in the pixels of the
/// image after its resize, which we make the image we send). Logged as mode <see cref="ModeName"/>.
/// </summary>
public sealed class TextGrounder(IChatClient client, CoordinateConvention convention, ImageEncoding? encoding = null) : ITargetGrounder
{
    /// <summary>
    /// How the first frame is encoded: JPEG quality 95, 4:2:0, what R1-Track's client would send (<c>cv.imencode</c>);
    /// its text initialization never sent a working image (it passes the array as the URL), so this is our choice.
    /// </summary>
    public ImageEncoding Encoding { get; } = encoding ?? ImageEncoding.ReleasedR1Track;


    /// <summary>The reasoning log's mode for text initialization; "-ours" marks a design of ours, not a released one.</summary>
    public const string ModeName = "text-init-ours";

    public string Mode => ModeName;

    public Task<ReasoningAnswer> GroundAsync(ImageFrame frame, ReasoningState state, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(state);
        string text = state.InitialDescription ?? throw new ReasonTrackException("text initialization needs a target description");
        return FrameGrounding.AskAsync(client, frame, f => R1TrackPrompts.BuildGrounding(f, text), convention, Encoding, cancellation);
    }
}
