using ReasonTrack.Geometry;

namespace ReasonTrack.Media;

/// <summary>
/// Frames already decoded, served again and again (nothing is disposed: the list owns them). For measurements that
/// must not include decoding (throughput benchmarks) and for tests.
/// </summary>
public sealed class InMemoryFrameSource(string name, IReadOnlyList<ImageFrame> frames) : IFrameSource
{
    public string Name => name;
    public ImageSize Size => frames[0].Size;
    public int? FrameCount => frames.Count;
    public IReadOnlyList<string> Warnings => [];

    public IEnumerable<ImageFrame> ReadFrames(CancellationToken cancellation = default)
    {
        for (int i = 0; i < frames.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            // A view on the same pixels whose Dispose does nothing, so the list can be replayed.
            yield return new ImageFrame(frames[i].Width, frames[i].Height, frames[i].Format, frames[i].Data) { Index = i, Origin = $"{name}#{i + 1}", SourceFile = frames[i].SourceFile };
        }
    }

    public void Dispose() { }
}
