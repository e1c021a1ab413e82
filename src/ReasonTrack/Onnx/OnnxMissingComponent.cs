namespace ReasonTrack.Onnx;

/// <summary>What stood between a request for a CUDA device and a CUDA session (see <see cref="OnnxDeviceUnavailableException"/>).</summary>
public enum OnnxMissingComponent
{
    /// <summary>This build uses the CPU-only ONNX Runtime package (build property <c>OnnxRuntimeFlavor=cpu</c>).</summary>
    GpuBuild,

    /// <summary>The GPU package is in, but its CUDA provider could not load the CUDA / cuDNN libraries it links to.</summary>
    CudaLibraries,

    /// <summary>The CUDA libraries loaded, but the device (driver, ordinal) could not be used.</summary>
    CudaDevice,
}
