using ReasonTrack.IO;

namespace ReasonTrack.Datasets.Lasot;

/// <summary>
/// LaSOT, in either of its two layouts (detected automatically):
/// <list type="bullet">
/// <item>the dataset as downloaded: <c>&lt;root&gt;/&lt;class&gt;/&lt;class&gt;-N/</c> (or flat <c>&lt;root&gt;/&lt;class&gt;-N/</c>) with
/// <c>img/%08d.jpg</c>, <c>groundtruth.txt</c> (x,y,w,h), <c>full_occlusion.txt</c> and <c>out_of_view.txt</c> (0/1,
/// comma-separated on one line; absent = either) and <c>nlp.txt</c>; the sequence list is <c>testing_set.txt</c> in the
/// root when present (split <c>test</c>, the default), <c>training_set.txt</c> for <c>train</c>, else every sequence folder;</item>
/// <item>the official toolkit layout: <c>annos/&lt;seq&gt;.txt</c>, <c>annos/absent/&lt;seq&gt;.txt</c> (1 = absent),
/// <c>annos/att/&lt;seq&gt;.txt</c> (14 flags), <c>annos/nlp/&lt;seq&gt;.txt</c>; the root may be the <c>annos</c> folder itself;
/// the list is <c>testing_set.txt</c> beside <c>annos</c> (else <c>sequences.txt</c>, else every annotation file).
/// Sequences of this layout have no frames.</item>
/// </list>
/// ClassName is the class folder, or the name before the last '-'.
/// </summary>
public sealed class LasotLoader : ToolkitBenchmarkLoader
{
    /// <summary>Attribute names in the toolkit's order (its spelling, "Aspect Ration Change" included).</summary>
    public static IReadOnlyList<string> AttributeNames { get; } =
    [
        "Illumination Variation", "Partial Occlusion", "Deformation", "Motion Blur", "Camera Motion", "Rotation",
        "Background Clutter", "Viewpoint Change", "Scale Variation", "Full Occlusion", "Fast Motion", "Out-of-View",
        "Low Resolution", "Aspect Ration Change",
    ];

    public static IReadOnlyList<string> AttributeShortNames { get; } =
        ["IV", "POC", "DEF", "MB", "CM", "ROT", "BC", "VC", "SV", "FOC", "FM", "OV", "LR", "ARC"];

    public override string Key => "lasot";

    public override string Description => "LaSOT: <class>/<class>-N/{img,groundtruth.txt,full_occlusion.txt,out_of_view.txt,nlp.txt} or the toolkit's annos/{<seq>.txt,absent,att,nlp}";

    /// <summary>The class of a LaSOT sequence name: the part before the last '-' (<c>airplane-1</c> = airplane).</summary>
    public static string? ClassOf(string name)
    {
        int dash = name.LastIndexOf('-');
        return dash > 0 ? name[..dash] : null;
    }

    protected override string DisplayName => "LaSOT";

    protected override string DefaultProtocol => "lasot-matlab";

    protected override IReadOnlyList<string> Attributes => AttributeNames;

    protected override IReadOnlyList<string> AttributeShorts => AttributeShortNames;

    internal override ToolkitLayout ToolkitLayout { get; } = new ToolkitLayout
    {
        SplitLists = [new("test", "testing_set.txt"), new("train", "training_set.txt")],
        AttributeNames = AttributeNames,
        ClassNameOf = ClassOf,
    };

