namespace ReasonTrack.Trackers.Dcf;

/// <summary>
/// Felzenszwalb-style HOG ("fHOG", 31 channels per cell) of a float gray image, computed on square cells:
/// <list type="bullet">
/// <item>gradient by central differences (clamped at the border), orientation soft-binned between the two nearest
/// of 18 contrast-sensitive bins (20 degrees each), magnitude spread bilinearly over the four nearest cell centres;</item>
/// <item>each cell is normalised by the gradient energy of the four 2x2-cell blocks that contain it (border cells
/// reuse the nearest block), values truncated at 0.2;</item>
/// <item>channels 0-17: contrast-sensitive bins (half the sum of the four normalisations), 18-26: contrast-insensitive
/// bins (opposite orientations summed), 27-30: texture (sum over the 18 bins for each normalisation, times 0.2357).</item>
/// </list>
/// The output is channel-major: <c>out[ch * cellsY * cellsX + cy * cellsX + cx]</c>. Buffers are sized at
/// construction for one image size, so <see cref="Compute"/> allocates nothing.
/// </summary>
internal sealed class FhogExtractor
{
    public const int Channels = 31;
    private const int Bins = 18;
    private const float Truncation = 0.2f;
    private const float EnergyEpsilon = 1e-6f;

    private readonly int[] _cellX0;
    private readonly float[] _fracX;
    private readonly int[] _cellY0;
    private readonly float[] _fracY;
    private readonly float[] _hist;
    private readonly float[] _energy;

    public FhogExtractor(int width, int height, int cellSize)
    {
        if (cellSize < 1) throw new ArgumentOutOfRangeException(nameof(cellSize));
        Width = width;
        Height = height;
        CellSize = cellSize;
        CellsX = width / cellSize;
        CellsY = height / cellSize;
        if (CellsX < 1 || CellsY < 1) throw new ReasonTrackException($"image {width}x{height} is smaller than one {cellSize}-pixel cell");
        _cellX0 = new int[width];
        _fracX = new float[width];
        _cellY0 = new int[height];
        _fracY = new float[height];
        // Pixel centre (x + 0.5) in cell units, minus 0.5 so that cell centres sit on integers.
        for (int x = 0; x < width; x++)
        {
            float f = (x + 0.5f) / cellSize - 0.5f;
            _cellX0[x] = (int)MathF.Floor(f);
            _fracX[x] = f - _cellX0[x];
        }
        for (int y = 0; y < height; y++)
        {
            float f = (y + 0.5f) / cellSize - 0.5f;
            _cellY0[y] = (int)MathF.Floor(f);
            _fracY[y] = f - _cellY0[y];
        }
        _hist = new float[CellsX * CellsY * Bins];
        _energy = new float[CellsX * CellsY];
    }

    public int Width { get; }
    public int Height { get; }
    public int CellSize { get; }
    public int CellsX { get; }
    public int CellsY { get; }
    public int OutputLength => Channels * CellsX * CellsY;

    /// <summary>
    /// atan2 without a libm call (it was 16% of the tracker's time): octant reduction to [0, 1] and the polynomial of
    /// Abramowitz &amp; Stegun 4.4.49 (|error| &lt;= 2e-8 rad in exact arithmetic; within float rounding here), far below
    /// what moves an orientation bin's interpolation weight. Expects (y, x) != (0, 0).
    /// </summary>
    internal static float Atan2(float y, float x)
    {
        float ax = MathF.Abs(x), ay = MathF.Abs(y);
        bool steep = ay > ax;
        float a = steep ? ax / ay : ay / ax;
        float s = a * a;
        float r = (((((((((0.0028662257f * s - 0.0161657367f) * s + 0.0429096138f) * s - 0.0752896400f) * s + 0.1065626393f) * s
                    - 0.1420889944f) * s + 0.1999355085f) * s - 0.3333314528f) * s) + 1f) * a;
        if (steep) r = MathF.PI / 2 - r;
        if (x < 0) r = MathF.PI - r;
        return y < 0 ? -r : r;
    }

