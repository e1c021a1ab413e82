using ReasonTrack.Datasets;
using ReasonTrack.Geometry;
using ReasonTrack.Media;

namespace ReasonTrack.Training.Data;

/// <summary>
/// One dataset video as the samplers see it: boxes, which frames may be used, the frame files and the description.
/// "Usable" is the single rule that keeps templates (and R1-Track's search frames) away from frames where the target
/// is absent or its box is invalid: the dataset says the target is visible, the box is finite with positive width
/// and height, and it overlaps the image.
/// </summary>
public sealed class TrainingVideo
{
    private readonly bool[] _usable;

    public TrainingVideo(Sequence sequence, int order, ImageSize imageSize, string? fallbackDescription = null)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        Sequence = sequence;
        Order = order;
        ImageSize = imageSize;
        Description = string.IsNullOrWhiteSpace(sequence.Language) ? fallbackDescription : sequence.Language.Trim();
        WholeDescription = string.IsNullOrWhiteSpace(sequence.LanguageText) ? Description : sequence.LanguageText;
        // Frames past the last frame file cannot be shown, whatever the annotations say.
        FrameCount = Math.Min(sequence.Length, sequence.Frames.Count);
        _usable = new bool[FrameCount];
        for (int i = 0; i < FrameCount; i++) _usable[i] = sequence.IsVisible(i) && IsValidBox(sequence.GroundTruth[i], imageSize);
    }

    public Sequence Sequence { get; }

    public string Name => Sequence.Name;

    /// <summary>Position in the dataset's listing; orders rows and names the part file.</summary>
    public int Order { get; }

    /// <summary>Size of the frames (read from the first frame's header).</summary>
    public ImageSize ImageSize { get; }

    /// <summary>The description (the dataset's, else the fallback), or null.</summary>
    public string? Description { get; }

    /// <summary>
    /// The whole language file, unstripped (<see cref="Sequence.LanguageText"/>), else <see cref="Description"/>:
    /// what VPTracker's builder reads (<c>dataset/track_dataset.py</c> ~90-93, <c>f.read()</c>; its prompt strips it).
    /// </summary>
    public string? WholeDescription { get; }

    /// <summary>Frames with both a ground-truth row and a frame file.</summary>
    public int FrameCount { get; }

    public Box Box(int frame) => Sequence.GroundTruth[frame];

    /// <summary>
    /// When the ground truth and the frame files disagree in count (a <c>gt_rect</c> shorter than the image list, or
    /// the reverse), the warning with both counts that the video's part carries; null when they agree. Only the
    /// first <see cref="FrameCount"/> frames are sampled either way.
    /// </summary>
    public string? LengthMismatch => Sequence.Length == Sequence.Frames.Count ? null
        : Sequence.Length < Sequence.Frames.Count
            ? $"video: ground truth has {Sequence.Length} boxes for {Sequence.Frames.Count} frame files; the last {Sequence.Frames.Count - Sequence.Length} frames (no box) are not used"
            : $"video: ground truth has {Sequence.Length} boxes for {Sequence.Frames.Count} frame files; the last {Sequence.Length - Sequence.Frames.Count} boxes (no frame) are not used";

    /// <summary>The target is visible in <paramref name="frame"/> and its box is valid (see the class summary).</summary>
    public bool IsUsable(int frame) => frame >= 0 && frame < FrameCount && _usable[frame];

    /// <summary>Indices of usable frames, ascending.</summary>
    public List<int> UsableFrames() => Enumerable.Range(0, FrameCount).Where(i => _usable[i]).ToList();

    /// <summary>A box a sampler may crop around: finite, positive size, and at least partly inside the image.</summary>
    public static bool IsValidBox(Box box, ImageSize image) =>
        box.HasPositiveSize && box.X < image.Width && box.Y < image.Height && box.Right > 0 && box.Bottom > 0;

    /// <summary>
    /// The frame size from the first readable frame file's header (no decoding), or the dataset's stated resolution.
    /// </summary>
    /// <exception cref="MediaException">No frame file of the sequence has a readable header.</exception>
    public static ImageSize ReadImageSize(Sequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        if (sequence.Resolution is { } r) return r;
        foreach (string path in sequence.Frames.Take(8))
        {
            byte[] bytes;
            try { bytes = File.ReadAllBytes(path); }
            catch (IOException) { continue; }
            if (ImageHeader.TryRead(bytes, out var h)) return new ImageSize(h.Width, h.Height);
        }
        throw new MediaException(sequence.Frames.Count > 0 ? sequence.Frames[0] : sequence.Name, "cannot read the frame size of this sequence (no readable JPEG/PNG/BMP header in its first frames)");
    }
}
