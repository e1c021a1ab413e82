using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Vlm;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>Settings of <see cref="InstructionReasoner"/> (TrackGPT-style instruction tracking).</summary>
public sealed record InstructionOptions
{
    /// <summary>The implicit instruction, e.g. "the player who will win the race".</summary>
    public required string Instruction { get; init; }

    /// <summary>Rethink when the tracker's score falls below this times its score on the first tracked frame (paper: 0.5).</summary>
    public double RethinkFactor { get; init; } = RethinkRule.DefaultFactor;

    /// <summary>Frames between two rethinks (ours: a low-score spell costs one call, not one per frame).</summary>
    public int MinFramesBetweenRethinks { get; init; } = 10;

    /// <summary>A rethink answer applied more than this many frames after its frame is discarded as stale (realtime).</summary>
    public int MaxAnswerAge { get; init; } = 30;

    /// <summary>How the model writes coordinates (default from the model name, see <see cref="CoordinateConventions.ForModel"/>).</summary>
    public CoordinateConvention Convention { get; init; } = CoordinateConvention.Qwen25Absolute;

    /// <summary>How the frame is encoded (ours, nothing was released: JPEG quality 90, 4:2:0, as before issue 11).</summary>
    public Media.ImageEncoding ImageEncoding { get; init; } = Media.ImageEncoding.PreIssue11;
}
