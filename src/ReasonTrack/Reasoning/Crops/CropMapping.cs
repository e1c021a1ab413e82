using ReasonTrack.Geometry;

namespace ReasonTrack.Reasoning.Crops;

/// <summary>
/// Where a square crop was taken and how it was scaled: image pixels <c>[X1, X1 + Side)</c> x <c>[Y1, Y1 + Side)</c>
/// resized to <c>OutSize x OutSize</c>, so crop coordinate = (image coordinate - X1) x <see cref="ResizeFactor"/>.
/// </summary>
public readonly record struct CropMapping(int X1, int Y1, int Side, int OutSize)
{
    /// <summary><c>out / crop</c>, as sample_target returns it.</summary>
    public double ResizeFactor => (double)OutSize / Side;

    /// <summary>A frame box in crop coordinates, xyxy (sample_target's <c>target_bb_in_crop</c>).</summary>
    public BoxXyxy ToCrop(Box box)
    {
        double f = ResizeFactor;
        double x = (box.X - X1) * f, y = (box.Y - Y1) * f;
        return new BoxXyxy(x, y, x + box.W * f, y + box.H * f);
    }

    /// <summary>A crop box back in frame coordinates (map_bbox_back: <c>X = x / resize_factor + crop_x1</c>).</summary>
    public Box ToImage(BoxXyxy box)
    {
        double f = ResizeFactor;
        double x1 = box.X1 / f + X1, y1 = box.Y1 / f + Y1, x2 = box.X2 / f + X1, y2 = box.Y2 / f + Y1;
        return new Box(x1, y1, x2 - x1, y2 - y1);
    }
}
