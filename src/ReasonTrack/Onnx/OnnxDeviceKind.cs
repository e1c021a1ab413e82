namespace ReasonTrack.Onnx;

/// <summary>Where an ONNX model runs: ONNX Runtime's CPU execution provider or its CUDA execution provider.</summary>
public enum OnnxDeviceKind
{
    Cpu,
    Cuda,
}
