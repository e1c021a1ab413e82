using ReasonTrack.Geometry;

namespace ReasonTrack.Media.Synthetic;

/// <summary>
/// Frames of a <see cref="SyntheticSequence"/>, rendered one at a time into two alternating buffers: constant memory
/// for any number of frames. A frame stays valid until the next-but-one frame is requested.
/// </summary>
internal sealed class SyntheticFrameSource(SyntheticSequence sequence, string name) : IFrameSource
{
    public string Name { get; } = name;
    public ImageSize Size => sequence.Size;
    public int? FrameCount => sequence.Options.Frames;
    public IReadOnlyList<string> Warnings { get; } = [];

    public IEnumerable<ImageFrame> ReadFrames(CancellationToken cancellation = default)
    {
        var o = sequence.Options;
        var buffers = new[] { new byte[o.Width * o.Height * ImageFrame.ChannelsOf(o.Format)], new byte[o.Width * o.Height * ImageFrame.ChannelsOf(o.Format)] };
        for (int i = 0; i < o.Frames; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var frame = new ImageFrame(o.Width, o.Height, o.Format, buffers[i & 1]) { Origin = $"{Name}#{i + 1}" };
            sequence.Render(i, frame);
            yield return frame;
        }
    }

    public void Dispose() { }
}
