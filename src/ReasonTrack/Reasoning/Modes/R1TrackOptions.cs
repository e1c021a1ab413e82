using ReasonTrack.Reasoning.Parsing;
using ReasonTrack.Reasoning.Vlm;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>Settings of <see cref="R1TrackReasoner"/>; the defaults are the released inference script's.</summary>
public sealed record R1TrackOptions
{
    /// <summary>Think mode: the think prefix in the prompt and the think/answer reply format.</summary>
    public bool Think { get; init; }

    /// <summary>The prompt of the older 5k-sample checkpoints.</summary>
    public bool Legacy5kPrompt { get; init; }

    /// <summary>
    /// How the model writes coordinates. R1-Track's checkpoints are Qwen2.5-VL fine-tunes and 336 px crops pass its
    /// resize unchanged, so crop pixels are model pixels (<see cref="CoordinateConvention.Qwen25Absolute"/>); a
    /// normalized model gets the template box written in 0..1000 and its answer mapped back.
    /// </summary>
    public CoordinateConvention Convention { get; init; } = CoordinateConvention.Qwen25Absolute;

    /// <summary>Released: strict JSON (and the think fullmatch); Tolerant also reads fences, stray text and cut-off lists.</summary>
    public ReplyParsing Parsing { get; init; } = ReplyParsing.Released;

    /// <summary>
    /// Keep the previous box when the answer touches the image border (<c>x == 0</c>, <c>y == 0</c>, <c>w == 1</c>,
    /// <c>h == 1</c>, <c>w == imgW - x</c> or <c>h == imgH - y</c> after clipping). Off by default: the released
    /// <c>infer_script/r1track.py</c> at HEAD has no such rule. It is the <b>pre-0.680 behaviour</b>: commit 969f246
    /// removed it and in the same commit changed the README's 336 px GOT-10k row from AO 0.677 / SR0.5 0.764 /
    /// SR0.75 0.628 to the published 0.680 / 0.766 / 0.637.
    /// </summary>
    public bool RejectBorderBoxes { get; init; }

    /// <summary>
    /// How the crops are encoded. Released: JPEG at OpenCV's defaults, quality 95, 4:2:0
    /// (<c>infer_script/r1track.py</c> <c>img2base64</c>, <c>cv.imencode(".jpg", img)</c>).
    /// </summary>
    public Media.ImageEncoding ImageEncoding { get; init; } = Media.ImageEncoding.ReleasedR1Track;
}
