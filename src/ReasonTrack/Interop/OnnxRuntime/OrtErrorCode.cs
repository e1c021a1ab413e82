namespace ReasonTrack.Interop.OnnxRuntime;

/// <summary>
/// ONNX Runtime's <c>OrtErrorCode</c> values (same numbering as the C API), plus <see cref="None"/> for failures
/// detected on the managed side (library not found, unreadable model file) where ORT reported nothing.
/// </summary>
public enum OrtErrorCode
{
    None = -1,
    Ok = 0,
    Fail = 1,
    InvalidArgument = 2,
    NoSuchFile = 3,
    NoModel = 4,
    EngineError = 5,
    RuntimeException = 6,
    InvalidProtobuf = 7,
    ModelLoaded = 8,
    NotImplemented = 9,
    InvalidGraph = 10,
    ExecutionProviderFail = 11,
}
