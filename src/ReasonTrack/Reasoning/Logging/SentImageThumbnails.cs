using System.Security.Cryptography;
using Microsoft.Extensions.AI;
using ReasonTrack.IO;
using ReasonTrack.Media;

namespace ReasonTrack.Reasoning.Logging;

/// <summary>
/// Keeps a small JPEG of every image sent to the model (ours): wrap the run's chat client in it and every mode's
/// <see cref="Modes.PromptSender"/> finds it (<c>GetService</c>) and saves the images of each prompt, as the mode built
/// them (VPTracker's red outline included), before they are encoded for the wire. Files are named by the SHA-256 of
/// their bytes (<c>vlm-thumbnails/&lt;16 hex&gt;.jpg</c>), so an image sent twice (ReasoningTrack's previous frame) is
/// stored once and concurrent sequences never collide; each reasoning log record lists its thumbnails in
/// <see cref="ReasoningLogRecord.ImageThumbnails"/>, relative to the log's folder. Requests pass through unchanged.
/// </summary>
public sealed class SentImageThumbnails : DelegatingChatClient
{
    private readonly string _folder;

    public SentImageThumbnails(IChatClient inner, SentImageThumbnailOptions options) : base(inner)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Directory);
        if (options.MaxSide < 16) throw new ReasonTrackException($"SentImageThumbnailOptions.MaxSide must be at least 16, not {options.MaxSide}");
        if (options.JpegQuality is < 1 or > 100) throw new ReasonTrackException($"SentImageThumbnailOptions.JpegQuality must be in 1..100, not {options.JpegQuality}");
        Options = options;
        _folder = Path.Combine(Path.GetFullPath(options.Directory), SentImageThumbnailOptions.FolderName);
    }

    public SentImageThumbnailOptions Options { get; }

    /// <summary>Saves a thumbnail of <paramref name="image"/> and returns its full path.</summary>
    public string Save(ImageFrame image)
    {
        ArgumentNullException.ThrowIfNull(image);
        int max = Math.Max(image.Width, image.Height);
        var small = max <= Options.MaxSide ? image
            : ImageOps.Resize(image, Math.Max(1, (int)Math.Round(image.Width * (double)Options.MaxSide / max)), Math.Max(1, (int)Math.Round(image.Height * (double)Options.MaxSide / max)));
        byte[] bytes = ImageEncoding.Jpeg(Options.JpegQuality).Encode(small).Bytes;
        string path = Path.Combine(_folder, Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + ".jpg");
        if (!File.Exists(path)) AtomicFile.WriteAllBytes(path, bytes);
        return path;
    }
}
