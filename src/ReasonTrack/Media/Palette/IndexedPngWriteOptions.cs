using System.IO.Compression;

namespace ReasonTrack.Media.Palette;

/// <summary>How <see cref="IndexedPngWriter"/> encodes a label map.</summary>
public sealed record IndexedPngWriteOptions
{
    /// <summary>Bits per index: 1, 2, 4 or 8 (default 8, as DAVIS files are). Every label must fit.</summary>
    public int BitDepth { get; init; } = 8;

    /// <summary>
    /// RGB triplets for PLTE (3 to 768 bytes, at most 2^BitDepth entries). Null = <see cref="DavisPalette"/> cut to
    /// 2^BitDepth entries.
    /// </summary>
    public byte[]? Palette { get; init; }

    /// <summary>One PNG filter type (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth) for every row, or null to choose per
    /// row by the smallest sum of absolute values (the heuristic the PNG specification suggests).</summary>
    public int? Filter { get; init; }

    /// <summary>Adam7 interlacing (default off).</summary>
    public bool Interlace { get; init; }

    public CompressionLevel Compression { get; init; } = CompressionLevel.Fastest;
}
