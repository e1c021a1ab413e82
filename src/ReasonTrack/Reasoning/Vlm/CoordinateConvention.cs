namespace ReasonTrack.Reasoning.Vlm;

/// <summary>How a vision-language model expresses box coordinates in its replies.</summary>
public enum CoordinateConvention
{
    /// <summary>Qwen2.5-VL: absolute pixels of the image after its smart resize (multiples of 28 within the pixel budget).</summary>
    Qwen25Absolute,

    /// <summary>Qwen2-VL and Qwen3-VL: 0..1000 relative to the image width and height.</summary>
    Normalized1000,

    /// <summary>Absolute pixels of the image exactly as it was sent.</summary>
    AbsoluteAsSent,
}
