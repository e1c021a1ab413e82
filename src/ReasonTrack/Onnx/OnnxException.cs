namespace ReasonTrack.Onnx;

/// <summary>
/// A failure of ONNX Runtime or of getting a model ready: a model file that is missing or does not load, a run that
/// fails, a device that cannot be used. The message names the model and carries ONNX Runtime's own text when it
/// produced one (the official exception is the inner exception).
/// </summary>
public class OnnxException : ReasonTrackException
{
    public OnnxException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
