using ReasonTrack.Geometry;
using ReasonTrack.Geometry.Masks;
using ReasonTrack.Results.Masks;
using ReasonTrack.Training.Data;

namespace ReasonTrack.Media.Synthetic;

/// <summary>
/// A segmentation sequence generated from a seed, with its exact masks (ours; no third-party data): a textured,
/// rotating, breathing non-rectangular target (<see cref="SyntheticShape"/>) moving along a smooth closed path over a
/// textured background of other colours. A pixel belongs to the target when its centre <c>(x + 0.5, y + 0.5)</c> lies
/// inside the rotated shape; the ground-truth box of a frame is its mask's bounding box. The target's texture is
/// fixed to the target (it turns with it), so a tracker sees the same object rotate. Deterministic:
/// <see cref="DeterministicRandom"/> draws, no <c>System.Random</c>.
/// </summary>
public sealed class SyntheticMaskSequence
{
    private readonly byte[] _background;   // Width x Height x 3
    private readonly byte[] _tile;         // 64 x 64 target texture
    private readonly (double Phase, double Rx, double Ry, double Fx, double Fy) _path;
    private readonly (int R, int G, int B) _tint;

    public SyntheticMaskSequence(SyntheticMaskSequenceOptions? options = null)
    {
        Options = options ?? new SyntheticMaskSequenceOptions();
        var o = Options;
        if (o.Width < 32 || o.Height < 32 || o.Frames < 1 || o.Period < 1) throw new ArgumentOutOfRangeException(nameof(options), "SyntheticMaskSequenceOptions: at least 32x32, one frame and a period of one frame");
        var rng = new DeterministicRandom(o.Seed);
        // Background: two smooth textures in blue-green tones; the target: yellow tones (the colour model's fair case,
        // with texture inside both so neither is flat; yellow, so the DAVIS red of object 1 stands out on it).
        var a = SmoothTexture.Make(rng.NextDouble, o.Width, o.Height, 40, 200, 6);
        var b = SmoothTexture.Make(rng.NextDouble, o.Width, o.Height, 60, 220, 5);
        _background = new byte[o.Width * o.Height * 3];
        for (int i = 0; i < o.Width * o.Height; i++)
        {
            _background[i * 3] = (byte)(a[i] / 3);
            _background[i * 3 + 1] = (byte)((a[i] + b[i]) / 2);
            _background[i * 3 + 2] = b[i];
        }
        _tile = SmoothTexture.Make(rng.NextDouble, 64, 64, 90, 255, 4);
        _tint = (rng.NextInclusive(225, 255), rng.NextInclusive(190, 235), rng.NextInclusive(20, 70));
        if (o.Clutter > 0)
        {
            // Blobs: the pixels where a third smooth texture is in its top Clutter share, painted in the target's tint.
            var c = SmoothTexture.Make(rng.NextDouble, o.Width, o.Height, 0, 255, 3);
            var sorted = (byte[])c.Clone();
            Array.Sort(sorted);
            int cut = sorted[Math.Clamp((int)((1 - Math.Min(1, o.Clutter)) * sorted.Length), 0, sorted.Length - 1)];
            for (int i = 0; i < c.Length; i++)
            {
                if (c[i] < cut) continue;
                int t = 90 + a[i] * 165 / 255;
                _background[i * 3] = (byte)(t * _tint.R / 255);
                _background[i * 3 + 1] = (byte)(t * _tint.G / 255);
                _background[i * 3 + 2] = (byte)(t * _tint.B / 255);
            }
        }
        _path = (rng.Uniform(0, 2 * Math.PI), rng.Uniform(0.18, 0.26), rng.Uniform(0.14, 0.22), rng.NextInclusive(1, 2), rng.NextInclusive(1, 3));
        Masks = new SequenceMasks(o.Width, o.Height);
        GroundTruth = new Box[o.Frames];
        var dense = new byte[o.Width * o.Height];
        for (int f = 0; f < o.Frames; f++)
        {
            var pose = Pose(f);
            Array.Clear(dense);
            for (int y = 0; y < o.Height; y++)
                for (int x = 0; x < o.Width; x++)
                    if (Inside(pose, x + 0.5, y + 0.5, out _, out _)) dense[y * o.Width + x] = 1;
            var m = Mask.FromDense(dense, o.Width, o.Height);
            Masks.Set(f, 1, m);
            GroundTruth[f] = m.BoundingBox;
        }
    }

    public SyntheticMaskSequenceOptions Options { get; }

    public ImageSize Size => new(Options.Width, Options.Height);

    /// <summary>The target's exact mask per frame, object id 1.</summary>
    public SequenceMasks Masks { get; }

    /// <summary>The bounding box of each frame's mask.</summary>
    public Box[] GroundTruth { get; }

