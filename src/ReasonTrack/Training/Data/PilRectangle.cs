using ReasonTrack.Media;

namespace ReasonTrack.Training.Data;

/// <summary>
/// PIL's <c>ImageDraw.rectangle(xy, outline=colour, width=n)</c> for the training images of the stock ms-swift layout,
/// with the check recent Pillow makes (it raises <c>ValueError</c> when x1 &lt; x0 or y1 &lt; y0; the fork then draws a
/// random rectangle, which the sampler does). The pixels are <see cref="Drawing.DrawPilRectangle"/>'s, the one
/// implementation of PIL's routine (checked against Pillow 9.4.0), shared with the inference-side visual prompt.
/// </summary>
public static class PilRectangle
{
    /// <exception cref="ArgumentException">x1 &lt; x0 or y1 &lt; y0 (PIL raises ValueError too).</exception>
    public static void Draw(ImageFrame frame, int x0, int y0, int x1, int y1, Rgb color, int width)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (x1 < x0 || y1 < y0) throw new ArgumentException($"rectangle [{x0}, {y0}, {x1}, {y1}] has x1 < x0 or y1 < y0");
        // PIL treats width 0 as 1 for outlines.
        Drawing.DrawPilRectangle(frame, x0, y0, x1, y1, color, Math.Max(width, 1));
    }
}
