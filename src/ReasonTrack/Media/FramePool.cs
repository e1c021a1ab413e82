using System.Collections.Concurrent;

namespace ReasonTrack.Media;

/// <summary>
/// Reuses pixel buffers of one frame size: a frame taken from the pool goes back when the consumer disposes it, so a
/// sequence of any length needs only as many buffers as frames are alive at once (the decode queue plus what the
/// consumer holds). <see cref="Allocated"/> counts new buffers, which is how tests check that memory stays flat.
/// </summary>
public sealed class FramePool
{
    private readonly ConcurrentBag<byte[]> _free = [];
    private readonly int _length;
    private int _allocated;

    public FramePool(int width, int height, PixelFormat format)
    {
        Width = width;
        Height = height;
        Format = format;
        _length = checked(width * height * ImageFrame.ChannelsOf(format));
    }

    public int Width { get; }
    public int Height { get; }
    public PixelFormat Format { get; }

    /// <summary>Buffers created so far (not counting reuse).</summary>
    public int Allocated => Volatile.Read(ref _allocated);

    /// <summary>A frame whose buffer returns here on dispose. Its pixels are whatever the buffer held last.</summary>
    public ImageFrame Rent()
    {
        if (!_free.TryTake(out byte[]? buffer))
        {
            buffer = new byte[_length];
            Interlocked.Increment(ref _allocated);
        }
        return new ImageFrame(Width, Height, Format, buffer, Return);
    }

    private void Return(ImageFrame frame) => _free.Add(frame.Data);
}