    /// <summary>HOG of <paramref name="image"/> (Width x Height, row-major) into <paramref name="output"/> at <paramref name="outOffset"/>.</summary>
    public void Compute(float[] image, float[] output, int outOffset)
    {
        int w = Width, h = Height, nx = CellsX, ny = CellsY;
        var hist = _hist;
        Array.Clear(hist);
        const float binsPerRadian = Bins / (2 * MathF.PI);
        for (int y = 0; y < h; y++)
        {
            int yUp = y > 0 ? y - 1 : 0, yDown = y < h - 1 ? y + 1 : h - 1;
            int cy0 = _cellY0[y];
            float fy = _fracY[y];
            int row = y * w;
            for (int x = 0; x < w; x++)
            {
                int xl = x > 0 ? x - 1 : 0, xr = x < w - 1 ? x + 1 : w - 1;
                float dx = image[row + xr] - image[row + xl];
                float dy = image[yDown * w + x] - image[yUp * w + x];
                float mag = MathF.Sqrt(dx * dx + dy * dy);
                if (mag == 0) continue;
                float o = Atan2(dy, dx) * binsPerRadian;
                if (o < 0) o += Bins;
                int b0 = (int)o;
                float wb1 = o - b0;
                if (b0 >= Bins) b0 -= Bins;
                int b1 = b0 + 1 == Bins ? 0 : b0 + 1;
                float m1 = mag * wb1, m0 = mag - m1;
                int cx0 = _cellX0[x];
                float fx = _fracX[x];
                for (int j = 0; j < 2; j++)
                {
                    int cy = cy0 + j;
                    if ((uint)cy >= (uint)ny) continue;
                    float wy = j == 0 ? 1 - fy : fy;
                    for (int i = 0; i < 2; i++)
                    {
                        int cx = cx0 + i;
                        if ((uint)cx >= (uint)nx) continue;
                        float ws = wy * (i == 0 ? 1 - fx : fx);
                        int baseIdx = (cy * nx + cx) * Bins;
                        hist[baseIdx + b0] += m0 * ws;
                        hist[baseIdx + b1] += m1 * ws;
                    }
                }
            }
        }

        var energy = _energy;
        for (int c = 0; c < nx * ny; c++)
        {
            float e = 0;
            int b = c * Bins;
            for (int k = 0; k < Bins / 2; k++)
            {
                float s = hist[b + k] + hist[b + k + Bins / 2];
                e += s * s;
            }
            energy[c] = e;
        }

        int plane = nx * ny;
        Span<float> norms = stackalloc float[4];
        for (int cy = 0; cy < ny; cy++)
        {
            for (int cx = 0; cx < nx; cx++)
            {
                // Blocks whose top-left cell is (cx + ox, cy + oy), ox, oy in {-1, 0}, clamped inside the grid.
                int n = 0;
                for (int oy = -1; oy <= 0; oy++)
                {
                    for (int ox = -1; ox <= 0; ox++)
                    {
                        int bx = Math.Clamp(cx + ox, 0, Math.Max(nx - 2, 0));
                        int by = Math.Clamp(cy + oy, 0, Math.Max(ny - 2, 0));
                        int bx1 = Math.Min(bx + 1, nx - 1), by1 = Math.Min(by + 1, ny - 1);
                        float e = energy[by * nx + bx] + energy[by * nx + bx1] + energy[by1 * nx + bx] + energy[by1 * nx + bx1];
                        norms[n++] = 1f / MathF.Sqrt(e + EnergyEpsilon);
                    }
                }
                int c = cy * nx + cx;
                int hb = c * Bins;
                int o0 = outOffset + c;
                float t0 = 0, t1 = 0, t2 = 0, t3 = 0;
                for (int k = 0; k < Bins; k++)
                {
                    float v = hist[hb + k];
                    float a0 = MathF.Min(v * norms[0], Truncation), a1 = MathF.Min(v * norms[1], Truncation);
                    float a2 = MathF.Min(v * norms[2], Truncation), a3 = MathF.Min(v * norms[3], Truncation);
                    output[o0 + k * plane] = 0.5f * (a0 + a1 + a2 + a3);
                    t0 += a0; t1 += a1; t2 += a2; t3 += a3;
                }
                for (int k = 0; k < Bins / 2; k++)
                {
                    float v = hist[hb + k] + hist[hb + k + Bins / 2];
                    float s = MathF.Min(v * norms[0], Truncation) + MathF.Min(v * norms[1], Truncation)
                            + MathF.Min(v * norms[2], Truncation) + MathF.Min(v * norms[3], Truncation);
                    output[o0 + (Bins + k) * plane] = 0.5f * s;
                }
                output[o0 + 27 * plane] = 0.2357f * t0;
                output[o0 + 28 * plane] = 0.2357f * t1;
                output[o0 + 29 * plane] = 0.2357f * t2;
                output[o0 + 30 * plane] = 0.2357f * t3;
            }
        }
    }
}
