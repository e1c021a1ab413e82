using ReasonTrack.Geometry.Masks;

namespace ReasonTrack.Datasets.Referring;

/// <summary>
/// A referring video's ground-truth masks, read on demand: the target of an expression in one frame (the union of its
/// objects), or null when the benchmark holds no mask there (a frame without annotation file, a missing RLE).
/// Implementations: <see cref="LabelPngGroundTruth"/> (DAVIS and Refer-YouTube-VOS palette PNGs) and
/// <see cref="RleGroundTruth"/> (MeViS <c>mask_dict.json</c>).
/// </summary>
public interface IReferringGroundTruth
{
    /// <summary>Where the masks are read from (a folder or a file), for messages.</summary>
    string Location { get; }

    /// <summary>The expression's target in frame <paramref name="frame"/> (0-based, in the video's frame list).</summary>
    /// <exception cref="IO.DataFormatException">A broken mask file, naming it.</exception>
    Mask? MaskOf(ReferringExpression expression, int frame);
}