    protected override List<Sequence> LoadDatasetLayout(string root, DatasetLoadOptions options, List<string> notes)
    {
        string? listFile = options.Split?.ToLowerInvariant() switch
        {
            null => File.Exists(Path.Combine(root, "testing_set.txt")) ? Path.Combine(root, "testing_set.txt") : null,
            "test" => Path.Combine(root, "testing_set.txt"),
            "train" => Path.Combine(root, "training_set.txt"),
            "all" => null,
            _ => throw new InvalidSettingException("split", $"unknown split '{options.Split}'; valid: test, train, all"),
        };

        List<string> available;
        Dictionary<string, string>? folders = null;
        if (listFile is not null)
        {
            available = DatasetFiles.ReadList(listFile);
        }
        else
        {
            folders = FindSequenceFolders(root);
            if (folders.Count == 0)
                throw new DataFormatException(root, "no LaSOT sequences: neither annos/ (toolkit layout) nor <class>/<class>-N/groundtruth.txt (dataset layout) found");
            available = folders.Keys.ToList();
            available.Sort(NaturalComparer.Instance);
        }
        var names = DatasetFiles.Select(available, options, listFile ?? root);

        var seqs = DatasetFiles.LoadAll(names.Count, i =>
        {
            string name = names[i];
            string folder = folders?.GetValueOrDefault(name) ?? Locate(root, name);
            return LoadSequence(root, name, folder, options.ListFrames);
        });
        if (seqs.Any(s => s.Absent is not null && s.Absent.Length != s.Length))
            notes.Add("some absence files do not have one flag per ground-truth row (kept as read)");
        return seqs.ToList();
    }

    /// <summary>Sequence folders of the dataset layout, name to folder: <c>&lt;class&gt;/&lt;seq&gt;</c> or flat <c>&lt;seq&gt;</c>.</summary>
    private static Dictionary<string, string> FindSequenceFolders(string root)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string dir in Directory.EnumerateDirectories(root))
        {
            if (File.Exists(Path.Combine(dir, "groundtruth.txt"))) { map.TryAdd(Path.GetFileName(dir), dir); continue; }
            foreach (string sub in Directory.EnumerateDirectories(dir))
                if (File.Exists(Path.Combine(sub, "groundtruth.txt"))) map.TryAdd(Path.GetFileName(sub), sub);
        }
        return map;
    }

    private static string Locate(string root, string name)
    {
        if (ClassOf(name) is { } cls)
        {
            string nested = Path.Combine(root, cls, name);
            if (Directory.Exists(nested)) return nested;
        }
        string flat = Path.Combine(root, name);
        if (Directory.Exists(flat)) return flat;
        string expected = ClassOf(name) is { } c ? Path.Combine(root, c, name, "groundtruth.txt") : Path.Combine(root, name, "groundtruth.txt");
        throw new DataFormatException(expected, "required file not found (sequence folder missing)");
    }

    private static Sequence LoadSequence(string root, string name, string folder, bool listFrames)
    {
        string gtPath = Path.Combine(folder, "groundtruth.txt");
        var boxes = DatasetFiles.ReadBoxes(gtPath);
        bool[]? absent = null;
        string occPath = Path.Combine(folder, "full_occlusion.txt"), oovPath = Path.Combine(folder, "out_of_view.txt");
        if (File.Exists(occPath) || File.Exists(oovPath))
        {
            double[] occ = File.Exists(occPath) ? DatasetFiles.ReadValues(occPath) : [];
            double[] oov = File.Exists(oovPath) ? DatasetFiles.ReadValues(oovPath) : [];
            absent = new bool[Math.Max(occ.Length, oov.Length)];
            for (int i = 0; i < absent.Length; i++)
                absent[i] = (i < occ.Length && occ[i] != 0) || (i < oov.Length && oov[i] != 0);
        }
        // Nested layout: the class folder; flat layout: the name before the last '-'.
        string parentDir = Path.GetDirectoryName(folder) ?? root;
        string? className = string.Equals(parentDir, root, StringComparison.Ordinal) ? ClassOf(name) : Path.GetFileName(parentDir);
        string imgDir = Path.Combine(folder, "img");
        return new Sequence(name, boxes, listFrames ? () => DatasetFiles.ListImages(imgDir) : null)
        {
            GroundTruthPath = gtPath,
            Absent = absent,
            Language = DatasetFiles.FirstLine(Path.Combine(folder, "nlp.txt")),
            ClassName = className,
        };
    }
}
