using ReasonTrack.IO;
using ReasonTrack.Media;

namespace ReasonTrack.Training.Data;

/// <summary>
/// Writes a data set's images under <c>images/&lt;video&gt;/</c> and hands back the path relative to the data set
/// folder (forward slashes, never absolute), which is what every trainer resolves against its data folder. Encoded by
/// <see cref="JpegEncoder"/> / <see cref="PngEncoder"/> (SkiaSharp), so on one build of the library the bytes depend only
/// on pixels and settings (the same seed gives the same bytes; another SkiaSharp version may compress differently).
/// </summary>
public sealed class TrainingImageStore
{
    public const string ImagesFolder = "images";

    /// <summary>JPEG quality of the training images.</summary>
    public const int JpegQuality = 95;

    private readonly string _root;
    private readonly ImageFileFormat _format;

    public TrainingImageStore(string dataSetFolder, ImageFileFormat format)
    {
        _root = Path.GetFullPath(dataSetFolder);
        _format = format;
    }

    /// <summary>The extension of the files written (with the dot).</summary>
    public string Extension => _format == ImageFileFormat.Png ? ".png" : ".jpg";

    /// <summary>Encodes and writes atomically; returns <c>images/&lt;video folder&gt;/&lt;stem&gt;.jpg</c>.</summary>
    public string Save(ImageFrame image, string video, string stem)
    {
        ArgumentNullException.ThrowIfNull(image);
        string relative = $"{ImagesFolder}/{SafeName(video)}/{stem}{Extension}";
        byte[] bytes = _format == ImageFileFormat.Png ? PngEncoder.Encode(image) : JpegEncoder.Encode(image, JpegQuality);
        AtomicFile.WriteAllBytes(Path.Combine(_root, relative), bytes);
        return relative;
    }

    /// <summary>
    /// A video name usable as one folder or file name on every file system: characters other than ASCII letters,
    /// digits, '.', '-' and '_' become '_' (names that differ only there would collide; no benchmark has such names).
    /// </summary>
    public static string SafeName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray();
        string s = new(chars);
        return s.Trim('.').Length == 0 ? "_" + s : s;
    }
}
