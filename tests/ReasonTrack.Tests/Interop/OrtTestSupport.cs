using ReasonTrack.Interop.OnnxRuntime;

namespace ReasonTrack.Tests.Interop;

/// <summary>
/// Creates an ONNX Runtime environment for tests, or skips the calling test with the loader's own message (which says
/// how to install the library) when the native library is not installed.
/// </summary>
public static class OrtTestSupport
{
    public static OrtEnvironment RequireEnvironment()
    {
        try
        {
            return OrtEnvironment.Create();
        }
        catch (OnnxRuntimeException e) when (e.ErrorCode == OrtErrorCode.None)
        {
            Assert.Skip("ONNX Runtime not available: " + e.Message);
            throw; // unreachable: Assert.Skip throws
        }
    }
}
