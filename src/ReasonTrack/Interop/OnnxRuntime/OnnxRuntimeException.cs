namespace ReasonTrack.Interop.OnnxRuntime;

/// <summary>
/// A failure of ONNX Runtime or of getting it ready: the native library missing, a model that does not load, a run
/// that fails. The message carries ORT's own text when ORT produced one, and says what to do when the cause is
/// ours to fix (installing the library, where to put model files).
/// </summary>
public sealed class OnnxRuntimeException : ReasonTrackException
{
    public OnnxRuntimeException(string message, OrtErrorCode errorCode = OrtErrorCode.None, Exception? inner = null)
        : base(message, inner)
    {
        ErrorCode = errorCode;
    }

    /// <summary>ORT's error code, or <see cref="OrtErrorCode.None"/> when the failure was detected before calling ORT.</summary>
    public OrtErrorCode ErrorCode { get; }
}
