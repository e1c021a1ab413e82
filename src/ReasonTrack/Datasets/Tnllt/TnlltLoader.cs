using ReasonTrack.IO;

namespace ReasonTrack.Datasets.Tnllt;

/// <summary>
/// TNLLT (ReasoningTrack's long-term benchmark), in either layout (detected automatically):
/// <list type="bullet">
/// <item>the dataset: <c>&lt;root&gt;/&lt;seq&gt;/imgs/%05d.png</c> (1-based), <c>groundtruth.txt</c>, <c>absent_label.txt</c>,
/// <c>attributes.txt</c> (15 flags), <c>language.txt</c> (both its first line, <see cref="Sequence.Language"/>, and its
/// whole text, <see cref="Sequence.LanguageText"/>: see <see cref="LanguageReading"/>);</item>
/// <item>the toolkit layout: <c>annos/&lt;seq&gt;.txt</c>, <c>annos/absent/&lt;seq&gt;.txt</c>, <c>annos/att/&lt;seq&gt;.txt</c>
/// (root may be <c>annos</c> itself); no frames.</item>
/// </list>
/// In both, the absence files use TNLLT's polarity, <b>1 = visible</b>: <see cref="Sequence.Absent"/> is true where the
/// file holds 0. Lists: <c>testing_set.txt</c> (split <c>test</c>, the default), <c>all_dataset.txt</c> (split <c>all</c>),
/// else <c>sequences.txt</c>, else every sequence found.
/// </summary>
public sealed class TnlltLoader : ToolkitBenchmarkLoader
{
    /// <summary>Attribute names in the toolkit's order.</summary>
    public static IReadOnlyList<string> AttributeNames { get; } =
    [
        "Camera Motion", "Rotation", "Deformation", "Full Occlusion", "Illumination Variation", "Out-of-View",
        "Partial Occlusion", "Viewpoint change", "Scale Variation", "Background Clutter", "Motion Blur",
        "Aspect Ration Change", "Low Resolution", "FM", "AS",
    ];

    public static IReadOnlyList<string> AttributeShortNames { get; } =
        ["CM", "ROT", "DEF", "FOC", "IV", "OV", "POC", "VC", "SV", "BC", "MB", "ARC", "LR", "FM", "AS"];

    public override string Key => "tnllt";

    public override string Description => "TNLLT: <seq>/{imgs/%05d.png,groundtruth.txt,absent_label.txt (1 = visible),attributes.txt,language.txt} or the toolkit's annos/{<seq>.txt,absent,att}";

    protected override string DisplayName => "TNLLT";

    protected override string DefaultProtocol => "tnllt-matlab";

    protected override IReadOnlyList<string> Attributes => AttributeNames;

    protected override IReadOnlyList<string> AttributeShorts => AttributeShortNames;

    internal override ToolkitLayout ToolkitLayout { get; } = new ToolkitLayout
    {
        AbsentOneMeansVisible = true,
        SplitLists = [new("test", "testing_set.txt"), new("all", "all_dataset.txt")],
        AttributeNames = AttributeNames,
    };

    protected override List<Sequence> LoadDatasetLayout(string root, DatasetLoadOptions options, List<string> notes)
    {
        string? listFile = options.Split?.ToLowerInvariant() switch
        {
            null => new[] { "testing_set.txt", "all_dataset.txt", "sequences.txt" }.Select(f => Path.Combine(root, f)).FirstOrDefault(File.Exists),
            "test" => Path.Combine(root, "testing_set.txt"),
            "all" => File.Exists(Path.Combine(root, "all_dataset.txt")) ? Path.Combine(root, "all_dataset.txt") : null,
            _ => throw new InvalidSettingException("split", $"unknown split '{options.Split}'; valid: test, all"),
        };
        var available = DatasetFiles.ListOrFolders(root, listFile, "groundtruth.txt", "TNLLT", notes);
        var names = DatasetFiles.Select(available, options, listFile ?? root);
        var seqs = DatasetFiles.LoadAll(names.Count, i => LoadSequence(Path.Combine(root, names[i]), names[i], options.ListFrames));
        foreach (var s in seqs)
            if (s.Absent is { } a && a.Length != s.Length)
                notes.Add($"{s.Name}: absent_label.txt has {a.Length} rows, ground truth {s.Length} (kept as read)");
        return seqs.ToList();
    }

    private static Sequence LoadSequence(string folder, string name, bool listFrames)
    {
        string gtPath = Path.Combine(folder, "groundtruth.txt");
        var boxes = DatasetFiles.ReadBoxes(gtPath);
        string absentPath = Path.Combine(folder, "absent_label.txt");
        string attPath = Path.Combine(folder, "attributes.txt");
        double[]? att = File.Exists(attPath) ? DatasetFiles.ReadValues(attPath) : null;
        string imgDir = Path.Combine(folder, "imgs");
        return new Sequence(name, boxes, listFrames ? () => DatasetFiles.ListImages(imgDir) : null)
        {
            GroundTruthPath = gtPath,
            Absent = File.Exists(absentPath) ? DatasetFiles.ReadAbsent(absentPath, oneMeansVisible: true) : null,
            AttributeVector = att,
            Attributes = att is null ? [] : DatasetFiles.AttributesOf(att, AttributeNames),
            Language = DatasetFiles.FirstLine(Path.Combine(folder, "language.txt")),
            LanguageText = DatasetFiles.WholeText(Path.Combine(folder, "language.txt")),
        };
    }
}
