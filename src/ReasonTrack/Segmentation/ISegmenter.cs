using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Segmentation;

/// <summary>
/// Turns a tracker's box into a mask of the target on the same frame (ours: the box-prompted segmenter slot of issue 16;
/// SAM-family models, a colour model, or the box itself). One instance per sequence (a segmenter may keep a model
/// across frames); single-threaded like a tracker.
/// </summary>
public interface ISegmenter : IDisposable
{
    /// <summary>The segmenter's name as <see cref="SegmenterOptions"/> spells it (box, colour, onnx).</summary>
    string Name { get; }

    /// <summary>
    /// Writes the mask of the target in <paramref name="box"/> on <paramref name="frame"/> into <paramref name="mask"/>:
    /// <c>frame.Width * frame.Height</c> bytes, raster order, 1 = target, 0 = not. Every byte is written.
    /// </summary>
    void Segment(ImageFrame frame, Box box, Span<byte> mask);
}
