using System.Globalization;

namespace ReasonTrack.Media;

/// <summary>
/// Writes each frame as a numbered image file (<c>000001.jpg</c>, ...) encoded by <see cref="PngEncoder"/> or
/// <see cref="JpegEncoder"/> (SkiaSharp), so it works without ffmpeg. Numbers are consecutive in write order, starting at
/// <c>firstNumber</c>, zero-padded so that a plain name sort is also the frame order.
/// </summary>
public sealed class ImageFolderSink : IFrameSink
{
    private readonly int _digits;
    private int _next;

    /// <param name="folder">Created if missing; existing files with the same numbers are overwritten.</param>
    /// <param name="format"><see cref="ImageFileKind.Png"/> (lossless) or <see cref="ImageFileKind.Jpeg"/>.</param>
    /// <param name="quality">JPEG quality 1-100.</param>
    public ImageFolderSink(string folder, ImageFileKind format = ImageFileKind.Jpeg, int quality = 90, int digits = 6, int firstNumber = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (format is not (ImageFileKind.Png or ImageFileKind.Jpeg))
            throw new ArgumentOutOfRangeException(nameof(format), $"only PNG and JPEG can be written, got {format}");
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        Folder = Path.GetFullPath(folder);
        Format = format;
        Quality = quality;
        _digits = digits;
        _next = firstNumber;
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }
    public ImageFileKind Format { get; }
    public int Quality { get; }
    public int FramesWritten { get; private set; }

    /// <summary>The path the next frame will be written to.</summary>
    public string NextPath => Path.Combine(Folder, _next.ToString("D" + _digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + (Format == ImageFileKind.Png ? ".png" : ".jpg"));

    public void Write(ImageFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        byte[] bytes = Format == ImageFileKind.Png ? PngEncoder.Encode(frame) : JpegEncoder.Encode(frame, Quality);
        string path = NextPath;
        try
        {
            File.WriteAllBytes(path, bytes);
        }
        catch (IOException e)
        {
            throw new MediaException(path, $"cannot write the image: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new MediaException(path, $"cannot write the image: {e.Message}", e);
        }
        _next++;
        FramesWritten++;
    }

    public void Dispose()
    {
        // Every file is complete when Write returns; nothing to finish.
    }
}
