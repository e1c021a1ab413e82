namespace ReasonTrack.Interop.OnnxRuntime;

/// <summary>ONNX Runtime's <c>GraphOptimizationLevel</c> (same values as the C API).</summary>
public enum OrtGraphOptimizationLevel
{
    DisableAll = 0,
    Basic = 1,
    Extended = 2,
    All = 99,
}
