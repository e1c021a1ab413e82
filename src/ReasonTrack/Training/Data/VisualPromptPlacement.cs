using ReasonTrack.Geometry;

namespace ReasonTrack.Training.Data;

/// <summary>
/// Where the VPTracker training sampler draws the red outline. The seed facts fix the size (an integer scale in 2..8
/// times the reference box) and that the target is inside it 90% of the time, but not how the outline is placed, so
/// these rules are ours (documented in the README):
/// <list type="bullet">
/// <item><b>Inside</b>: the outline's centre is the reference box's centre moved by ox ~ U(-(s-1)w/2, (s-1)w/2) and
/// oy ~ U(-(s-1)h/2, (s-1)h/2), the largest moves that keep the whole box inside the <c>s*w x s*h</c> outline (the
/// tracker's previous box is never exactly centred on the target).</item>
/// <item><b>Outside</b>: the centre is drawn uniformly over the image, up to <see cref="OutsideAttempts"/> times, until the
/// outline does not overlap the box at all (touching edges allowed). When the box is too large for that (the outline
/// cannot avoid it anywhere tried), the outline is put beside the box, edge to edge, on the side with the most room
/// (left, right, above or below, in that order on ties), centred on the box along the other axis; it may then reach
/// past the image border, and drawing clips it.</item>
/// </list>
/// Draw order: 2 uniforms for inside; 2 per attempt for outside.
/// </summary>
public static class VisualPromptPlacement
{
    /// <summary>Uniform centre draws tried before the deterministic side placement.</summary>
    public const int OutsideAttempts = 100;

    /// <summary>The outline rectangle (x, y, w, h) for <paramref name="reference"/> at <paramref name="scale"/>.</summary>
    public static Box Place(Box reference, ImageSize image, int scale, bool inside, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!reference.HasPositiveSize) throw new ArgumentOutOfRangeException(nameof(reference), $"the reference box must have a positive size, got {reference}");
        if (scale < 1) throw new ArgumentOutOfRangeException(nameof(scale), $"scale must be at least 1, got {scale}");
        double w = reference.W * scale, h = reference.H * scale;
        var (cx, cy) = reference.Center;
        if (inside)
        {
            double mx = (w - reference.W) / 2, my = (h - reference.H) / 2;
            return Box.FromCenter(cx + random.Uniform(-mx, mx), cy + random.Uniform(-my, my), w, h);
        }
        for (int i = 0; i < OutsideAttempts; i++)
        {
            var candidate = Box.FromCenter(random.Uniform(0, image.Width), random.Uniform(0, image.Height), w, h);
            if (!Overlaps(candidate, reference)) return candidate;
        }
        double left = reference.X, right = image.Width - reference.Right, above = reference.Y, below = image.Height - reference.Bottom;
        double most = Math.Max(Math.Max(left, right), Math.Max(above, below));
        if (most == left) return new Box(reference.X - w, cy - h / 2, w, h);
        if (most == right) return new Box(reference.Right, cy - h / 2, w, h);
        if (most == above) return new Box(cx - w / 2, reference.Y - h, w, h);
        return new Box(cx - w / 2, reference.Bottom, w, h);
    }

    /// <summary>The box lies wholly inside the outline (edges may coincide).</summary>
    public static bool Contains(Box outline, Box box) =>
        box.X >= outline.X && box.Y >= outline.Y && box.Right <= outline.Right && box.Bottom <= outline.Bottom;

    /// <summary>The two boxes share area (touching edges do not count).</summary>
    public static bool Overlaps(Box a, Box b) => a.X < b.Right && b.X < a.Right && a.Y < b.Bottom && b.Y < a.Bottom;
}
