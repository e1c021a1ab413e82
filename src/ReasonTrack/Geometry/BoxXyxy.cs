namespace ReasonTrack.Geometry;

/// <summary>A box given by two corners, <c>[x1, y1, x2, y2]</c> (x2, y2 exclusive in continuous coordinates).</summary>
public readonly record struct BoxXyxy(double X1, double Y1, double X2, double Y2)
{
    public double Width => X2 - X1;
    public double Height => Y2 - Y1;
    public Box ToXywh() => new(X1, Y1, X2 - X1, Y2 - Y1);

    /// <summary>Corners sorted so that X1 &lt;= X2 and Y1 &lt;= Y2 (a model may answer them swapped).</summary>
    public BoxXyxy Normalized() => new(Math.Min(X1, X2), Math.Min(Y1, Y2), Math.Max(X1, X2), Math.Max(Y1, Y2));
}
