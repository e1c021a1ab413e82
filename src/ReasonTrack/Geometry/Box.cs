namespace ReasonTrack.Geometry;

/// <summary>
/// An axis-aligned box as the benchmarks store it: top-left corner and size, <c>[x, y, w, h]</c>, in pixels.
/// Values may be NaN (a tracker that reported nothing, or a ground-truth row for an absent target); nothing here
/// throws on NaN, callers decide what NaN means under their protocol.
/// </summary>
public readonly record struct Box(double X, double Y, double W, double H)
{
    /// <summary>Exclusive right edge in continuous coordinates (<c>x + w</c>).</summary>
    public double Right => X + W;

    /// <summary>Exclusive bottom edge in continuous coordinates (<c>y + h</c>).</summary>
    public double Bottom => Y + H;

    public double Area => W * H;

    /// <summary>True when all four values are finite numbers.</summary>
    public bool IsFinite => double.IsFinite(X) && double.IsFinite(Y) && double.IsFinite(W) && double.IsFinite(H);

    /// <summary>True when any of the four values is NaN.</summary>
    public bool HasNaN => double.IsNaN(X) || double.IsNaN(Y) || double.IsNaN(W) || double.IsNaN(H);

    /// <summary>True when the box is finite and both sides are strictly positive.</summary>
    public bool HasPositiveSize => IsFinite && W > 0 && H > 0;

    public static Box NaN => new(double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>Centre in continuous coordinates, <c>x + w/2</c> (got10k-toolkit, GIoU, crops).</summary>
    public (double X, double Y) Center => (X + W / 2, Y + H / 2);

    /// <summary>
    /// Centre as the Matlab toolkits (OTB, LaSOT, TNL2K, TNLLT) and pytracking compute it: <c>x + (w - 1)/2</c>,
    /// i.e. the middle of the pixel span when pixels are indexed from x to x + w - 1.
    /// </summary>
    public (double X, double Y) PixelCenter => (X + (W - 1) / 2, Y + (H - 1) / 2);

    public BoxXyxy ToXyxy() => new(X, Y, X + W, Y + H);

    public CenterBox ToCenter() => new(X + W / 2, Y + H / 2, W, H);

    public static Box FromXyxy(double x1, double y1, double x2, double y2) => new(x1, y1, x2 - x1, y2 - y1);

    public static Box FromCenter(double cx, double cy, double w, double h) => new(cx - w / 2, cy - h / 2, w, h);

    /// <summary>The box moved by (dx, dy).</summary>
    public Box Offset(double dx, double dy) => new(X + dx, Y + dy, W, H);

    /// <summary>Formats as <c>x,y,w,h</c> with invariant culture and round-trip precision.</summary>
    public override string ToString() => BoxText.Format(this, ",");
}
