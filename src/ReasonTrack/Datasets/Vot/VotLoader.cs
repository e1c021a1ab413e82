using System.Text;
using ReasonTrack.Geometry;
using ReasonTrack.IO;

namespace ReasonTrack.Datasets.Vot;

/// <summary>
/// VOT short- and long-term sequences: <c>&lt;root&gt;/list.txt</c> (else every folder with a ground-truth file; the
/// root may itself be one sequence), frames in <c>&lt;seq&gt;/color/</c>, else <c>img/</c>, else the sequence folder.
/// The ground truth is <c>groundtruth.txt</c>; in folders prepared like <c>shared/data/sequences</c> it is
/// <c>groundtruth_orig.txt</c> (the original VOT file, polygons kept) when that has one row per frame of
/// <c>frames.txt</c>, else <c>groundtruth_rect.txt</c>. Each line is either <c>x,y,w,h</c>, a polygon
/// <c>x1,y1,...,xn,yn</c> (n ≥ 3), or an empty region: a lone <c>0</c> or NaNs (VOT-LT, target absent), read as a NaN box.
/// Polygons are kept in <see cref="Sequence.Polygons"/> and converted for <see cref="Sequence.GroundTruth"/>:
/// by default with <see cref="Polygon.ToBoundingBox"/>, the min/max rectangle of the VOT toolkit; with
/// <see cref="UseAreaPreservingBoxes"/> with <see cref="Polygon.ToAreaPreservingBox"/>, the area-preserving box of
/// pysot-family trackers (four-corner polygons; others fall back to the min/max rectangle).
/// Per-frame tags come from <c>&lt;tag&gt;.tag</c> / <c>&lt;tag&gt;.label</c> files (one 0/1 a line; a file shorter than
/// the sequence is padded with 0). A <c>frames.txt</c> maps rows to frame files as in <see cref="Otb.OtbLoader"/>.
/// </summary>
public sealed class VotLoader : IDatasetLoader
{
    private static readonly string[] GroundTruthFiles = ["groundtruth.txt", "groundtruth_orig.txt", "groundtruth_rect.txt"];

    /// <param name="useAreaPreservingBoxes">
    /// false (default): polygon → min/max bounding box, as the VOT toolkit converts regions;
    /// true: polygon → pysot's area-preserving box (<c>get_axis_aligned_bbox</c>).
    /// </param>
    public VotLoader(bool useAreaPreservingBoxes = false) => UseAreaPreservingBoxes = useAreaPreservingBoxes;

    /// <summary>
    /// false: <see cref="Sequence.GroundTruth"/> is the VOT toolkit's min/max box of each polygon
    /// (<see cref="Polygon.ToBoundingBox"/>); true: pysot's area-preserving box (<see cref="Polygon.ToAreaPreservingBox"/>).
    /// </summary>
    public bool UseAreaPreservingBoxes { get; }

    public string Key => "vot";

    public string Description => "VOT: list.txt, <seq>/{color/%08d.jpg,groundtruth.txt (x,y,w,h or polygons; NaN/0 = absent),<tag>.tag}";

    public Dataset Load(string root, DatasetLoadOptions? options = null)
    {
        options ??= new DatasetLoadOptions();
        root = DatasetFiles.RequireFolder(root);
        var notes = new List<string>();
        string listPath = Path.Combine(root, "list.txt");
        List<string> available;
        Func<string, string> folderOf = name => Path.Combine(root, name);
        string source = root;
        if (File.Exists(listPath))
        {
            available = DatasetFiles.ReadList(listPath);
            source = listPath;
        }
        else if (HasGroundTruth(root))
        {
            available = [Path.GetFileName(root)];
            folderOf = _ => root;
        }
        else
        {
            available = Directory.EnumerateDirectories(root).Where(HasGroundTruth).Select(d => Path.GetFileName(d)).ToList();
            available.Sort(NaturalComparer.Instance);
            if (available.Count == 0)
                throw new DataFormatException(listPath, "required file not found, and no <seq>/groundtruth.txt folder either");
        }
        var names = DatasetFiles.Select(available, options, source);
        var seqNotes = new string?[names.Count];
        var sequences = DatasetFiles.LoadAll(names.Count, i => LoadSequence(folderOf(names[i]), names[i], options.ListFrames, out seqNotes[i]));
        notes.AddRange(seqNotes.OfType<string>());
        return new Dataset(Key, "VOT", root, sequences)
        {
            DefaultProtocol = "otb",
            Notes = notes,
        };
    }

