namespace ReasonTrack.Interop.OnnxRuntime;

/// <summary>
/// How a session runs. Defaults suit small per-frame networks: one intra-op thread (on a couple of cores a thread
/// pool's hand-offs cost more than the convolutions gain; NanoTrack measured this), one inter-op thread (sequential
/// execution: these graphs are chains) and all graph optimizations.
/// </summary>
public sealed record OrtSessionSettings
{
    /// <summary>Threads inside one operator; 0 lets ORT choose (one per core).</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Threads across independent operators (used only by parallel execution; kept at 1).</summary>
    public int InterOpThreads { get; init; } = 1;

    public OrtGraphOptimizationLevel OptimizationLevel { get; init; } = OrtGraphOptimizationLevel.All;
}
