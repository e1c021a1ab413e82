using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Trackers.NanoTrack;

/// <summary>
/// A colour histogram of the target (ours, issue 15 item 3): 8 x 8 x 8 RGB bins on colour frames, 32 grey levels on
/// grey ones, over the box clipped to the frame. <see cref="Similarity"/> is the Bhattacharyya coefficient between
/// the model and a box's histogram (1 = same colours, 0 = none shared). The Siamese backbone's features hardly see
/// colour (a yellow look-alike of a red target scores as high as the target), so this is the presence check they
/// lack. Allocation-free after construction.
/// </summary>
public sealed class TargetColorHistogram
{
    private const int Bins = 512;
    private readonly float[] _model = new float[Bins];
    private readonly float[] _scratch = new float[Bins];
    private bool _learned;

    /// <summary>Sets the model to the histogram of <paramref name="box"/> in <paramref name="frame"/>.</summary>
    public void Learn(ImageFrame frame, Box box)
    {
        ArgumentNullException.ThrowIfNull(frame);
        _learned = Histogram(frame, box, _model) > 0;
    }

    /// <summary>Blends the histogram of <paramref name="box"/> into the model with weight <paramref name="rate"/>.</summary>
    public void Update(ImageFrame frame, Box box, double rate)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!_learned)
        {
            Learn(frame, box);
            return;
        }
        if (Histogram(frame, box, _scratch) == 0) return;
        float a = (float)rate, keep = 1 - a;
        for (int i = 0; i < Bins; i++) _model[i] = keep * _model[i] + a * _scratch[i];
    }

    /// <summary>Bhattacharyya coefficient of the model and the histogram of <paramref name="box"/>; 0 when either is empty.</summary>
    public double Similarity(ImageFrame frame, Box box)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (!_learned || Histogram(frame, box, _scratch) == 0) return 0;
        double bc = 0;
        for (int i = 0; i < Bins; i++) bc += Math.Sqrt(_model[i] * _scratch[i]);
        return Math.Min(1, bc);
    }

    /// <summary>Normalised histogram of the box clipped to the frame into <paramref name="h"/>; returns the pixel count.</summary>
    private static int Histogram(ImageFrame frame, Box box, float[] h)
    {
        Array.Clear(h);
        if (!box.IsFinite) return 0;
        int x0 = Math.Max(0, (int)Math.Floor(box.X)), y0 = Math.Max(0, (int)Math.Floor(box.Y));
        int x1 = Math.Min(frame.Width, (int)Math.Ceiling(box.Right)), y1 = Math.Min(frame.Height, (int)Math.Ceiling(box.Bottom));
        if (x1 <= x0 || y1 <= y0) return 0;
        // Every second pixel in each direction: plenty for a 512-bin histogram of any box above 20 x 20 pixels.
        int step = (x1 - x0) * (y1 - y0) >= 1600 ? 2 : 1;
        int count = 0;
        var data = frame.Data;
        int stride = frame.Stride;
        bool gray = frame.Format == PixelFormat.Gray8;
        for (int y = y0; y < y1; y += step)
        {
            int row = y * stride;
            for (int x = x0; x < x1; x += step)
            {
                int bin;
                if (gray) bin = data[row + x] >> 3;
                else
                {
                    int o = row + 3 * x;
                    bin = ((data[o] >> 5) << 6) | ((data[o + 1] >> 5) << 3) | (data[o + 2] >> 5);
                }
                h[bin]++;
                count++;
            }
        }
        float inv = 1f / count;
        for (int i = 0; i < Bins; i++) h[i] *= inv;
        return count;
    }
}