    private static bool HasGroundTruth(string folder) => GroundTruthFiles.Any(f => File.Exists(Path.Combine(folder, f)));

    private Sequence LoadSequence(string folder, string name, bool listFrames, out string? note)
    {
        note = null;
        string gtPath = ChooseGroundTruth(folder, name, ref note);
        var (boxes, polygons) = ReadRegions(gtPath);

        var tags = new Dictionary<string, bool[]>(StringComparer.Ordinal);
        foreach (string f in Directory.EnumerateFiles(folder))
        {
            string ext = Path.GetExtension(f);
            if (!ext.Equals(".tag", StringComparison.OrdinalIgnoreCase) && !ext.Equals(".label", StringComparison.OrdinalIgnoreCase)) continue;
            bool[] read = DatasetFiles.ReadAbsent(f, oneMeansVisible: false); // 1 = tag set
            var flags = new bool[Math.Max(read.Length, boxes.Length)];
            read.CopyTo(flags, 0);
            tags[Path.GetFileNameWithoutExtension(f)] = flags;
        }

        string imgDir = new[] { "color", "img" }.Select(d => Path.Combine(folder, d)).FirstOrDefault(Directory.Exists) ?? folder;
        var (first, frames) = DatasetFiles.FramesOf(folder, imgDir, listFrames);
        return new Sequence(name, boxes, frames)
        {
            GroundTruthPath = gtPath,
            Polygons = polygons,
            FrameTags = tags,
            FirstFrameNumber = first,
        };
    }

    /// <summary>groundtruth.txt; else the original file when it has one row per frames.txt entry; else the rect file.</summary>
    private static string ChooseGroundTruth(string folder, string name, ref string? note)
    {
        string gt = Path.Combine(folder, "groundtruth.txt");
        if (File.Exists(gt)) return gt;
        string orig = Path.Combine(folder, "groundtruth_orig.txt");
        string rect = Path.Combine(folder, "groundtruth_rect.txt");
        if (File.Exists(orig))
        {
            string framesTxt = Path.Combine(folder, "frames.txt");
            string reference = File.Exists(framesTxt) ? framesTxt : rect;
            if (!File.Exists(reference)) return orig;
            int origRows = CountRows(orig), referenceRows = CountRows(reference);
            if (origRows == referenceRows) return orig;
            note = $"{name}: {Path.GetFileName(orig)} has {origRows} rows, {Path.GetFileName(reference)} {referenceRows}: using {Path.GetFileName(rect)}";
        }
        if (File.Exists(rect)) return rect;
        throw new DataFormatException(gt, "required file not found");
    }

    private static int CountRows(string path) => File.ReadLines(path).Count(l => !string.IsNullOrWhiteSpace(l));

    /// <summary>Reads a VOT region file: boxes, and polygons when any row is one (null otherwise).</summary>
    internal (Box[] Boxes, Polygon?[]? Polygons) ReadRegions(string path)
    {
        DatasetFiles.RequireFile(path);
        var lines = File.ReadAllLines(path, Encoding.UTF8).ToList();
        while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[^1])) lines.RemoveAt(lines.Count - 1);
        var boxes = new Box[lines.Count];
        var polygons = new Polygon?[lines.Count];
        bool anyPolygon = false;
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0) throw new DataFormatException(path, i + 1, "blank line between data rows (a missing row?)");
            if (line[0] is 'm' or 'M') throw new DataFormatException(path, i + 1, "mask regions (VOT2020+) are not supported");
            double[] v;
            try
            {
                v = NumericTable.Parse(path, Encoding.UTF8.GetBytes(line)).Flatten();
            }
            catch (DataFormatException e)
            {
                throw new DataFormatException(path, i + 1, e.Reason);
            }
            if (v.All(double.IsNaN) || (v.Length == 1 && v[0] == 0))
            {
                boxes[i] = Box.NaN;
            }
            else if (v.Length == 4)
            {
                boxes[i] = new Box(v[0], v[1], v[2], v[3]);
            }
            else if (v.Length >= 6 && v.Length % 2 == 0)
            {
                var p = new Polygon(v);
                polygons[i] = p;
                anyPolygon = true;
                boxes[i] = UseAreaPreservingBoxes && p.PointCount == 4 ? p.ToAreaPreservingBox() : p.ToBoundingBox();
            }
            else
            {
                throw new DataFormatException(path, i + 1, $"expected 4 values (x, y, w, h) or a polygon (an even number of at least 6), found {v.Length}");
            }
        }
        return (boxes, anyPolygon ? polygons : null);
    }
}
