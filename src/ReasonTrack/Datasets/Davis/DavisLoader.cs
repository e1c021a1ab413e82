using ReasonTrack.Geometry;
using ReasonTrack.IO;

namespace ReasonTrack.Datasets.Davis;

/// <summary>
/// DAVIS 2017 (semi-supervised), as the official toolkit reads it (davis2017/davis.py, commit ac7c43f):
/// <c>&lt;root&gt;/ImageSets/2017/&lt;set&gt;.txt</c> (sequences in the list's order, each line stripped; ours: blank
/// lines skipped), <c>JPEGImages/480p/&lt;seq&gt;/*.jpg</c> (at least one required), <c>Annotations/480p/&lt;seq&gt;/*.png</c>
/// (sorted by name; the frame id is the name without extension; 255 = void); the object count is the highest id of
/// annotation frame 0. The set defaults to <c>val</c> (<see cref="DatasetLoadOptions.Split"/> picks another).
/// </summary>
public sealed class DavisLoader : IMaskDatasetLoader
{
    /// <summary>The toolkit's default set (evaluation_method.py:18).</summary>
    public const string DefaultSet = "val";

    /// <summary>The resolution folder the toolkit reads (davis.py:31-35).</summary>
    public const string Resolution = "480p";

    public string Key => "davis2017";

    public string Description =>
        "DAVIS 2017 semi-supervised: ImageSets/2017/<set>.txt, JPEGImages/480p/<seq>/*.jpg, Annotations/480p/<seq>/*.png (palette ids, 255 void); masks, scored with davis2017";

    public string DefaultMaskProtocol => "davis2017";

    public DavisSequenceSet LoadMasks(string root, DatasetLoadOptions? options = null)
    {
        options ??= new DatasetLoadOptions();
        string full = DatasetFiles.RequireFolder(root);
        string set = string.IsNullOrWhiteSpace(options.Split) ? DefaultSet : options.Split.Trim();
        string listFile = Path.Combine(full, "ImageSets", "2017", set + ".txt");
        if (!File.Exists(listFile)) throw new DataFormatException(listFile, $"DAVIS set list '{set}' not found (expected ImageSets/2017/{set}.txt under the root)");
        var names = options.Sequences is { } chosen ? chosen.ToList() : DatasetFiles.ReadList(listFile);
        var sequences = new DavisSequence[names.Count];
        Parallel.For(0, names.Count, i => sequences[i] = LoadSequence(full, names[i]));
        return new DavisSequenceSet(full, set, sequences);
    }

    /// <summary>One sequence folder pair (annotations and JPEGs).</summary>
    public static DavisSequence LoadSequence(string root, string name)
    {
        string annoDir = Path.Combine(root, "Annotations", Resolution, name);
        string imgDir = Path.Combine(root, "JPEGImages", Resolution, name);
        if (!Directory.Exists(annoDir)) throw new DataFormatException(annoDir, $"annotation folder of sequence '{name}' not found");
        var images = Directory.Exists(imgDir) ? Directory.GetFiles(imgDir, "*.jpg").Order(StringComparer.Ordinal).ToArray() : [];
        if (images.Length == 0) throw new DataFormatException(imgDir, $"no .jpg frames for sequence '{name}' (the toolkit requires them)");
        var annos = Directory.GetFiles(annoDir, "*.png").Order(StringComparer.Ordinal).ToArray();
        if (annos.Length == 0) throw new DataFormatException(annoDir, $"no .png annotations for sequence '{name}'");
        if (annos.Length < images.Length)
            throw new DataFormatException(annoDir, $"{annos.Length} annotations for {images.Length} frames: the toolkit pads the list and crashes; every frame needs its PNG");
        // The frame id is the file name without its extension; the toolkit joins the dot-separated parts ("a.b.png" -> "ab").
        var ids = annos.Select(p => string.Concat(Path.GetFileName(p).Split('.')[..^1])).ToArray();
        var first = Results.Masks.DavisPngFolder.ReadLabels(annos[0]);
        int objects = DavisSequence.MaxObjectId(first.Labels);
        return new DavisSequence(name, new ImageSize(first.Width, first.Height), ids, annos, images, objects);
    }

    /// <summary>
    /// The box view: one box <see cref="Sequence"/> per object, named <c>&lt;seq&gt;_&lt;k&gt;</c> as the toolkit keys
    /// its objects, frames the JPEGs, ground truth the tight box of the object's pixels in each annotation (absent,
    /// a NaN box, where the object has none). Reads every annotation.
    /// </summary>
    public Dataset Load(string root, DatasetLoadOptions? options = null)
    {
        var set = LoadMasks(root, options);
        var boxes = new List<Sequence>();
        foreach (var seq in set.Sequences)
        {
            int n = seq.ObjectCount;
            var gt = new Box[n][];
            var absent = new bool[n][];
            for (int k = 0; k < n; k++) { gt[k] = new Box[seq.FrameCount]; absent[k] = new bool[seq.FrameCount]; }
            Parallel.For(0, seq.FrameCount, f =>
            {
                var map = seq.ReadAnnotation(f);
                for (int k = 0; k < n; k++)
                {
                    var m = map.MaskOf((byte)(k + 1));
                    gt[k][f] = m.IsEmpty ? new Box(double.NaN, double.NaN, double.NaN, double.NaN) : m.BoundingBox;
                    absent[k][f] = m.IsEmpty;
                }
            });
            var frames = seq.ImagePaths;
            for (int k = 0; k < n; k++)
                boxes.Add(new Sequence($"{seq.Name}_{k + 1}", gt[k], () => frames)
                {
                    Absent = absent[k],
                    Resolution = seq.Size,
                    GroundTruthPath = Path.GetDirectoryName(seq.AnnotationPaths[0]),
                    FirstFrameNumber = 1,
                });
        }
        return new Dataset(Key, "DAVIS 2017", set.Root, boxes) { DefaultProtocol = DefaultMaskProtocol, Notes = set.Notes };
    }
}
