using ReasonTrack.Media;

namespace ReasonTrack.Trackers.Dcf;

/// <summary>
/// Resamples an axis-aligned image region to a fixed-size float patch: bilinear interpolation, border pixels
/// replicated outside the image, and 2x2 supersampling when shrinking by more than 1.5 (plain bilinear would alias
/// the gradients HOG is built on). Gray values are in [0, 1]; for RGB frames the two opponent-colour channels
/// (R - G)/sqrt(2) and (R + G - 2B)/sqrt(6), also in 0..1 units, are produced as well. Coordinates are continuous:
/// pixel i covers [i, i + 1). Index tables are preallocated for the largest patch, so sampling allocates nothing.
/// </summary>
internal sealed class PatchSampler
{
    private readonly int[] _xi;
    private readonly float[] _xf;
    private readonly int[] _yi;
    private readonly float[] _yf;

    public PatchSampler(int maxWidth, int maxHeight)
    {
        _xi = new int[maxWidth * 2];
        _xf = new float[maxWidth * 2];
        _yi = new int[maxHeight * 2];
        _yf = new float[maxHeight * 2];
    }

    /// <param name="opp1">First opponent channel, or null; used only for RGB frames.</param>
    public void Sample(ImageFrame frame, double cx, double cy, double regionW, double regionH, int outW, int outH,
        float[] gray, float[]? opp1, float[]? opp2)
    {
        double sx = regionW / outW, sy = regionH / outH;
        int taps = Math.Max(sx, sy) > 1.5 ? 2 : 1;
        Fill(_xi, _xf, cx, sx, outW, frame.Width, taps);
        Fill(_yi, _yf, cy, sy, outH, frame.Height, taps);
        float norm = 1f / (255f * taps * taps);
        byte[] d = frame.Data;
        int fw = frame.Width;
        bool rgb = frame.Format != PixelFormat.Gray8;
        for (int v = 0; v < outH; v++)
        {
            for (int u = 0; u < outW; u++)
            {
                float g = 0, o1 = 0, o2 = 0;
                for (int ty = 0; ty < taps; ty++)
                {
                    int yi = _yi[v * taps + ty];
                    float yf = _yf[v * taps + ty];
                    int r0 = yi * fw, r1 = (yi + 1 < frame.Height ? yi + 1 : yi) * fw;
                    for (int tx = 0; tx < taps; tx++)
                    {
                        int xi = _xi[u * taps + tx];
                        float xf = _xf[u * taps + tx];
                        int x1 = xi + 1 < fw ? xi + 1 : xi;
                        float w00 = (1 - xf) * (1 - yf), w01 = xf * (1 - yf), w10 = (1 - xf) * yf, w11 = xf * yf;
                        if (!rgb)
                        {
                            g += w00 * d[r0 + xi] + w01 * d[r0 + x1] + w10 * d[r1 + xi] + w11 * d[r1 + x1];
                        }
                        else
                        {
                            int a = (r0 + xi) * 3, b = (r0 + x1) * 3, c = (r1 + xi) * 3, e = (r1 + x1) * 3;
                            float rr = w00 * d[a] + w01 * d[b] + w10 * d[c] + w11 * d[e];
                            float gg = w00 * d[a + 1] + w01 * d[b + 1] + w10 * d[c + 1] + w11 * d[e + 1];
                            float bb = w00 * d[a + 2] + w01 * d[b + 2] + w10 * d[c + 2] + w11 * d[e + 2];
                            g += 0.299f * rr + 0.587f * gg + 0.114f * bb;
                            o1 += (rr - gg) * 0.70710678f;
                            o2 += (rr + gg - 2 * bb) * 0.40824829f;
                        }
                    }
                }
                int i = v * outW + u;
                gray[i] = g * norm;
                if (rgb && opp1 is not null && opp2 is not null)
                {
                    opp1[i] = o1 * norm;
                    opp2[i] = o2 * norm;
                }
            }
        }
    }

    private static void Fill(int[] idx, float[] frac, double centre, double step, int count, int limit, int taps)
    {
        for (int u = 0; u < count; u++)
        {
            for (int t = 0; t < taps; t++)
            {
                double sub = taps == 1 ? 0.5 : 0.25 + 0.5 * t;
                double p = centre + (u + sub - count / 2.0) * step - 0.5;
                int i;
                float f;
                if (p <= 0) { i = 0; f = 0; }
                else if (p >= limit - 1) { i = limit - 1; f = 0; }
                else { i = (int)p; f = (float)(p - i); }
                idx[u * taps + t] = i;
                frac[u * taps + t] = f;
            }
        }
    }
}
