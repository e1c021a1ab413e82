namespace ReasonTrack.Trackers.NanoTrack;

/// <summary>
/// NanoTrack's settings. <see cref="ForVersion"/> gives each release's published hyper-parameters (its
/// config.yaml TRACK section, seed-facts 8); the rest are ours.
/// </summary>
public sealed record NanoTrackOptions
{
    public NanoTrackVersion Version { get; init; } = NanoTrackVersion.V2;

    /// <summary>Weight of the cosine window against the penalised score (TRACK.WINDOW_INFLUENCE).</summary>
    public double WindowInfluence { get; init; } = 0.490;

    /// <summary>Strength of the scale/aspect change penalty (TRACK.PENALTY_K).</summary>
    public double PenaltyK { get; init; } = 0.150;

    /// <summary>Size update rate, multiplied by penalty x score of the chosen point (TRACK.LR).</summary>
    public double LearningRate { get; init; } = 0.385;

    /// <summary>
    /// <see cref="TrackResult.Found"/> is false when the chosen point's classification score (softmax probability,
    /// before penalties) falls below this. Measured on the 10 shared sequences (v1..v3): while the target is tracked
    /// the score's 5th percentile is 0.6..1.0 (0.31 on v3 Diving, where it does lose the diver for a few frames), so
    /// 0.3 flags only clear breakdowns. It is not an absence detector: on the VOT-LT frames where the target is out
    /// of view the score stays high (median 0.82..0.94), because NanoTrack locks onto a look-alike.
    /// </summary>
    public double FoundThreshold { get; init; } = 0.3;

    /// <summary>
    /// ONNX Runtime intra-op threads per network. 1 by default: on the 2-core machines this was measured on,
    /// 2 threads made a frame slower (thread hand-offs outweigh the tiny convolutions).
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Where the two networks run: the CPU (default) or a CUDA device (ours: opt-in, needs the GPU build and the CUDA
    /// libraries; never replaced by the CPU, see <see cref="ReasonTrack.Onnx.OnnxSessionFactory"/>).
    /// </summary>
    public ReasonTrack.Onnx.OnnxDevice Device { get; init; } = ReasonTrack.Onnx.OnnxDevice.Cpu;

    /// <summary>
    /// Ours (issue 15 item 3): a calibrated lost signal and global re-detection over the released tracker; null runs
    /// the released NanoTrack unchanged.
    /// </summary>
    public NanoTrackLongTermOptions? LongTerm { get; init; }

    /// <summary>The published hyper-parameters of <paramref name="version"/>.</summary>
    public static NanoTrackOptions ForVersion(NanoTrackVersion version) => version switch
    {
        NanoTrackVersion.V1 => new() { Version = version, WindowInfluence = 0.462, PenaltyK = 0.148, LearningRate = 0.390 },
        NanoTrackVersion.V2 => new() { Version = version, WindowInfluence = 0.490, PenaltyK = 0.150, LearningRate = 0.385 },
        NanoTrackVersion.V3 => new() { Version = version, WindowInfluence = 0.455, PenaltyK = 0.138, LearningRate = 0.348 },
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "unknown NanoTrack version"),
    };
}
