using ReasonTrack.Geometry;

namespace ReasonTrack.Reasoning.Vlm;

/// <summary>
/// Maps boxes between a model's coordinate space and the original frame's pixels, for one image sent to the model.
/// <c>original</c> is the frame the caller tracks in; <c>sent</c> is the image actually encoded into the request (after
/// any client-side resize). For Qwen2.5 the model's space is <see cref="QwenSmartResize"/> of the sent size, which equals
/// the sent size when <see cref="SendSize"/> was used to resize first, making the mapping exact.
/// </summary>
public sealed class CoordinateMapper
{
    public CoordinateMapper(CoordinateConvention convention, ImageSize original, ImageSize sent)
    {
        if (original.Width <= 0 || original.Height <= 0) throw new ArgumentOutOfRangeException(nameof(original), original, "size must be positive");
        if (sent.Width <= 0 || sent.Height <= 0) throw new ArgumentOutOfRangeException(nameof(sent), sent, "size must be positive");
        Convention = convention;
        Original = original;
        Sent = sent;
        ModelSpace = convention switch
        {
            CoordinateConvention.Qwen25Absolute => QwenSmartResize.Size(sent.Width, sent.Height),
            CoordinateConvention.Normalized1000 => new ImageSize(1000, 1000),
            CoordinateConvention.AbsoluteAsSent => sent,
            _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, "unknown coordinate convention"),
        };
    }

    public CoordinateConvention Convention { get; }
    public ImageSize Original { get; }
    public ImageSize Sent { get; }

    /// <summary>Extent of the model's coordinate space (1000 x 1000 for normalized models).</summary>
    public ImageSize ModelSpace { get; }

    /// <summary>
    /// Size to resize a frame of <paramref name="original"/> size to before sending: Qwen's smart-resize size for
    /// <see cref="CoordinateConvention.Qwen25Absolute"/> (so the server does not resize again), the original otherwise.
    /// </summary>
    public static ImageSize SendSize(CoordinateConvention convention, ImageSize original,
        int minPixels = QwenSmartResize.DefaultMinPixels, int maxPixels = QwenSmartResize.DefaultMaxPixels) =>
        convention == CoordinateConvention.Qwen25Absolute
            ? QwenSmartResize.Size(original.Width, original.Height, minPixels, maxPixels)
            : original;

    /// <summary>A model box (x1, y1, x2, y2 in the model's space) in original-frame pixels.</summary>
    public BoxXyxy ToOriginal(BoxXyxy modelBox)
    {
        double sx = (double)Original.Width / ModelSpace.Width, sy = (double)Original.Height / ModelSpace.Height;
        return new BoxXyxy(modelBox.X1 * sx, modelBox.Y1 * sy, modelBox.X2 * sx, modelBox.Y2 * sy);
    }

    /// <summary>An original-frame box in the model's space (for prompts that state a box, e.g. R1-Track's template box).</summary>
    public BoxXyxy ToModel(BoxXyxy originalBox)
    {
        double sx = (double)ModelSpace.Width / Original.Width, sy = (double)ModelSpace.Height / Original.Height;
        return new BoxXyxy(originalBox.X1 * sx, originalBox.Y1 * sy, originalBox.X2 * sx, originalBox.Y2 * sy);
    }
}
