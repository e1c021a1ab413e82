namespace ReasonTrack.Geometry;

/// <summary>
/// A polygon region as VOT stores it: <c>x1,y1,x2,y2,...</c> (usually four rotated corners).
/// </summary>
public sealed class Polygon
{
    private readonly double[] _coords;

    public Polygon(IReadOnlyList<double> coords)
    {
        if (coords.Count < 6 || coords.Count % 2 != 0)
            throw new ArgumentException($"a polygon needs an even number of at least 6 coordinates, got {coords.Count}", nameof(coords));
        _coords = coords.ToArray();
    }

    public int PointCount => _coords.Length / 2;
    public (double X, double Y) this[int i] => (_coords[2 * i], _coords[2 * i + 1]);
    public IReadOnlyList<double> Coordinates => _coords;

    /// <summary>
    /// Area by the shoelace formula (absolute value, so the winding order does not matter).
    /// </summary>
    public double Area
    {
        get
        {
            double s = 0;
            for (int i = 0, n = PointCount; i < n; i++)
            {
                var (x1, y1) = this[i];
                var (x2, y2) = this[(i + 1) % n];
                s += x1 * y2 - x2 * y1;
            }
            return Math.Abs(s) / 2;
        }
    }

    /// <summary>
    /// The tightest axis-aligned box around all points: what the VOT toolkit's conversion of a polygon to a
    /// rectangle does (<c>left = min x, top = min y, width = max x - min x, height = max y - min y</c>).
    /// </summary>
    public Box ToBoundingBox()
    {
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity;
        double maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (int i = 0; i < PointCount; i++)
        {
            var (x, y) = this[i];
            minX = Math.Min(minX, x); maxX = Math.Max(maxX, x);
            minY = Math.Min(minY, y); maxY = Math.Max(maxY, y);
        }
        return new Box(minX, minY, maxX - minX, maxY - minY);
    }

    /// <summary>
    /// The area-preserving box that pysot-family trackers initialise from on VOT (<c>get_axis_aligned_bbox</c>):
    /// centre = mean of the corner coordinates; size = bounding-box size scaled by <c>sqrt(A1 / A2)</c>, where A1
    /// is the product of the first two side lengths and A2 the bounding-box area, plus one pixel; the box is then
    /// placed as <c>[cx - (w-1)/2, cy - (h-1)/2, w, h]</c>. Defined for four-corner polygons only.
    /// </summary>
    public Box ToAreaPreservingBox()
    {
        if (PointCount != 4)
            throw new InvalidOperationException($"the area-preserving conversion needs 4 corners, this polygon has {PointCount}");
        var bb = ToBoundingBox();
        double cx = 0, cy = 0;
        for (int i = 0; i < 4; i++) { cx += this[i].X; cy += this[i].Y; }
        cx /= 4; cy /= 4;
        var (x1, y1) = this[0];
        var (x2, y2) = this[1];
        var (x3, y3) = this[2];
        double a1 = Math.Sqrt((x1 - x2) * (x1 - x2) + (y1 - y2) * (y1 - y2))
                  * Math.Sqrt((x2 - x3) * (x2 - x3) + (y2 - y3) * (y2 - y3));
        double a2 = bb.W * bb.H;
        double s = a2 > 0 ? Math.Sqrt(a1 / a2) : 1;
        double w = s * bb.W + 1, h = s * bb.H + 1;
        return new Box(cx - (w - 1) / 2, cy - (h - 1) / 2, w, h);
    }
}
