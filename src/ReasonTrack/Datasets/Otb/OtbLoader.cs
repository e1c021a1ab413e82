using System.Text.Json;
using System.Text.RegularExpressions;
using ReasonTrack.Geometry;
using ReasonTrack.IO;

namespace ReasonTrack.Datasets.Otb;

/// <summary>
/// OTB-100 and any folder of OTB-style sequences (UAV123 and the like).
/// <list type="bullet">
/// <item>With a pysot-format <c>OTB100.json</c> in the root (or the json file itself given as root): the json gives the
/// sequence list, boxes (<c>gt_rect</c>), frame names (<c>img_names</c>, resolved under the json's folder) and
/// attributes. It encodes the OTB quirks: David starts at frame 300, Football1 has 81 frames but 74 boxes,
/// Jogging-1/-2 and Skating2-1/-2 share the frames of Jogging/Skating2.</item>
/// <item>Otherwise every folder holding <c>groundtruth_rect.txt</c> (comma, tab or space separated) is a sequence named
/// after the folder, and every <c>groundtruth_rect.N.txt</c> a sequence <c>&lt;folder&gt;-N</c> sharing its frames; the
/// root may itself be such a folder. Frames are in <c>img/</c> (else the folder itself). A <c>frames.txt</c> (one frame
/// file name or number per ground-truth row) maps rows to frames and sets <see cref="Sequence.FirstFrameNumber"/>;
/// without it the first image is the first row's frame. An <c>attrs.txt</c> (short names, comma-separated) gives the
/// attributes.</item>
/// </list>
/// Frames list exactly the annotated frames when the json or a frames.txt names them; otherwise every image of the
/// folder from the first one (there may be more images than boxes).
/// </summary>
public sealed partial class OtbLoader : IDatasetLoader
{
    public static IReadOnlyList<string> AttributeNames { get; } =
    [
        "Illumination Variation", "Scale Variation", "Occlusion", "Deformation", "Motion Blur", "Fast Motion",
        "In-Plane Rotation", "Out-of-Plane Rotation", "Out-of-View", "Background Clutters", "Low Resolution",
    ];

    public static IReadOnlyList<string> AttributeShortNames { get; } =
        ["IV", "SV", "OCC", "DEF", "MB", "FM", "IPR", "OPR", "OV", "BC", "LR"];

    public string Key => "otb";

    public string Description => "OTB: OTB100.json (pysot format) or folders <Seq>/{img/%04d.jpg,groundtruth_rect[.N].txt[,frames.txt,attrs.txt]}";

    public Dataset Load(string root, DatasetLoadOptions? options = null)
    {
        options ??= new DatasetLoadOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        string full = Path.GetFullPath(root);
        var notes = new List<string>();
        List<Sequence> sequences;
        if (File.Exists(full) && full.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            sequences = LoadJson(full, options, notes);
        }
        else
        {
            full = DatasetFiles.RequireFolder(full);
            string json = Path.Combine(full, "OTB100.json");
            sequences = File.Exists(json) ? LoadJson(json, options, notes) : LoadFolders(full, options, notes);
        }
        return new Dataset(Key, "OTB", full, sequences)
        {
            AttributeNames = AttributeNames,
            AttributeShortNames = AttributeShortNames,
            DefaultProtocol = "otb",
            Notes = notes,
        };
    }

    /// <summary>Index of an attribute given by full or short name (case-insensitive), or -1.</summary>
    public static int AttributeIndex(string name)
    {
        name = name.Trim();
        for (int i = 0; i < AttributeNames.Count; i++)
            if (name.Equals(AttributeNames[i], StringComparison.OrdinalIgnoreCase) || name.Equals(AttributeShortNames[i], StringComparison.OrdinalIgnoreCase))
                return i;
        return -1;
    }

    private static (double[] Vector, List<string> Names) Attributes(IEnumerable<string> given, string path, string sequence)
    {
        var vector = new double[AttributeNames.Count];
        foreach (string a in given)
        {
            int k = AttributeIndex(a);
            if (k < 0) throw new DataFormatException(path, $"sequence {sequence}: unknown OTB attribute '{a}' (known: {string.Join(", ", AttributeShortNames)})");
            vector[k] = 1;
        }
        return (vector, DatasetFiles.AttributesOf(vector, AttributeNames));
    }

    // ---- pysot json ----

