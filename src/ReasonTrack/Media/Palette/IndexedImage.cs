namespace ReasonTrack.Media.Palette;

/// <summary>
/// A decoded single-channel PNG: one value per pixel in raster order, as Pillow's <c>np.array(Image.open(path))</c>
/// gives it (see <see cref="PngLabelKind"/>). <see cref="Values"/> holds 16-bit grey exactly; <see cref="Labels"/>
/// is the byte view every 8-bit kind fits in.
/// </summary>
public sealed class IndexedImage
{
    internal IndexedImage(int width, int height, PngLabelKind kind, int bitDepth, byte[]? labels, ushort[]? wide, byte[]? palette)
    {
        Width = width;
        Height = height;
        Kind = kind;
        BitDepth = bitDepth;
        _labels = labels;
        _wide = wide;
        Palette = palette;
    }

    private readonly byte[]? _labels;
    private readonly ushort[]? _wide;

    public int Width { get; }

    public int Height { get; }

    public PngLabelKind Kind { get; }

    /// <summary>Bits per sample in the file (1, 2, 4, 8 or 16).</summary>
    public int BitDepth { get; }

    /// <summary>The PLTE chunk as RGB triplets, or null (grey images).</summary>
    public byte[]? Palette { get; }

    /// <summary>True when every value fits a byte (always, except 16-bit grey with a value above 255).</summary>
    public bool FitsBytes => _labels is not null;

    /// <summary>Values as bytes, raster order. Throws for a 16-bit image with values above 255 (check <see cref="FitsBytes"/>).</summary>
    public byte[] Labels => _labels ?? throw new InvalidOperationException("This 16-bit PNG has values above 255; read Values instead.");

    /// <summary>The value at pixel index <paramref name="i"/> (raster order), whatever the depth.</summary>
    public int ValueAt(int i) => _labels is not null ? _labels[i] : _wide![i];

    /// <summary>The largest value (0 for an empty image).</summary>
    public int MaxValue()
    {
        int m = 0;
        if (_labels is not null)
        {
            foreach (byte b in _labels) if (b > m) m = b;
            return m;
        }
        foreach (ushort v in _wide!) if (v > m) m = v;
        return m;
    }
}
