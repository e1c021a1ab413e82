using Microsoft.ML.OnnxRuntime;

namespace ReasonTrack.Onnx;

/// <summary>
/// How <see cref="OnnxSessionFactory"/> makes a session. Defaults suit small per-frame networks: one intra-op thread
/// (on a couple of cores a thread pool's hand-offs cost more than the convolutions gain; NanoTrack measured this),
/// one inter-op thread with sequential execution (these graphs are chains), all graph optimizations, the CPU.
/// </summary>
public sealed record OnnxSessionOptions
{
    /// <summary>Threads inside one operator; 0 lets ONNX Runtime choose (one per core).</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Threads across independent operators (used only by parallel execution; kept at 1).</summary>
    public int InterOpThreads { get; init; } = 1;

    public GraphOptimizationLevel OptimizationLevel { get; init; } = GraphOptimizationLevel.ORT_ENABLE_ALL;

    /// <summary>CPU (default) or a CUDA device; CUDA needs the GPU build and the CUDA libraries (see <see cref="OnnxSessionFactory"/>).</summary>
    public OnnxDevice Device { get; init; } = OnnxDevice.Cpu;
}
