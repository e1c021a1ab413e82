using ReasonTrack.IO;

namespace ReasonTrack.Datasets.Referring;

/// <summary>
/// MeViS (Ding et al., ICCV 2023 / TPAMI 2025), its public layout (<c>henghuiding/MeViS</c> README "File Structure"):
/// <c>&lt;split&gt;/JPEGImages/&lt;video&gt;/&lt;frame&gt;.jpg</c>, <c>&lt;split&gt;/meta_expressions.json</c>
/// (Refer-YouTube-VOS's schema with <c>obj_id</c> and <c>anno_id</c> lists: an expression may name several objects)
/// and <c>&lt;split&gt;/mask_dict.json</c> (COCO RLE per annotation id and frame, <see cref="RleGroundTruth"/>) for
/// <c>train</c> and <c>valid_u</c>; <c>valid</c> has no masks (scored by the server). Default split <c>valid_u</c>,
/// the one MeViS provides for offline evaluation. Scored per expression (<c>per-expression</c>, MeViS's
/// <c>tools/eval_mevis.py</c>).
/// </summary>
public sealed class MevisLoader : IReferringDatasetLoader
{
    public const string RegistryKey = "mevis";

    public string Key => RegistryKey;

    public string Description => "MeViS: <split>/{JPEGImages/<video>/<frame>.jpg, meta_expressions.json, mask_dict.json}";

    public Dataset Load(string root, DatasetLoadOptions? options = null) =>
        LoadReferring(root, new ReferringLoadOptions { Videos = options?.Sequences, Split = options?.Split, ListFrames = options?.ListFrames ?? true }).ToDataset();

    public ReferringDataset LoadReferring(string root, ReferringLoadOptions? options = null)
    {
        options ??= new ReferringLoadOptions();
        root = DatasetFiles.RequireFolder(root);
        string split = options.Split ?? "valid_u";
        string folder = Path.Combine(root, split);
        // The root may be the split folder itself.
        if (!Directory.Exists(folder) && File.Exists(Path.Combine(root, "meta_expressions.json")))
        {
            folder = root;
            split = Path.GetFileName(root);
        }
        string meta = Path.Combine(folder, "meta_expressions.json");
        if (!File.Exists(meta)) throw new DataFormatException(meta, $"not a MeViS split: required file not found (expected <root>/{split}/meta_expressions.json)");
        var entries = MetaExpressionsFile.Read(meta);
        string masks = Path.Combine(folder, "mask_dict.json");
        bool hasGt = File.Exists(masks);
        var gt = hasGt ? new RleGroundTruth(masks) : null;
        var notes = new List<string>();
        if (!hasGt) notes.Add($"no {masks}: the {split} split has no public masks (scored by the MeViS server)");
        var names = DatasetFiles.Select(entries.Select(e => e.Video).ToList(), new DatasetLoadOptions { Sequences = options.Videos }, meta);
        var byName = entries.ToDictionary(e => e.Video, StringComparer.Ordinal);
        var videos = names.Select(name =>
        {
            var e = byName[name];
            if (hasGt && e.Expressions.FirstOrDefault(x => x.AnnotationIds.Count == 0) is { } bad)
                throw new DataFormatException(meta, $"video {name} expression {bad.Id}: no \"anno_id\" (needed to find its masks in {masks})");
            return ReferYoutubeVosLoader.Video(name, e, Path.Combine(folder, "JPEGImages", name), options.ListFrames, gt);
        }).ToList();
        return new ReferringDataset(Key, $"MeViS {split}", root, videos) { Protocol = "per-expression", Split = split, ExpressionSet = "meta_expressions", Notes = notes };
    }
}
