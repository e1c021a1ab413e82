using ReasonTrack.Media;

namespace ReasonTrack.Training.Data;

/// <summary>
/// Decodes only the frames a video's pairs need, in one ffmpeg pass over those files in ascending order, as RGB.
/// Samplers draw frame indices first and ask for pixels afterwards, so a 3,000-frame video that contributes one pair
/// costs two decodes, not three thousand. Decoding is bit-exact (<see cref="FrameSourceOptions.BitExact"/>) so the
/// images written depend on the pixels of the files, not on the CPU that decoded them.
/// </summary>
public static class FrameLoader
{
    /// <summary>
    /// The requested frames (owned by the caller: dispose them), keyed by index. Frames ffmpeg could not read are
    /// absent from the result; the caller skips the pairs that needed them.
    /// </summary>
    public static Dictionary<int, ImageFrame> Load(IReadOnlyList<string> framePaths, IEnumerable<int> indices, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(framePaths);
        var wanted = indices.Distinct().Order().ToArray();
        var result = new Dictionary<int, ImageFrame>();
        if (wanted.Length == 0) return result;
        using var source = FfmpegFrameSource.FromImages(wanted.Select(i => framePaths[i]), new FrameSourceOptions { Format = PixelFormat.Rgb24, BitExact = true });
        int k = 0;
        foreach (var f in source.ReadFrames(cancellation))
        {
            using (f)
            {
                int index = wanted[k++];
                if (f.Status != FrameStatus.Ok) continue;
                var copy = new ImageFrame(f.Width, f.Height, f.Format) { Index = index, Origin = f.Origin };
                f.Pixels.CopyTo(copy.Pixels);
                result[index] = copy;
            }
        }
        return result;
    }
}
