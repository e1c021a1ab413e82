namespace ReasonTrack.Onnx;

/// <summary>
/// A CUDA device was asked for and cannot be used. Nothing ran on the CPU instead: a session for another device than
/// the one asked for is never created. <see cref="Missing"/> says what is missing; the message says what to do.
/// </summary>
public sealed class OnnxDeviceUnavailableException : OnnxException
{
    public OnnxDeviceUnavailableException(OnnxDevice device, OnnxMissingComponent missing, string message, Exception? inner = null)
        : base(message, inner)
    {
        Device = device;
        Missing = missing;
    }

    public OnnxDevice Device { get; }

    public OnnxMissingComponent Missing { get; }
}