    private readonly record struct TargetPose(double Cx, double Cy, double A, double B, double Cos, double Sin);

    private TargetPose Pose(int f)
    {
        var o = Options;
        double t = (double)f / o.Period;
        double cx = o.Width * (0.5 + _path.Rx * Math.Sin(2 * Math.PI * _path.Fx * t + _path.Phase));
        double cy = o.Height * (0.5 + _path.Ry * Math.Sin(2 * Math.PI * _path.Fy * t + 2 * _path.Phase));
        double s = 1 + o.ScaleAmplitude * Math.Sin(2 * Math.PI * 1.5 * t);
        double angle = 2 * Math.PI * o.Turns * t + 0.3;
        return new TargetPose(cx, cy, o.SemiMajor * s, o.SemiMinor * s, Math.Cos(angle), Math.Sin(angle));
    }

    /// <summary>Whether (px, py) is inside the shape; (u, v) in [-1, 1]^2 the target's own coordinates.</summary>
    private bool Inside(in TargetPose p, double px, double py, out double u, out double v)
    {
        double dx = px - p.Cx, dy = py - p.Cy;
        u = (dx * p.Cos + dy * p.Sin) / p.A;
        v = (-dx * p.Sin + dy * p.Cos) / p.B;
        return Options.Shape switch
        {
            SyntheticShape.Ellipse => u * u + v * v <= 1,
            SyntheticShape.Rectangle => Math.Abs(u) <= 1 && Math.Abs(v) <= 1,
            _ => Math.Abs(u) + Math.Abs(v) <= 1,
        };
    }

    /// <summary>Renders frame <paramref name="index"/> (0-based) into <paramref name="frame"/> (Rgb24, the sequence's size).</summary>
    public void Render(int index, ImageFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var o = Options;
        if (frame.Width != o.Width || frame.Height != o.Height || frame.Format != PixelFormat.Rgb24)
            throw new ArgumentException($"the frame must be {o.Width}x{o.Height} Rgb24", nameof(frame));
        var px = frame.Pixels;
        _background.CopyTo(px);
        var pose = Pose(index);
        var box = GroundTruth[index];
        int x0 = Math.Max(0, (int)box.X), y0 = Math.Max(0, (int)box.Y);
        int x1 = Math.Min(o.Width, (int)Math.Ceiling(box.Right)), y1 = Math.Min(o.Height, (int)Math.Ceiling(box.Bottom));
        for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++)
            {
                if (!Inside(pose, x + 0.5, y + 0.5, out double u, out double v)) continue;
                int tx = Math.Clamp((int)((u + 1) * 32), 0, 63), ty = Math.Clamp((int)((v + 1) * 32), 0, 63);
                int t = _tile[ty * 64 + tx];
                int q = (y * o.Width + x) * 3;
                px[q] = (byte)(t * _tint.R / 255);
                px[q + 1] = (byte)(t * _tint.G / 255);
                px[q + 2] = (byte)(t * _tint.B / 255);
            }
        frame.Index = index;
    }

    /// <summary>The frames as an in-memory source (Rgb24).</summary>
    public IFrameSource AsFrameSource(string name = "synthetic-mask")
    {
        var frames = new List<ImageFrame>(Options.Frames);
        for (int f = 0; f < Options.Frames; f++)
        {
            var frame = new ImageFrame(Options.Width, Options.Height, PixelFormat.Rgb24);
            Render(f, frame);
            frames.Add(frame);
        }
        return new InMemoryFrameSource(name, frames);
    }

    /// <summary>
    /// Writes the sequence as an OTB-layout folder (<c>&lt;root&gt;/&lt;name&gt;/img/0001.png</c> ..., <c>groundtruth_rect.txt</c>
    /// with the masks' boxes) and its masks as DAVIS annotations (<c>&lt;annotations&gt;/&lt;name&gt;/00000.png</c> ...).
    /// </summary>
    public void WriteOtbAndDavis(string root, string annotations, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        string img = Path.Combine(root, name, "img");
        Directory.CreateDirectory(img);
        using var frame = new ImageFrame(Options.Width, Options.Height, PixelFormat.Rgb24);
        var gt = new System.Text.StringBuilder();
        for (int f = 0; f < Options.Frames; f++)
        {
            Render(f, frame);
            File.WriteAllBytes(Path.Combine(img, (f + 1).ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + ".png"), PngEncoder.Encode(frame));
            var b = GroundTruth[f];
            gt.Append(System.Globalization.CultureInfo.InvariantCulture, $"{b.X:R},{b.Y:R},{b.W:R},{b.H:R}\n");
        }
        File.WriteAllText(Path.Combine(root, name, "groundtruth_rect.txt"), gt.ToString());
        DavisPngFolder.Write(Path.Combine(annotations, name), Masks);
    }
}
