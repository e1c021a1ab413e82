using ReasonTrack.Media;

namespace ReasonTrack.Segmentation;

internal static class SegmenterChecks
{
    public static void MaskSize(ImageFrame frame, Span<byte> mask)
    {
        if (mask.Length != frame.Width * frame.Height)
            throw new ArgumentException($"the mask buffer holds {mask.Length} bytes, the {frame.Width}x{frame.Height} frame needs {frame.Width * frame.Height}", nameof(mask));
    }
}
