using ReasonTrack.Geometry;

namespace ReasonTrack.Media.Synthetic;

/// <summary>
/// A tracking sequence generated from a seed, needing no third-party data: a textured target moving along a smooth
/// path over a textured background, changing scale, fully hidden by an occluder for a while (those frames are
/// absent in the ground truth), with a distractor of similar texture crossing its way. Frames are rendered on demand
/// into a caller's buffer, so any length costs no memory.
/// </summary>
public sealed class SyntheticSequence
{
    private readonly byte[] _background;   // Width x Height, gray texture
    private readonly byte[] _targetTexture; // 64 x 64 tile sampled to the target's size
    private readonly byte[] _distractorTexture;
    private readonly double[] _phase = new double[6];

    public SyntheticSequence(SyntheticSequenceOptions? options = null)
    {
        Options = options ?? new SyntheticSequenceOptions();
        var o = Options;
        var rng = new Random(o.Seed);
        for (int i = 0; i < _phase.Length; i++) _phase[i] = rng.NextDouble() * Math.PI * 2;
        _background = SmoothTexture.Make(rng.NextDouble, o.Width, o.Height, 40, 90, 24);
        _targetTexture = SmoothTexture.Make(rng.NextDouble, 64, 64, 150, 235, 8);
        // The distractor shares the target's brightness range but not its pattern.
        _distractorTexture = SmoothTexture.Make(rng.NextDouble, 64, 64, 140, 230, 8);
        GroundTruth = new Box[o.Frames];
        Absent = new bool[o.Frames];
        for (int i = 0; i < o.Frames; i++)
        {
            GroundTruth[i] = TargetBox(i);
            Absent[i] = o.Occlusion is { } occ && i >= occ.Start && i < occ.End;
        }
    }

    public SyntheticSequenceOptions Options { get; }

    public ImageSize Size => new(Options.Width, Options.Height);

    /// <summary>The target's true box in every frame (also where it is hidden).</summary>
    public Box[] GroundTruth { get; }

    /// <summary>Frames in which the occluder hides the target completely.</summary>
    public bool[] Absent { get; }

    private Box TargetBox(int i)
    {
        var o = Options;
        double t = i / (double)Math.Max(1, o.Frames - 1);
        double s = 1 + o.ScaleAmplitude * Math.Sin(2 * Math.PI * t + _phase[0]);
        double w = o.TargetWidth * s, h = o.TargetHeight * s;
        double marginX = o.TargetWidth * (1 + o.ScaleAmplitude) / 2 + 8, marginY = o.TargetHeight * (1 + o.ScaleAmplitude) / 2 + 8;
        double cx = o.Width / 2.0 + (o.Width / 2.0 - marginX) * Math.Sin(2 * Math.PI * 1.3 * t + _phase[1]);
        double cy = o.Height / 2.0 + (o.Height / 2.0 - marginY) * Math.Sin(2 * Math.PI * 0.9 * t + _phase[2]);
        if (o.ReappearMirrored && o.Occlusion is { } occ && i >= occ.End)
        {
            cx = o.Width - cx;
            cy = o.Height - cy;
        }
        return new Box(cx - w / 2, cy - h / 2, w, h);
    }

    private Box DistractorBox(int i)
    {
        var o = Options;
        double t = i / (double)Math.Max(1, o.Frames - 1);
        double w = o.TargetWidth * 0.9, h = o.TargetHeight * 0.9;
        // Crosses the frame diagonally, passing near the target's path.
        double cx = o.Width * (0.1 + 0.8 * t), cy = o.Height * (0.8 - 0.6 * t);
        return new Box(cx - w / 2, cy - h / 2, w, h);
    }

    private Box OccluderBox(int i)
    {
        var b = GroundTruth[i];
        double pad = 10;
        return new Box(b.X - pad, b.Y - pad, b.W + 2 * pad, b.H + 2 * pad);
    }

    /// <summary>Renders frame <paramref name="index"/> into <paramref name="frame"/> (its size must match).</summary>
    public void Render(int index, ImageFrame frame)
    {
        var o = Options;
        if (frame.Width != o.Width || frame.Height != o.Height) throw new ArgumentException($"frame is {frame.Size}, the sequence {Size}", nameof(frame));
        int ch = frame.Channels;
        var dst = frame.Pixels;
        // Background drifts slowly (camera motion).
        int shiftX = (int)(12 * Math.Sin(index * 0.013 + _phase[3])), shiftY = (int)(8 * Math.Sin(index * 0.011 + _phase[4]));
        for (int y = 0; y < o.Height; y++)
        {
            int sy = Math.Clamp(y + shiftY, 0, o.Height - 1);
            var row = dst.Slice(y * o.Width * ch, o.Width * ch);
            for (int x = 0; x < o.Width; x++)
            {
                byte v = _background[sy * o.Width + Math.Clamp(x + shiftX, 0, o.Width - 1)];
                if (ch == 1) row[x] = v;
                else { row[3 * x] = (byte)(v * 0.8); row[3 * x + 1] = (byte)(v * 0.9); row[3 * x + 2] = v; }
            }
        }
        if (o.Distractor) Paint(frame, DistractorBox(index), _distractorTexture, (255, 220, 120));
        Paint(frame, GroundTruth[index], _targetTexture, (240, 90, 60));
        if (Absent[index]) Fill(frame, OccluderBox(index), 70);
        frame.Index = index;
        frame.Status = FrameStatus.Ok;
    }

    /// <summary>An <see cref="IFrameSource"/> over this sequence.</summary>
    public IFrameSource AsFrameSource(string name = "synthetic") => new SyntheticFrameSource(this, name);

    private void Paint(ImageFrame frame, Box box, byte[] tile, (int R, int G, int B) tint)
    {
        int ch = frame.Channels;
        var dst = frame.Pixels;
        int x0 = (int)Math.Floor(box.X), y0 = (int)Math.Floor(box.Y), x1 = (int)Math.Ceiling(box.Right), y1 = (int)Math.Ceiling(box.Bottom);
        for (int y = Math.Max(0, y0); y < Math.Min(frame.Height, y1); y++)
        {
            int ty = (int)((y - box.Y) / box.H * 64);
            if (ty < 0 || ty >= 64) continue;
            for (int x = Math.Max(0, x0); x < Math.Min(frame.Width, x1); x++)
            {
                int tx = (int)((x - box.X) / box.W * 64);
                if (tx < 0 || tx >= 64) continue;
                byte v = tile[ty * 64 + tx];
                int o = (y * frame.Width + x) * ch;
                if (ch == 1) dst[o] = v;
                else
                {
                    dst[o] = (byte)(v * tint.R / 255);
                    dst[o + 1] = (byte)(v * tint.G / 255);
                    dst[o + 2] = (byte)(v * tint.B / 255);
                }
            }
        }
    }

    private static void Fill(ImageFrame frame, Box box, byte value)
    {
        int ch = frame.Channels;
        var dst = frame.Pixels;
        int x0 = Math.Max(0, (int)Math.Floor(box.X)), y0 = Math.Max(0, (int)Math.Floor(box.Y));
        int x1 = Math.Min(frame.Width, (int)Math.Ceiling(box.Right)), y1 = Math.Min(frame.Height, (int)Math.Ceiling(box.Bottom));
        for (int y = y0; y < y1; y++)
            dst.Slice((y * frame.Width + x0) * ch, (x1 - x0) * ch).Fill(value);
    }
}
