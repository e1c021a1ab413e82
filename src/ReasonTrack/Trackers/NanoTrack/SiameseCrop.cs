using ReasonTrack.Media;

namespace ReasonTrack.Trackers.NanoTrack;

/// <summary>
/// The reference's <c>get_subwindow</c> in one pass: a square of <c>originalSize</c> pixels centred on the target,
/// padded with the mean colour where it leaves the image, resized bilinearly to <c>modelSize</c> and written as
/// planar float B, G, R (raw 0..255, no normalisation) straight into a network input tensor. The reference builds
/// a padded copy of the frame, slices it and calls <c>cv2.resize</c>; sampling the frame directly with "outside =
/// mean colour" gives the same pixels without the copy. Index tables are preallocated: no allocation per frame.
/// </summary>
internal sealed class SiameseCrop
{
    private readonly int _modelSize;
    // Per output column / row: the two source pixels (frame coordinates, -1 = outside the frame) and the weight of
    // the second one.
    private readonly int[] _x0, _x1, _y0, _y1;
    private readonly float[] _fx, _fy;

    public SiameseCrop(int modelSize)
    {
        _modelSize = modelSize;
        _x0 = new int[modelSize];
        _x1 = new int[modelSize];
        _y0 = new int[modelSize];
        _y1 = new int[modelSize];
        _fx = new float[modelSize];
        _fy = new float[modelSize];
    }

    /// <summary>
    /// Fills <paramref name="destination"/> (3 x modelSize x modelSize floats, B then G then R planes).
    /// <paramref name="centerX"/>, <paramref name="centerY"/> use the reference's pixel-centre convention.
    /// </summary>
    /// <param name="meanBgr">Padding colour, already truncated to whole levels as the reference's uint8 padding is.</param>
    public void Extract(ImageFrame frame, double centerX, double centerY, int originalSize, ReadOnlySpan<float> meanBgr, Span<float> destination)
    {
        int m = _modelSize;
        if (destination.Length < 3 * m * m) throw new ArgumentException("destination too small", nameof(destination));
        if (originalSize < 1) originalSize = 1;
        // Reference: c = (sz + 1) / 2, xmin = floor(pos - c + 0.5), the patch spans xmin .. xmin + sz - 1.
        double c = (originalSize + 1) / 2.0;
        int xmin = (int)Math.Floor(centerX - c + 0.5);
        int ymin = (int)Math.Floor(centerY - c + 0.5);
        Axis(xmin, originalSize, frame.Width, _x0, _x1, _fx);
        Axis(ymin, originalSize, frame.Height, _y0, _y1, _fy);

        int plane = m * m;
        var bPlane = destination[..plane];
        var gPlane = destination.Slice(plane, plane);
        var rPlane = destination.Slice(2 * plane, plane);
        byte[] data = frame.Data;
        int stride = frame.Stride;
        if (frame.Format == PixelFormat.Gray8)
        {
            float pad = meanBgr[0];
            for (int v = 0; v < m; v++)
            {
                int r0 = _y0[v] < 0 ? -1 : _y0[v] * stride, r1 = _y1[v] < 0 ? -1 : _y1[v] * stride;
                float fy = _fy[v];
                int o = v * m;
                for (int u = 0; u < m; u++)
                {
                    int a = _x0[u], b = _x1[u];
                    float p00 = r0 >= 0 && a >= 0 ? data[r0 + a] : pad;
                    float p01 = r0 >= 0 && b >= 0 ? data[r0 + b] : pad;
                    float p10 = r1 >= 0 && a >= 0 ? data[r1 + a] : pad;
                    float p11 = r1 >= 0 && b >= 0 ? data[r1 + b] : pad;
                    float value = Blend(p00, p01, p10, p11, _fx[u], fy);
                    // Grey frames feed the same value to all three channels (the network expects 3).
                    bPlane[o + u] = value;
                    gPlane[o + u] = value;
                    rPlane[o + u] = value;
                }
            }
            return;
        }

        float padB = meanBgr[0], padG = meanBgr[1], padR = meanBgr[2];
        for (int v = 0; v < m; v++)
        {
            int r0 = _y0[v] < 0 ? -1 : _y0[v] * stride, r1 = _y1[v] < 0 ? -1 : _y1[v] * stride;
            float fy = _fy[v];
            int o = v * m;
            for (int u = 0; u < m; u++)
            {
                int a = _x0[u] < 0 ? -1 : _x0[u] * 3, b = _x1[u] < 0 ? -1 : _x1[u] * 3;
                float fx = _fx[u];
                // Rgb24 stores R, G, B; the network was trained on OpenCV's B, G, R planes.
                bPlane[o + u] = Sample(data, r0, r1, a, b, 2, padB, fx, fy);
                gPlane[o + u] = Sample(data, r0, r1, a, b, 1, padG, fx, fy);
                rPlane[o + u] = Sample(data, r0, r1, a, b, 0, padR, fx, fy);
            }
        }
    }

    private static float Sample(byte[] data, int r0, int r1, int a, int b, int channel, float pad, float fx, float fy)
    {
        float p00 = r0 >= 0 && a >= 0 ? data[r0 + a + channel] : pad;
        float p01 = r0 >= 0 && b >= 0 ? data[r0 + b + channel] : pad;
        float p10 = r1 >= 0 && a >= 0 ? data[r1 + a + channel] : pad;
        float p11 = r1 >= 0 && b >= 0 ? data[r1 + b + channel] : pad;
        return Blend(p00, p01, p10, p11, fx, fy);
    }

    /// <summary>
    /// Bilinear blend, rounded to a whole level: cv2.resize on the reference's uint8 patch returns uint8, so the
    /// network saw integers. (OpenCV blends with 11-bit fixed-point weights; float weights differ from it by at most
    /// one level on rare pixels.)
    /// </summary>
    private static float Blend(float p00, float p01, float p10, float p11, float fx, float fy)
    {
        float top = p00 + (p01 - p00) * fx;
        float bottom = p10 + (p11 - p10) * fx;
        return MathF.Floor(top + (bottom - top) * fy + 0.5f);
    }

    /// <summary>
    /// cv2.resize INTER_LINEAR's source positions for one axis: <c>s = (d + 0.5) * scale - 0.5</c>, clamped to the
    /// patch's edge pixels (OpenCV replicates the border of the patch it is given), then moved into frame
    /// coordinates; a source pixel outside the frame is marked -1 (the reference's mean-colour padding).
    /// </summary>
    private void Axis(int start, int originalSize, int frameSize, int[] i0, int[] i1, float[] weight)
    {
        double scale = (double)originalSize / _modelSize;
        for (int d = 0; d < _modelSize; d++)
        {
            double s = (d + 0.5) * scale - 0.5;
            int k = (int)Math.Floor(s);
            double f = s - k;
            if (k < 0)
            {
                k = 0;
                f = 0;
            }
            if (k >= originalSize - 1)
            {
                k = originalSize - 1;
                f = 0;
            }
            int k1 = Math.Min(k + 1, originalSize - 1);
            int p0 = start + k, p1 = start + k1;
            i0[d] = p0 >= 0 && p0 < frameSize ? p0 : -1;
            i1[d] = p1 >= 0 && p1 < frameSize ? p1 : -1;
            weight[d] = (float)f;
        }
    }
}
