namespace ReasonTrack.Geometry;

/// <summary>A box given by its continuous centre and size, <c>[cx, cy, w, h]</c>.</summary>
public readonly record struct CenterBox(double Cx, double Cy, double W, double H)
{
    public Box ToXywh() => new(Cx - W / 2, Cy - H / 2, W, H);
}
