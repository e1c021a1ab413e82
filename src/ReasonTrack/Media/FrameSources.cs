using ReasonTrack.Datasets;

namespace ReasonTrack.Media;

/// <summary>Opening a frame source from a path given on the command line.</summary>
public static class FrameSources
{
    private static readonly string[] FrameFolders = ["img", "imgs"];

    /// <summary>
    /// Opens <paramref name="path"/> as frames: a video file (anything that is not an image; files ffmpeg can read only as text, e.g. its tty demuxer, are refused), a single image file,
    /// or a folder whose images (jpg/jpeg/png/bmp, ordered by the number in their names) are directly in it or in
    /// its <c>img/</c> or <c>imgs/</c> subfolder. The sequence is named after the folder, or after its parent when
    /// the folder itself is called <c>img</c>/<c>imgs</c>; a video after its file stem
    /// (<see cref="FrameSourceOptions.Name"/> overrides).
    /// </summary>
    /// <exception cref="MediaException">The path does not exist, the folder holds no images, or the video is unreadable.</exception>
    /// <exception cref="FfmpegNotFoundException">ffmpeg is not installed.</exception>
    public static FfmpegFrameSource Open(string path, FrameSourceOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= FrameSourceOptions.Default;
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            string name = options.Name ?? SequenceNameOfFolder(full);
            var images = DatasetFiles.ListImages(full);
            if (images.Count == 0)
            {
                foreach (string sub in FrameFolders)
                {
                    images = DatasetFiles.ListImages(Path.Combine(full, sub));
                    if (images.Count > 0) break;
                }
            }
            if (images.Count == 0)
                throw new MediaException(full, "no images (.jpg/.jpeg/.png/.bmp) in this folder nor in its img/ or imgs/ subfolder");
            return FfmpegFrameSource.FromImages(images, options with { Name = name });
        }
        if (!File.Exists(full)) throw new MediaException(full, "no such video file or frame folder");
        if (DatasetFiles.IsImage(full))
            return FfmpegFrameSource.FromImages([full], options with { Name = options.Name ?? Path.GetFileNameWithoutExtension(full) });
        return FfmpegFrameSource.FromVideo(full, options);
    }

    /// <summary>The folder's name, or its parent's when the folder is a frame folder called <c>img</c>/<c>imgs</c>.</summary>
    public static string SequenceNameOfFolder(string folder)
    {
        string trimmed = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        string name = Path.GetFileName(trimmed);
        if (FrameFolders.Any(f => f.Equals(name, StringComparison.OrdinalIgnoreCase)))
        {
            string? parent = Path.GetDirectoryName(trimmed);
            if (!string.IsNullOrEmpty(parent) && Path.GetFileName(parent).Length > 0) return Path.GetFileName(parent);
        }
        return name.Length > 0 ? name : trimmed;
    }
}
