using System.Globalization;

namespace ReasonTrack.Media;

/// <summary>
/// How the images of a vision-language request are encoded. Each reasoning mode has one such setting whose default is
/// what its released client sends (the model was trained and evaluated on those bytes):
/// <list type="bullet">
/// <item>ReasoningTrack: <see cref="ReleasedReasoningTrack"/>, the frame file's own bytes labelled <c>image/jpeg</c>
/// (<c>ReasoningTrack/Evaluation/i2d.py</c>, <c>image_to_base64</c> ~22-25: the file is read and base64-encoded as is,
/// so on TNLLT the model gets PNG bytes under a jpeg label).</item>
/// <item>R1-Track: <see cref="ReleasedR1Track"/>, JPEG at OpenCV's defaults, quality 95 with 4:2:0 chroma, of the
/// 336x336 crops (<c>infer_script/r1track.py</c>, <c>img2base64</c> ~325-338: <c>cv.imencode(".jpg", img)</c>).</item>
/// <item>VPTracker: <see cref="ReleasedVpTracker"/>, lossless PNG: its ms-swift engine hands PIL images to the model
/// with no JPEG step (<c>evaluation/infer_tracking_qwen_vlt_crop_absent.py</c> passes image paths to the engine).</item>
/// </list>
/// <para>
/// <see cref="ImageEncodingKind.FileBytes"/> needs the file the frame was decoded from
/// (<see cref="ImageFrame.SourceFile"/>, set only when the frame is exactly that file's pixels). When there is none
/// (video input, an unreadable or resized frame, a crop or any derived image) or the file cannot be read back, or its
/// header no longer matches the frame's size, the image is sent as <see cref="Fallback"/> (lossless PNG, labelled
/// <c>image/png</c>) and the log says so: the closest we can get to the file's pixels.
/// </para>
/// </summary>
/// <param name="Kind">File bytes, JPEG or PNG.</param>
/// <param name="JpegQuality">JPEG quality 1..100 (libjpeg scaling of the Annex K tables, through SkiaSharp's libjpeg-turbo); JPEG only.</param>
/// <param name="Subsampling">JPEG chroma subsampling; JPEG only.</param>
/// <param name="FileLabel">
/// The MIME type declared for file bytes: <c>image/jpeg</c> as released; null declares the file's real type (ours).
/// </param>
public sealed record ImageEncoding(ImageEncodingKind Kind, int JpegQuality = 95, JpegSubsampling Subsampling = JpegSubsampling.Yuv420, string? FileLabel = "image/jpeg")
{
    /// <summary>The label ReasoningTrack's released client puts on every image.</summary>
    public const string ReleasedFileLabel = "image/jpeg";

    /// <summary>OpenCV's <c>imencode(".jpg")</c> defaults: quality 95, 4:2:0.</summary>
    public const int OpenCvDefaultQuality = 95;

    /// <summary>The frame file's own bytes, labelled <paramref name="label"/> (null: the file's real type).</summary>
    public static ImageEncoding FileBytes(string? label = ReleasedFileLabel) => new(ImageEncodingKind.FileBytes, FileLabel: label);

    /// <summary>JPEG at <paramref name="quality"/> (default OpenCV's 95) and <paramref name="subsampling"/> (default 4:2:0).</summary>
    public static ImageEncoding Jpeg(int quality = OpenCvDefaultQuality, JpegSubsampling subsampling = JpegSubsampling.Yuv420)
    {
        if (quality is < 1 or > 100) throw new InvalidSettingException(nameof(JpegQuality), $"JPEG quality must be 1..100, got {quality}");
        return new(ImageEncodingKind.Jpeg, quality, subsampling);
    }

    /// <summary>Lossless PNG, labelled <c>image/png</c>.</summary>
    public static ImageEncoding Png { get; } = new(ImageEncodingKind.Png);

    /// <summary>What file bytes fall back to when the frame has no file: PNG.</summary>
    public static ImageEncoding Fallback => Png;

    /// <summary>ReasoningTrack's released encoding: file bytes labelled <c>image/jpeg</c>.</summary>
    public static ImageEncoding ReleasedReasoningTrack { get; } = FileBytes();

    /// <summary>R1-Track's released encoding: JPEG quality 95, 4:2:0 (OpenCV defaults).</summary>
    public static ImageEncoding ReleasedR1Track { get; } = Jpeg();

    /// <summary>VPTracker's released encoding (its engine takes PIL images): lossless PNG.</summary>
    public static ImageEncoding ReleasedVpTracker => Png;

    /// <summary>What ReasonTrack sent in every mode before issue 11 (JPEG quality 90, 4:2:0); kept for comparisons.</summary>
    public static ImageEncoding PreIssue11 { get; } = Jpeg(90);

    /// <summary>A short name for logs and run records: <c>file as image/jpeg</c>, <c>jpeg q95 4:2:0</c>, <c>png</c>.</summary>
    public string Name => Kind switch
    {
        ImageEncodingKind.FileBytes => FileLabel is null ? "file (own type)" : $"file as {FileLabel}",
        ImageEncodingKind.Jpeg => string.Create(CultureInfo.InvariantCulture, $"jpeg q{JpegQuality} {Subsampling switch { JpegSubsampling.Yuv420 => "4:2:0", JpegSubsampling.Yuv422 => "4:2:2", _ => "4:4:4" }}"),
        _ => "png",
    };

    public override string ToString() => Name;

    /// <summary>Encodes <paramref name="frame"/> (file bytes are read from <see cref="ImageFrame.SourceFile"/>, else the fallback).</summary>
    public EncodedImage Encode(ImageFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        switch (Kind)
        {
            case ImageEncodingKind.Jpeg:
                return new EncodedImage(JpegEncoder.Encode(frame, JpegQuality, Subsampling), "image/jpeg", Name);
            case ImageEncodingKind.Png:
                return new EncodedImage(PngEncoder.Encode(frame), "image/png", Name);
        }
        string? why = null;
        if (frame.SourceFile is not { } path) why = "no source file";
        else
        {
            byte[]? bytes = null;
            try { bytes = File.ReadAllBytes(path); }
            catch (IOException e) { why = $"{Path.GetFileName(path)} unreadable: {e.Message}"; }
            catch (UnauthorizedAccessException e) { why = $"{Path.GetFileName(path)} unreadable: {e.Message}"; }
            if (bytes is not null)
            {
                // The file must still be the image the frame was decoded from (same kind of file, same size).
                if (!ImageHeader.TryRead(bytes, out var h)) why = $"{Path.GetFileName(path)} is no longer a readable image";
                else if (h.Width != frame.Width || h.Height != frame.Height) why = $"{Path.GetFileName(path)} is {h.Width}x{h.Height}, the frame {frame.Width}x{frame.Height}";
                else
                {
                    string label = FileLabel ?? h.Kind switch { ImageFileKind.Png => "image/png", ImageFileKind.Bmp => "image/bmp", _ => "image/jpeg" };
                    return new EncodedImage(bytes, label, $"file {Path.GetFileName(path)} ({h.Kind.ToString().ToLowerInvariant()}) as {label}");
                }
            }
        }
        var fallback = Fallback.Encode(frame);
        return fallback with { Description = $"{fallback.Description} (fallback: {why})" };
    }
}
