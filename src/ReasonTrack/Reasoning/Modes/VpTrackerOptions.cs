using ReasonTrack.Reasoning.Parsing;
using ReasonTrack.Reasoning.Vlm;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>Settings of <see cref="VpTrackerReasoner"/>; prompt, crops and checks are the released ones.</summary>
public sealed record VpTrackerOptions
{
    public VpTrackerRole Role { get; init; } = VpTrackerRole.EveryFrame;

    /// <summary>
    /// How the model writes coordinates. VPTracker was fine-tuned to answer in pixels of the frame it is shown, which
    /// is sent unresized (<see cref="CoordinateConvention.AbsoluteAsSent"/>). With Qwen2.5 conventions the frame is
    /// resized client-side to the smart-resize size; with 0..1000 the validity checks apply to the 1000 x 1000 space.
    /// </summary>
    public CoordinateConvention Convention { get; init; } = CoordinateConvention.AbsoluteAsSent;

    /// <summary>Released: the first ```json block and its checks; Tolerant also reads unfenced or cut-off JSON, sorts corners, clips.</summary>
    public ReplyParsing Parsing { get; init; } = ReplyParsing.Released;

    /// <summary>Relocator: frames between two calls while the tracker stays lost (ours; a lost spell of a few frames costs one call).</summary>
    public int MinFramesBetweenCalls { get; init; } = 5;

    /// <summary>
    /// Relocator: an answer applied more than this many frames after the frame it was asked about is discarded as
    /// stale (realtime mode; the target has moved since). Ours: 30 frames, about a second of video.
    /// </summary>
    public int MaxAnswerAge { get; init; } = 30;

    /// <summary>
    /// Relocator guard against error accumulation (ours): a box whose width or height differs from the last box the
    /// tracker was sure of by more than this factor is rejected, so one wrong answer cannot re-seed the tracker on a
    /// different object of a very different size. 0 turns the guard off.
    /// </summary>
    public double MaxSizeChange { get; init; } = 4;

    /// <summary>
    /// How the template and search images are encoded. Released: lossless PNG (the fork's engine takes the images as
    /// PIL images, no JPEG step).
    /// </summary>
    public Media.ImageEncoding ImageEncoding { get; init; } = Media.ImageEncoding.ReleasedVpTracker;
}
