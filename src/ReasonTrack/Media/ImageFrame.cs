using ReasonTrack.Geometry;

namespace ReasonTrack.Media;

/// <summary>
/// An 8-bit image with interleaved channels, row-major, no padding (stride = width x channels). Frames produced by a
/// <see cref="IFrameSource"/> may come from a pool: dispose them when done so that their buffer is reused and memory
/// stays bounded on long sequences.
/// </summary>
public sealed class ImageFrame : IDisposable
{
    private Action<ImageFrame>? _release;

    public ImageFrame(int width, int height, PixelFormat format, byte[]? data = null, Action<ImageFrame>? release = null)
    {
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"image size must be positive, got {width}x{height}");
        Width = width;
        Height = height;
        Format = format;
        int length = checked(width * height * ChannelsOf(format));
        if (data is not null && data.Length < length)
            throw new ArgumentException($"buffer of {data.Length} bytes is too small for {width}x{height} {format}", nameof(data));
        Data = data ?? new byte[length];
        _release = release;
    }

    public int Width { get; }
    public int Height { get; }
    public PixelFormat Format { get; }
    public int Channels => ChannelsOf(Format);
    public int Stride => Width * Channels;
    public ImageSize Size => new(Width, Height);

    /// <summary>Pixel bytes; may be longer than <c>Height * Stride</c> when pooled.</summary>
    public byte[] Data { get; }

    /// <summary>The pixels, exactly <c>Height * Stride</c> bytes.</summary>
    public Span<byte> Pixels => Data.AsSpan(0, Height * Stride);

    /// <summary>0-based index of the frame in its source.</summary>
    public int Index { get; set; }

    /// <summary>Where the frame came from (image path, or video path and index), for messages.</summary>
    public string? Origin { get; set; }

    public FrameStatus Status { get; set; } = FrameStatus.Ok;

    /// <summary>
    /// The image file these pixels were decoded from, set by a frame source only when the frame is exactly that file
    /// (image sequences: frame k is file k, decoded without error and at its own size, i.e. not resized to the
    /// sequence size). Null for video frames, unreadable frames (which repeat an earlier frame's pixels) and every
    /// derived image (crops, resizes, conversions, drawings). <see cref="Clone"/> keeps it. What
    /// <see cref="ImageEncodingKind.FileBytes"/> sends; it assumes the file is not rewritten while the run reads it.
    /// </summary>
    public string? SourceFile { get; set; }

    public Span<byte> Row(int y) => Data.AsSpan(y * Stride, Stride);

    public static int ChannelsOf(PixelFormat format) => format == PixelFormat.Gray8 ? 1 : 3;

    /// <summary>
    /// An unpooled copy of the pixels with the same index, origin, status and source file: what a background task keeps when the loop's
    /// pooled frame is about to be recycled.
    /// </summary>
    public ImageFrame Clone()
    {
        var copy = new ImageFrame(Width, Height, Format) { Index = Index, Origin = Origin, Status = Status, SourceFile = SourceFile };
        Pixels.CopyTo(copy.Pixels);
        return copy;
    }

    /// <summary>Returns the buffer to its pool (if any). The frame must not be used afterwards.</summary>
    public void Dispose()
    {
        var r = Interlocked.Exchange(ref _release, null);
        r?.Invoke(this);
    }
}
