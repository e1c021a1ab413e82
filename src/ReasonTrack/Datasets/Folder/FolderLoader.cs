using ReasonTrack.IO;

namespace ReasonTrack.Datasets.Folder;

/// <summary>
/// Plain folders of frames (jpg, jpeg, png, bmp; sorted by the number in their names). The root is either one
/// sequence (frames directly in it or in <c>img/</c> or <c>imgs/</c>) or a folder of such sequence folders. A
/// sequence is named after its folder, or after the parent when the frames folder is called <c>img</c>/<c>imgs</c>.
/// Ground truth, optional: <c>groundtruth.txt</c> or <c>groundtruth_rect.txt</c> beside the frames or one level up.
/// Without one, <see cref="Sequence.GroundTruth"/> is empty (Length 0) and <see cref="Sequence.Frames"/> lists the
/// images. Telling a sequence folder from a folder of sequences needs the root (and, for subfolders without
/// <c>img/</c>, <c>imgs/</c> or a ground-truth file, each subfolder) looked into, even with ListFrames off.
/// </summary>
public sealed class FolderLoader : IDatasetLoader
{
    private static readonly string[] FrameFolders = ["img", "imgs"];
    private static readonly string[] GroundTruthFiles = ["groundtruth.txt", "groundtruth_rect.txt"];

    public string Key => "folder";

    public string Description => "A folder of frames (or of sequence folders), optional groundtruth.txt / groundtruth_rect.txt";

    public Dataset Load(string root, DatasetLoadOptions? options = null)
    {
        options ??= new DatasetLoadOptions();
        root = DatasetFiles.RequireFolder(root);
        var found = new List<(string Name, string Frames, string? GroundTruth)>();
        if (AsSequence(root, isRoot: true) is { } single)
        {
            found.Add(single);
        }
        else
        {
            foreach (string dir in Directory.EnumerateDirectories(root))
                if (AsSequence(dir, isRoot: false) is { } s) found.Add(s);
            found.Sort((a, b) => NaturalComparer.Instance.Compare(a.Name, b.Name));
        }
        if (found.Count == 0) throw new DataFormatException(root, "no image files here, in img/ or imgs/, or in any subfolder");
        var byName = new Dictionary<string, (string Name, string Frames, string? GroundTruth)>(StringComparer.Ordinal);
        foreach (var f in found)
            if (!byName.TryAdd(f.Name, f)) throw new DataFormatException(f.Frames, $"two sequences are named '{f.Name}'");
        var names = DatasetFiles.Select(found.Select(f => f.Name).ToList(), options, root);
        var sequences = DatasetFiles.LoadAll(names.Count, i =>
        {
            var (name, frames, gt) = byName[names[i]];
            return new Sequence(name, gt is null ? [] : DatasetFiles.ReadBoxes(gt), options.ListFrames ? () => DatasetFiles.ListImages(frames) : null)
            {
                GroundTruthPath = gt,
            };
        });
        var notes = new List<string>();
        int without = sequences.Count(s => s.GroundTruthPath is null);
        if (without > 0) notes.Add($"{without} of {sequences.Length} sequences have no ground truth (Length 0)");
        return new Dataset(Key, Path.GetFileName(root), root, sequences)
        {
            DefaultProtocol = "otb",
            Notes = notes,
        };
    }

    /// <summary>
    /// The sequence a folder is (name, frames folder, ground truth), or null when it holds no frames. The ground truth
    /// is looked for beside the frames, then one level up from them: the sequence folder above <c>img/</c>, or, for the
    /// root only, the root's parent (never the folder of sequences, whose file would belong to none of them).
    /// </summary>
    private static (string Name, string Frames, string? GroundTruth)? AsSequence(string folder, bool isRoot)
    {
        string name = Path.GetFileName(folder);
        string? parent = Path.GetDirectoryName(folder);
        bool isFrameFolder = FrameFolders.Any(f => f.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (isFrameFolder && parent is not null && DatasetFiles.HasImages(folder))
            return (Path.GetFileName(parent), folder, FindGroundTruth(folder, parent));
        foreach (string sub in FrameFolders)
        {
            string frames = Path.Combine(folder, sub);
            if (Directory.Exists(frames)) return (name, frames, FindGroundTruth(frames, folder));
        }
        if (DatasetFiles.HasImages(folder)) return (name, folder, FindGroundTruth(folder, isRoot ? parent : null));
        return null;
    }

    private static string? FindGroundTruth(string frames, string? above)
    {
        foreach (string dir in above is null ? [frames] : new[] { frames, above })
            foreach (string f in GroundTruthFiles)
            {
                string p = Path.Combine(dir, f);
                if (File.Exists(p)) return p;
            }
        return null;
    }
}
