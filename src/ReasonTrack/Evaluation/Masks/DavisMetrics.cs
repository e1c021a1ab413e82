using ReasonTrack.Geometry.Masks;

namespace ReasonTrack.Evaluation.Masks;

/// <summary>
/// The DAVIS 2017 toolkit's per-frame metrics (davis2017-evaluation, commit ac7c43f, <c>davis2017/metrics.py</c>):
/// region similarity J (mask IoU, 1 when both masks are empty) and boundary accuracy F (the F-measure of boundary
/// pixels, each side matched within the other's boundary dilated by a disk of <see cref="BoundPix"/> pixels, with the
/// toolkit's special cases for empty boundaries). Boundaries follow <c>_seg2bmap</c>: the image border never makes
/// a boundary. Computed on bit planes, one word per 64 pixels, over the objects' rows only; the per-thread buffers
/// are reused, so scoring a frame does not allocate.
/// </summary>
public static class DavisMetrics
{
    /// <summary>The toolkit's boundary tolerance as a fraction of the image diagonal (metrics.py:40).</summary>
    public const double DefaultBoundThreshold = 0.008;

    [ThreadStatic] private static MaskPairWorkspace? _workspace;

    /// <summary>J: |result ∩ gt| / |result ∪ gt|, and 1 when the union is empty (metrics.py:29-36).</summary>
    public static double RegionSimilarity(Mask result, Mask gt)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(gt);
        return result.IoU(gt);
    }

    /// <summary>F of the result's boundary against the ground truth's with tolerance <paramref name="boundPix"/>.</summary>
    public static double BoundaryF(Mask result, Mask gt, int boundPix) => Counts(result, gt, boundPix).F;

    /// <summary>
    /// Every count behind J and F of one pair (the golden data's diagnostics). <paramref name="voidPixels"/> (ours;
    /// the toolkit's semi-supervised evaluation passes none) are left out of both masks first.
    /// </summary>
    public static DavisFrameCounts Counts(Mask result, Mask gt, int boundPix, Mask? voidPixels = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(gt);
        if (result.Width != gt.Width || result.Height != gt.Height)
            throw new ArgumentException($"Result mask is {result.Width}x{result.Height}, ground truth {gt.Width}x{gt.Height}.", nameof(result));
        var ws = Workspace(gt.Width, gt.Height, boundPix);
        ws.SetVoid(voidPixels);
        return ws.Score(result, gt);
    }

    /// <summary>
    /// The tolerance in pixels: <c>ceil(boundTh * sqrt(H² + W²))</c>, or <paramref name="boundTh"/> itself when it is
    /// at least 1 (metrics.py:77-78). 8 for 854x480, 6 for 640x360, 4 for 321x241.
    /// </summary>
    public static int BoundPix(int width, int height, double boundTh = DefaultBoundThreshold)
    {
        if (boundTh >= 1) return (int)boundTh;
        return (int)Math.Ceiling(boundTh * Math.Sqrt((double)height * height + (double)width * width));
    }

    /// <summary>Boundary pixels of a mask under the toolkit's <c>_seg2bmap</c> (an interior 1x1 object has 4).</summary>
    public static long BoundaryPixelCount(Mask mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return Workspace(mask.Width, mask.Height, 0).BoundaryPixels(mask);
    }

    /// <summary>Pixels of <c>skimage.morphology.disk(radius)</c>: integer offsets with dx² + dy² ≤ r² (197 for 8).</summary>
    public static int DiskPixels(int radius)
    {
        int n = 0;
        for (int dy = -radius; dy <= radius; dy++)
            for (int dx = -radius; dx <= radius; dx++)
                if (dx * dx + dy * dy <= radius * radius) n++;
        return n;
    }

    internal static MaskPairWorkspace Workspace(int width, int height, int boundPix)
    {
        var ws = _workspace;
        if (ws is null || !ws.Fits(width, height, boundPix)) _workspace = ws = new MaskPairWorkspace(width, height, boundPix);
        return ws;
    }
}
