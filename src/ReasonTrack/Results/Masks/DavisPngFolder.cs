using ReasonTrack.Geometry.Masks;
using ReasonTrack.IO;
using ReasonTrack.Media.Palette;

namespace ReasonTrack.Results.Masks;

/// <summary>
/// A sequence's masks in the DAVIS layout: one palette-indexed PNG per frame, <c>&lt;folder&gt;/00000.png</c>,
/// <c>00001.png</c>, ..., each pixel the id of the object it belongs to (0 background, DAVIS palette). Used for
/// ground truth (<c>Annotations/480p/&lt;seq&gt;</c>) and results (<c>&lt;tracker&gt;/&lt;seq&gt;</c>) alike.
/// </summary>
public static class DavisPngFolder
{
    /// <summary>The DAVIS frame file name of frame <paramref name="index"/>: five digits, from 0.</summary>
    public static string FrameName(int index) => index.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes every frame 0..FrameCount-1 as <c>NNNNN.png</c> (objects painted in ascending id; a higher id covers a
    /// lower one where masks overlap, ours). Returns the files written.
    /// </summary>
    public static IReadOnlyList<string> Write(string folder, SequenceMasks masks, IndexedPngWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(masks);
        Directory.CreateDirectory(folder);
        var files = new List<string>(masks.FrameCount);
        for (int f = 0; f < masks.FrameCount; f++)
        {
            string path = Path.Combine(folder, FrameName(f) + ".png");
            var map = masks.ToLabelMap(f);
            IndexedPngWriter.Write(path, map.Labels, map.Width, map.Height, options);
            files.Add(path);
        }
        return files;
    }

    /// <summary>
    /// Reads the folder's <c>*.png</c> files in ordinal name order as frames 0, 1, ... (DAVIS sorts file names).
    /// Void (255) is dropped unless <paramref name="keepVoid"/>.
    /// </summary>
    /// <exception cref="DataFormatException">No PNGs, a broken PNG, or frames of different sizes (naming the file).</exception>
    public static SequenceMasks Read(string folder, bool keepVoid = false)
    {
        if (!Directory.Exists(folder)) throw new DataFormatException(folder, "mask folder not found");
        var files = Directory.GetFiles(folder, "*.png").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new DataFormatException(folder, "no .png masks in the folder");
        SequenceMasks? masks = null;
        for (int f = 0; f < files.Count; f++)
        {
            var map = ReadLabels(files[f]);
            masks ??= new SequenceMasks(map.Width, map.Height);
            if (map.Width != masks.Width || map.Height != masks.Height)
                throw new DataFormatException(files[f], $"frame is {map.Width}x{map.Height}, the first frame {masks.Width}x{masks.Height}");
            masks.SetFrame(f, map, keepVoid);
        }
        return masks!;
    }

    /// <summary>One PNG as a label map (values as Pillow's <c>np.array</c> gives them).</summary>
    /// <exception cref="DataFormatException">A broken PNG, a colour PNG, or 16-bit values above 255.</exception>
    public static LabelMap ReadLabels(string path)
    {
        var img = IndexedPngReader.Read(path);
        if (!img.FitsBytes) throw new DataFormatException(path, $"16-bit PNG with value {img.MaxValue()}: object ids above 255 are not supported");
        return new LabelMap(img.Width, img.Height, img.Labels);
    }
}
