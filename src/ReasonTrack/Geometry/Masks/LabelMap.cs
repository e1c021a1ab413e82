namespace ReasonTrack.Geometry.Masks;

/// <summary>
/// A per-frame multi-object label map as DAVIS stores it: one byte per pixel in raster order, 0 background, 1..N the
/// object ids, and (in ground truth) 255 the "void" pixels around object edges. Mutable (a writer paints objects in);
/// <see cref="MaskOf"/> gives one object's run-length mask.
/// </summary>
public sealed class LabelMap
{
    /// <summary>The value DAVIS ground truth uses for pixels excluded from scoring (object borders).</summary>
    public const byte Void = 255;

    private readonly byte[] _labels;

    public LabelMap(int width, int height)
    {
        if (width < 0 || height < 0 || (long)width * height > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(width), $"Label map size {width}x{height} is negative or too large.");
        Width = width;
        Height = height;
        _labels = new byte[width * height];
    }

    /// <summary>Wraps (does not copy) a raster-order buffer of <c>width * height</c> labels.</summary>
    public LabelMap(int width, int height, byte[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (width < 0 || height < 0 || (long)width * height != labels.Length)
            throw new ArgumentException($"Label buffer has {labels.Length} pixels, map is {width}x{height}.", nameof(labels));
        Width = width;
        Height = height;
        _labels = labels;
    }

    public int Width { get; }

    public int Height { get; }

    public ImageSize Size => new(Width, Height);

    /// <summary>The labels, raster order, writable.</summary>
    public Span<byte> Labels => _labels;

    public byte this[int x, int y]
    {
        get => _labels[y * Width + x];
        set => _labels[y * Width + x] = value;
    }

    /// <summary>The distinct non-zero labels present, ascending (includes <see cref="Void"/> when present).</summary>
    public IReadOnlyList<byte> PresentLabels()
    {
        Span<bool> seen = stackalloc bool[256];
        foreach (byte b in _labels) seen[b] = true;
        var list = new List<byte>();
        for (int i = 1; i < 256; i++) if (seen[i]) list.Add((byte)i);
        return list;
    }

    /// <summary>The pixels labelled <paramref name="label"/>.</summary>
    public Mask MaskOf(byte label) => Mask.FromLabels(_labels, Width, Height, label);

    /// <summary>Labels the mask's foreground pixels <paramref name="label"/> (later paints cover earlier ones).</summary>
    public void Paint(Mask mask, byte label)
    {
        ArgumentNullException.ThrowIfNull(mask);
        if (mask.Width != Width || mask.Height != Height)
            throw new ArgumentException($"Mask is {mask.Width}x{mask.Height}, label map {Width}x{Height}.", nameof(mask));
        mask.PaintInto(_labels, label);
    }

    /// <summary>A label map from per-object masks, painted in the order given (a later object covers an earlier one).</summary>
    public static LabelMap FromMasks(int width, int height, IEnumerable<(byte Label, Mask Mask)> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var map = new LabelMap(width, height);
        foreach (var (label, mask) in objects) map.Paint(mask, label);
        return map;
    }

    public LabelMap Clone() => new(Width, Height, (byte[])_labels.Clone());
}
