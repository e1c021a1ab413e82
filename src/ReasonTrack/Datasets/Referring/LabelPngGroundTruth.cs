using ReasonTrack.Geometry.Masks;
using ReasonTrack.Results.Masks;

namespace ReasonTrack.Datasets.Referring;

/// <summary>
/// Ground truth as per-frame label PNGs (<c>&lt;folder&gt;/&lt;frame&gt;.png</c>, pixel = object id, DAVIS palette;
/// 255 = void in DAVIS, never an object): Refer-DAVIS17's <c>Annotations/480p/&lt;video&gt;</c> and
/// Refer-YouTube-VOS's <c>train/Annotations/&lt;video&gt;</c>. A frame without its PNG has no mask (null). An
/// expression's target is the pixels whose label is one of its object ids.
/// </summary>
public sealed class LabelPngGroundTruth(string folder, IReadOnlyList<string> frameNames) : IReferringGroundTruth
{
    public string Location => folder;

    /// <summary>The PNG of frame <paramref name="frame"/> (it may not exist).</summary>
    public string PathOf(int frame) => Path.Combine(folder, frameNames[frame] + ".png");

    public Mask? MaskOf(ReferringExpression expression, int frame)
    {
        ArgumentNullException.ThrowIfNull(expression);
        string path = PathOf(frame);
        if (!File.Exists(path)) return null;
        var labels = DavisPngFolder.ReadLabels(path);
        Mask? union = null;
        foreach (int id in expression.ObjectIds)
        {
            if (id is < 1 or > 254) continue;
            var m = labels.MaskOf((byte)id);
            union = union is null ? m : union.Union(m);
        }
        return union ?? Mask.Empty(labels.Width, labels.Height);
    }
}
