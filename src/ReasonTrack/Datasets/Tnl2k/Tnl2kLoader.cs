using ReasonTrack.IO;

namespace ReasonTrack.Datasets.Tnl2k;

/// <summary>
/// TNL2K, in either layout (detected automatically):
/// <list type="bullet">
/// <item>the dataset: <c>&lt;root&gt;/&lt;seq&gt;/imgs/*.jpg|png</c> (the first index varies between sequences: frames are
/// sorted by the number in their names and the first one belongs to the first ground-truth row),
/// <c>groundtruth.txt</c>, <c>language.txt</c> (first line and whole text, see <see cref="LanguageReading"/>);</item>
/// <item>the toolkit layout: <c>annos/gt_rect/&lt;seq&gt;.txt</c>, <c>annos/absent/&lt;seq&gt;.txt</c> (1 = absent),
/// <c>annos/att/&lt;seq&gt;_attribute.txt</c> (17 values, one a line); no frames.</item>
/// </list>
/// Lists: <c>TNL2K_testing_set.txt</c> (split <c>test</c>, the default), <c>TNL2K_train_set.txt</c> (<c>train</c>), else
/// <c>sequences.txt</c>, else every sequence found. An absence file whose length differs from the ground truth (one
/// real sequence has one row more) is kept as read and reported in <see cref="Dataset.Notes"/>.
/// </summary>
public sealed class Tnl2kLoader : ToolkitBenchmarkLoader
{
    public static IReadOnlyList<string> AttributeNames { get; } =
    [
        "Camera Motion", "Rotation", "Deformation", "Full Occlusion", "Illumination Variation", "Out-of-View",
        "Partial Occlusion", "Viewpoint Change", "Scale Variation", "Background Clutter", "Motion Blur",
        "Aspect Ration Change", "Low Resolution", "Fast Motion", "Adversarial Samples", "Thermal Crossover",
        "Modality Switch",
    ];

    public static IReadOnlyList<string> AttributeShortNames { get; } =
        ["CM", "ROT", "DEF", "FOC", "IV", "OV", "POC", "VC", "SV", "BC", "MB", "ARC", "LR", "FM", "AS", "TC", "MS"];

    public override string Key => "tnl2k";

    public override string Description => "TNL2K: <seq>/{imgs/*,groundtruth.txt,language.txt} or the toolkit's annos/{gt_rect,absent,att}";

    protected override string DisplayName => "TNL2K";

    protected override string DefaultProtocol => "tnl2k-matlab";

    protected override IReadOnlyList<string> Attributes => AttributeNames;

    protected override IReadOnlyList<string> AttributeShorts => AttributeShortNames;

    internal override ToolkitLayout ToolkitLayout { get; } = new ToolkitLayout
    {
        BoxFolder = "gt_rect",
        AttributeSuffix = "_attribute",
        SplitLists = [new("test", "TNL2K_testing_set.txt"), new("train", "TNL2K_train_set.txt")],
        AttributeNames = AttributeNames,
    };

    protected override List<Sequence> LoadDatasetLayout(string root, DatasetLoadOptions options, List<string> notes)
    {
        string? listFile = options.Split?.ToLowerInvariant() switch
        {
            null => new[] { "TNL2K_testing_set.txt", "sequences.txt" }.Select(f => Path.Combine(root, f)).FirstOrDefault(File.Exists),
            "test" => Path.Combine(root, "TNL2K_testing_set.txt"),
            "train" => Path.Combine(root, "TNL2K_train_set.txt"),
            "all" => null,
            _ => throw new InvalidSettingException("split", $"unknown split '{options.Split}'; valid: test, train, all"),
        };
        var available = DatasetFiles.ListOrFolders(root, listFile, "groundtruth.txt", "TNL2K", notes);
        var names = DatasetFiles.Select(available, options, listFile ?? root);
        return DatasetFiles.LoadAll(names.Count, i =>
        {
            string folder = Path.Combine(root, names[i]);
            string gtPath = Path.Combine(folder, "groundtruth.txt");
            string imgDir = Path.Combine(folder, "imgs");
            return new Sequence(names[i], DatasetFiles.ReadBoxes(gtPath), options.ListFrames ? () => DatasetFiles.ListImages(imgDir) : null)
            {
                GroundTruthPath = gtPath,
                Language = DatasetFiles.FirstLine(Path.Combine(folder, "language.txt")),
                LanguageText = DatasetFiles.WholeText(Path.Combine(folder, "language.txt")), // VPTracker evaluation/tnl2k_dataset.py ~57: f.read()
            };
        }).ToList();
    }
}