    private static List<Sequence> LoadJson(string jsonPath, DatasetLoadOptions options, List<string> notes)
    {
        string baseDir = Path.GetDirectoryName(jsonPath)!;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(jsonPath));
        }
        catch (JsonException e)
        {
            throw new DataFormatException(jsonPath, (int)(e.LineNumber ?? -1) + 1, $"not valid JSON: {e.Message}");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new DataFormatException(jsonPath, "expected an object of sequences (pysot format)");
            var entries = doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
            var names = DatasetFiles.Select(entries.Keys.ToList(), options, jsonPath);
            notes.Add($"sequence list, boxes and frame names from {jsonPath}");
            var result = new List<Sequence>(names.Count);
            foreach (string name in names) result.Add(JsonSequence(jsonPath, baseDir, name, entries[name], options.ListFrames, notes));
            return result;
        }
    }

    private static Sequence JsonSequence(string jsonPath, string baseDir, string name, JsonElement e, bool listFrames, List<string> notes)
    {
        JsonElement Prop(string p) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(p, out var v) ? v
            : throw new DataFormatException(jsonPath, $"sequence {name}: missing '{p}'");
        var gt = Prop("gt_rect");
        var boxes = new Box[gt.GetArrayLength()];
        int r = 0;
        foreach (var row in gt.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != 4)
                throw new DataFormatException(jsonPath, $"sequence {name}: gt_rect row {r + 1} is not [x, y, w, h]");
            var v = row.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Number ? x.GetDouble() : double.NaN).ToArray();
            boxes[r++] = new Box(v[0], v[1], v[2], v[3]);
        }
        var imgNames = Prop("img_names").EnumerateArray().Select(x => x.GetString() ?? "").ToArray();
        if (imgNames.Length != boxes.Length)
            notes.Add($"{name}: {imgNames.Length} frame names, {boxes.Length} boxes");
        int first = imgNames.Length > 0 && DatasetFiles.NumberIn(imgNames[0]) is { } n and >= 1 and <= int.MaxValue ? (int)n : 1;
        var attrs = e.TryGetProperty("attr", out var at) && at.ValueKind == JsonValueKind.Array
            ? Attributes(at.EnumerateArray().Select(x => x.GetString() ?? ""), jsonPath, name)
            : ((double[]?)null, new List<string>());
        return new Sequence(name, boxes, listFrames ? () => imgNames.Select(f => Path.Combine(baseDir, f)).ToArray() : null)
        {
            GroundTruthPath = jsonPath,
            FirstFrameNumber = first,
            AttributeVector = attrs.Item1,
            Attributes = attrs.Item2,
        };
    }

    // ---- folders ----

    [GeneratedRegex(@"^groundtruth_rect(?:\.(\d+))?\.txt$", RegexOptions.IgnoreCase)]
    private static partial Regex GroundTruthName();

    /// <summary>(sequence name, folder, ground-truth file) for every OTB-style sequence under root (or root itself).</summary>
    private static List<(string Name, string Folder, string GroundTruth)> FindSequences(string root)
    {
        var found = SequencesIn(root);
        if (found.Count > 0) return found;
        foreach (string dir in Directory.EnumerateDirectories(root)) found.AddRange(SequencesIn(dir));
        found.Sort((a, b) => NaturalComparer.Instance.Compare(a.Name, b.Name));
        return found;
    }

    private static List<(string Name, string Folder, string GroundTruth)> SequencesIn(string folder)
    {
        var list = new List<(string Name, string Folder, string GroundTruth)>();
        string baseName = Path.GetFileName(folder);
        foreach (string f in Directory.EnumerateFiles(folder, "groundtruth_rect*.txt"))
        {
            var m = GroundTruthName().Match(Path.GetFileName(f));
            if (!m.Success) continue;
            list.Add((m.Groups[1].Success ? $"{baseName}-{m.Groups[1].Value}" : baseName, folder, f));
        }
        list.Sort((a, b) => NaturalComparer.Instance.Compare(a.Name, b.Name));
        return list;
    }

    private static List<Sequence> LoadFolders(string root, DatasetLoadOptions options, List<string> notes)
    {
        var found = FindSequences(root);
        if (found.Count == 0)
            throw new DataFormatException(root, "no OTB sequences: no OTB100.json and no folder with a groundtruth_rect.txt");
        var byName = found.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var names = DatasetFiles.Select(found.Select(f => f.Name).ToList(), options, root);
        return DatasetFiles.LoadAll(names.Count, i =>
        {
            var (name, folder, gtPath) = byName[names[i]];
            var boxes = DatasetFiles.ReadBoxes(gtPath);
            string imgDir = Path.Combine(folder, "img");
            if (!Directory.Exists(imgDir)) imgDir = folder;
            var (first, frames) = DatasetFiles.FramesOf(folder, imgDir, options.ListFrames);
            string attrsPath = Path.Combine(folder, "attrs.txt");
            var attrs = File.Exists(attrsPath)
                ? Attributes(File.ReadAllText(attrsPath).Split([',', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), attrsPath, name)
                : ((double[]?)null, new List<string>());
            return new Sequence(name, boxes, frames)
            {
                GroundTruthPath = gtPath,
                FirstFrameNumber = first,
                AttributeVector = attrs.Item1,
                Attributes = attrs.Item2,
            };
        }).ToList();
    }
}
