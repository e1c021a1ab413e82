namespace ReasonTrack.Geometry;

/// <summary>
/// Overlap and distance measures between boxes. Each variant states the toolkit whose arithmetic it follows,
/// because protocols that must reproduce a toolkit to the last bit need that toolkit's order of operations.
/// </summary>
public static class Overlap
{
    /// <summary>
    /// Continuous intersection-over-union: intersection of <c>[x, x+w) x [y, y+h)</c>. Returns 0 when the union is
    /// not positive, NaN when any input is NaN.
    /// </summary>
    public static double Iou(in Box a, in Box b)
    {
        if (a.HasNaN || b.HasNaN) return double.NaN;
        double iw = Math.Max(0, Math.Min(a.X + a.W, b.X + b.W) - Math.Max(a.X, b.X));
        double ih = Math.Max(0, Math.Min(a.Y + a.H, b.Y + b.H) - Math.Max(a.Y, b.Y));
        double inter = iw * ih;
        double union = a.W * a.H + b.W * b.H - inter;
        return union > 0 ? inter / union : 0;
    }

    /// <summary>
    /// IoU in the "+1 pixel" form of the Matlab toolkits' <c>calc_rect_int.m</c> (OTB, LaSOT, TNL2K, TNLLT), with the
    /// same order of floating-point operations: <c>right = left + w - 1</c>, intersection
    /// <c>max(0, min(right) - max(left) + 1)</c> per axis, areas <c>w*h</c>. Mathematically equal to
    /// <see cref="Iou"/> for xywh boxes; bit-for-bit equal to the toolkit. No NaN or sign checks: NaN propagates and
    /// negative sizes give what Matlab gives; min/max ignore a NaN operand as Matlab's do (so a row with only x = NaN
    /// still yields a finite overlap there).
    /// </summary>
    public static double IouPlusOnePixel(in Box a, in Box b)
    {
        double rightA = a.X + a.W - 1, topA = a.Y + a.H - 1;
        double rightB = b.X + b.W - 1, topB = b.Y + b.H - 1;
        double iw = MatlabMax(0, MatlabMin(rightA, rightB) - MatlabMax(a.X, b.X) + 1);
        double ih = MatlabMax(0, MatlabMin(topA, topB) - MatlabMax(a.Y, b.Y) + 1);
        double inter = iw * ih;
        double areaA = a.W * a.H, areaB = b.W * b.H;
        return inter / (areaA + areaB - inter);
    }

    /// <summary>
    /// Matlab's two-argument <c>min</c>/<c>max</c> ignore NaN unless both are NaN (.NET's Math.Min/Max return NaN).
    /// </summary>
    internal static double MatlabMin(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Min(a, b);

    internal static double MatlabMax(double a, double b) => double.IsNaN(a) ? b : double.IsNaN(b) ? a : Math.Max(a, b);

    /// <summary>
    /// IoU as got10k-toolkit's <c>rect_iou</c> computes it: continuous intersection, <c>inter / (union + eps)</c>,
    /// clipped to [0, 1]. When <paramref name="bound"/> is given both boxes are first clipped to the image
    /// (<c>x in [0, W]</c>, <c>w in [0, W - x]</c>), as ExperimentGOT10k does with the sequence resolution.
    /// </summary>
    public static double IouGot10k(Box a, Box b, ImageSize? bound)
    {
        if (bound is { } s)
        {
            a = ClipGot10k(a, s);
            b = ClipGot10k(b, s);
        }
        double x1 = Math.Max(a.X, b.X), y1 = Math.Max(a.Y, b.Y);
        double x2 = Math.Min(a.X + a.W, b.X + b.W), y2 = Math.Min(a.Y + a.H, b.Y + b.H);
        double inter = Math.Max(x2 - x1, 0) * Math.Max(y2 - y1, 0);
        double union = a.W * a.H + b.W * b.H - inter;
        double iou = inter / (union + NumpyEps);
        return Math.Clamp(iou, 0.0, 1.0);
    }

    /// <summary>numpy's <c>np.finfo(float).eps</c>, the same value as Matlab's <c>eps</c>.</summary>
    private const double NumpyEps = 2.220446049250313e-16;

    private static Box ClipGot10k(Box r, ImageSize s)
    {
        double x = Math.Clamp(r.X, 0, s.Width);
        double y = Math.Clamp(r.Y, 0, s.Height);
        double w = Math.Clamp(r.W, 0, s.Width - x);
        double h = Math.Clamp(r.H, 0, s.Height - y);
        return new Box(x, y, w, h);
    }

    /// <summary>
    /// Generalized IoU (Rezatofighi et al. 2019) on continuous boxes: <c>IoU - (C - U) / C</c> with C the smallest
    /// enclosing box. In [-1, 1]. Boxes with non-positive size are treated as points/lines (area 0).
    /// </summary>
    public static double Giou(in Box a, in Box b)
    {
        if (a.HasNaN || b.HasNaN) return double.NaN;
        double aw = Math.Max(a.W, 0), ah = Math.Max(a.H, 0), bw = Math.Max(b.W, 0), bh = Math.Max(b.H, 0);
        double iw = Math.Max(0, Math.Min(a.X + aw, b.X + bw) - Math.Max(a.X, b.X));
        double ih = Math.Max(0, Math.Min(a.Y + ah, b.Y + bh) - Math.Max(a.Y, b.Y));
        double inter = iw * ih;
        double union = aw * ah + bw * bh - inter;
        double cw = Math.Max(a.X + aw, b.X + bw) - Math.Min(a.X, b.X);
        double ch = Math.Max(a.Y + ah, b.Y + bh) - Math.Min(a.Y, b.Y);
        double c = cw * ch;
        double iou = union > 0 ? inter / union : 0;
        return c > 0 ? iou - (c - union) / c : iou;
    }

    /// <summary>Euclidean distance between the continuous centres (<c>x + w/2</c>).</summary>
    public static double CenterError(in Box a, in Box b)
    {
        var (ax, ay) = a.Center;
        var (bx, by) = b.Center;
        return Math.Sqrt((ax - bx) * (ax - bx) + (ay - by) * (ay - by));
    }

    /// <summary>
    /// Centre distance after dividing each centre by the ground truth's width and height (the normalized precision
    /// of TrackingNet and LaSOT): <c>||c_pred / (w_gt, h_gt) - c_gt / (w_gt, h_gt)||</c>.
    /// </summary>
    public static double NormalizedCenterError(in Box pred, in Box gt)
    {
        var (px, py) = pred.Center;
        var (gx, gy) = gt.Center;
        double dx = px / gt.W - gx / gt.W, dy = py / gt.H - gy / gt.H;
        return Math.Sqrt(dx * dx + dy * dy);
    }

    /// <summary>
    /// Clips a box to the image <c>[0, W] x [0, H]</c>. A box entirely outside the image becomes a zero-size box on
    /// the nearest border.
    /// </summary>
    public static Box Clip(in Box b, ImageSize size)
    {
        double x1 = Math.Clamp(b.X, 0, size.Width), y1 = Math.Clamp(b.Y, 0, size.Height);
        double x2 = Math.Clamp(b.X + b.W, 0, size.Width), y2 = Math.Clamp(b.Y + b.H, 0, size.Height);
        return new Box(x1, y1, Math.Max(0, x2 - x1), Math.Max(0, y2 - y1));
    }
}
