using System.Globalization;
using ReasonTrack.Geometry;
using ReasonTrack.IO;

namespace ReasonTrack.Datasets.Got10k;

/// <summary>
/// GOT-10k: <c>&lt;split&gt;/&lt;seq&gt;/%08d.jpg</c>, <c>groundtruth.txt</c>, <c>absence.label</c> (1 = absent),
/// <c>cover.label</c> (0..8), <c>meta_info.ini</c> (<c>object_class</c> becomes <see cref="Sequence.ClassName"/>,
/// <c>resolution: (W, H)</c> <see cref="Sequence.Resolution"/>, every key <see cref="Sequence.Metadata"/>), and
/// <c>list.txt</c> for the order (else every folder with a groundtruth.txt). The root may be the split folder or the
/// dataset root holding <c>val/</c>, <c>train/</c>, <c>test/</c> (split from the options, default <c>val</c>). Test-split
/// sequences hold only the first box: they load with Length 1 and a note, evaluation must say it cannot score them.
/// Frames are every image of the sequence folder.
/// </summary>
public sealed class Got10kLoader : IDatasetLoader
{
    public string Key => "got10k-val";

    public string Description => "GOT-10k: [val/]<seq>/{%08d.jpg,groundtruth.txt,absence.label,cover.label,meta_info.ini}, list.txt";

    public Dataset Load(string root, DatasetLoadOptions? options = null)
    {
        options ??= new DatasetLoadOptions();
        root = DatasetFiles.RequireFolder(root);
        string split = options.Split ?? "val";
        string folder = root;
        string splitDir = Path.Combine(root, split);
        if (Directory.Exists(splitDir) && !File.Exists(Path.Combine(root, "list.txt"))) folder = splitDir;
        else if (options.Split is not null && !Path.GetFileName(root).Equals(split, StringComparison.OrdinalIgnoreCase) && !File.Exists(Path.Combine(root, "list.txt")))
            throw new DataFormatException(splitDir, $"split folder '{split}' not found");

        var notes = new List<string>();
        string listPath = Path.Combine(folder, "list.txt");
        string? listFile = File.Exists(listPath) ? listPath : null;
        var available = DatasetFiles.ListOrFolders(folder, listFile, "groundtruth.txt", "GOT-10k", notes);
        var names = DatasetFiles.Select(available, options, listFile ?? folder);
        var sequences = DatasetFiles.LoadAll(names.Count, i => LoadSequence(Path.Combine(folder, names[i]), names[i], options.ListFrames));
        if (sequences.Length > 0 && sequences.All(s => s.Length <= 1))
            notes.Add("only the first box of every sequence is public (GOT-10k test split): these sequences cannot be evaluated locally");
        string splitName = Path.GetFileName(folder);
        return new Dataset(Key, $"GOT-10k {splitName}", root, sequences)
        {
            DefaultProtocol = "got10k",
            Notes = notes,
        };
    }

    private static Sequence LoadSequence(string folder, string name, bool listFrames)
    {
        string gtPath = Path.Combine(folder, "groundtruth.txt");
        var boxes = DatasetFiles.ReadBoxes(gtPath);
        string absencePath = Path.Combine(folder, "absence.label");
        string coverPath = Path.Combine(folder, "cover.label");
        int[]? cover = null;
        if (File.Exists(coverPath))
        {
            double[] v = DatasetFiles.ReadValues(coverPath);
            cover = new int[v.Length];
            for (int k = 0; k < v.Length; k++)
            {
                if (v[k] is < 0 or > 8 || v[k] != Math.Floor(v[k]))
                    throw new DataFormatException(coverPath, k + 1, $"cover level must be an integer 0..8, found {v[k].ToString(CultureInfo.InvariantCulture)}");
                cover[k] = (int)v[k];
            }
        }
        string metaPath = Path.Combine(folder, "meta_info.ini");
        var meta = File.Exists(metaPath) ? ReadMetaInfo(metaPath) : new Dictionary<string, string>();
        ImageSize? resolution = null;
        if (meta.TryGetValue("resolution", out string? res)) resolution = ParseResolution(res, metaPath);
        return new Sequence(name, boxes, listFrames ? () => DatasetFiles.ListImages(folder) : null)
        {
            GroundTruthPath = gtPath,
            Absent = File.Exists(absencePath) ? DatasetFiles.ReadAbsent(absencePath, oneMeansVisible: false) : null,
            Cover = cover,
            ClassName = meta.GetValueOrDefault("object_class"),
            Resolution = resolution,
            Metadata = meta,
        };
    }

    /// <summary>The <c>key: value</c> lines of a <c>meta_info.ini</c> (section headers and blank lines skipped).</summary>
    public static Dictionary<string, string> ReadMetaInfo(string path)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string raw in File.ReadLines(path))
        {
            string line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('[') || line.StartsWith('#') || line.StartsWith(';')) continue;
            int colon = line.IndexOf(':');
            int eq = line.IndexOf('=');
            int sep = colon < 0 ? eq : eq < 0 ? colon : Math.Min(colon, eq);
            if (sep <= 0) continue;
            meta[line[..sep].Trim()] = line[(sep + 1)..].Trim();
        }
        return meta;
    }

    private static ImageSize ParseResolution(string text, string path)
    {
        var parts = text.Trim().TrimStart('(', '[').TrimEnd(')', ']').Split([',', 'x', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int w)
            && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int h))
            return new ImageSize(w, h);
        throw new DataFormatException(path, $"resolution '{text}' is not '(W, H)'");
    }
}
