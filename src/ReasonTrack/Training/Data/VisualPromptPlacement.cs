using ReasonTrack.Geometry;

namespace ReasonTrack.Training.Data;

/// <summary>
/// Where VPTracker's ms-swift fork draws the training outline (<c>ms-swift/swift/llm/template/base.py</c>
/// <c>_draw_bbox</c> ~439-530, <c>add_noise=True</c>), reproduced so the stock ms-swift layout can pre-draw what the
/// fork draws at load time. From the row's box <c>[x1, y1, x2, y2]</c>: centre <c>((x1+x2)/2, (y1+y2)/2)</c>, size
/// <c>s*w x s*h</c>. With probability <c>inbbox_ratio</c> the centre moves by <c>dx ~ U(-m, m)</c>, <c>m = (s*w - w)/2</c>
/// (likewise dy), so the box stays inside; otherwise, per axis, <c>dx = choice([U(min, max), U(-max, -min)])</c> with
/// <c>min = (s*w - w)/2</c> and <c>max = W - s*w - min</c> (the box then touches or crosses the outline's edge on both
/// axes). Corners are <c>int()</c> (toward zero), then <c>x1, y1 = max(0, .)</c>, <c>x2 = min(W, .)</c>,
/// <c>y2 = min(H, .)</c>. When the clamped rectangle has <c>x2 &lt; x1</c> or <c>y2 &lt; y1</c>, PIL refuses it and the
/// fork draws a random one instead: <c>x1, x2 = sorted(randint(1, W-1) twice)</c>, then the same for y.
/// <para>Draw order: one uniform (inside?); inside: dx, dy; outside: U, U, choice for dx then for dy; the fallback's four
/// integers. (Our generator is not Python's, so the values differ; the distribution is the released one.)</para>
/// </summary>
public static class VisualPromptPlacement
{
    /// <summary>The rectangle the fork would draw, as PIL corners (inclusive), and whether the inside branch was taken.</summary>
    public readonly record struct Outline(int X1, int Y1, int X2, int Y2, bool InsideBranch, bool Fallback);

    public static Outline Released(VpTrackerBox box, ImageSize image, int scale, double inbboxRatio, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double cx = (box.X1 + (double)box.X2) / 2, cy = (box.Y1 + (double)box.Y2) / 2;
        double w = (double)box.X2 - box.X1, h = (double)box.Y2 - box.Y1;
        double nw = w * scale, nh = h * scale;
        bool inside = random.NextDouble() < inbboxRatio;
        double dx, dy;
        if (inside)
        {
            double mx = (nw - w) / 2, my = (nh - h) / 2;
            dx = random.Uniform(-mx, mx);
            dy = random.Uniform(-my, my);
        }
        else
        {
            dx = Away((nw - w) / 2, image.Width - nw - (nw - w) / 2, random);
            dy = Away((nh - h) / 2, image.Height - nh - (nh - h) / 2, random);
        }
        double ncx = cx + dx, ncy = cy + dy;
        int x1 = Math.Max(0, Trunc(ncx - nw / 2)), y1 = Math.Max(0, Trunc(ncy - nh / 2));
        int x2 = Math.Min(image.Width, Trunc(ncx + nw / 2)), y2 = Math.Min(image.Height, Trunc(ncy + nh / 2));
        if (x2 >= x1 && y2 >= y1) return new Outline(x1, y1, x2, y2, inside, Fallback: false);
        int a = random.NextInclusive(1, image.Width - 1), b = random.NextInclusive(1, image.Width - 1);
        int c = random.NextInclusive(1, image.Height - 1), d = random.NextInclusive(1, image.Height - 1);
        return new Outline(Math.Min(a, b), Math.Min(c, d), Math.Max(a, b), Math.Max(c, d), inside, Fallback: true);
    }

    /// <summary>The box lies wholly inside the drawn rectangle (inclusive PIL corners; edges may coincide).</summary>
    public static bool Contains(Outline outline, VpTrackerBox box) =>
        box.X1 >= outline.X1 && box.Y1 >= outline.Y1 && box.X2 <= outline.X2 && box.Y2 <= outline.Y2;

    // Python: random.choice([random.uniform(lo, hi), random.uniform(-hi, -lo)]): both uniforms are drawn, then the pick.
    private static double Away(double lo, double hi, DeterministicRandom random)
    {
        double plus = random.Uniform(lo, hi), minus = random.Uniform(-hi, -lo);
        return random.NextInt(2) == 0 ? plus : minus;
    }

    private static int Trunc(double v) => double.IsFinite(v) ? (int)Math.Clamp(Math.Truncate(v), int.MinValue, int.MaxValue) : 0;
}
