using ReasonTrack.IO;

namespace ReasonTrack.Datasets.Referring;

/// <summary>
/// Refer-YouTube-VOS (Seo et al., URVOS, ECCV 2020; the competition release, laid out as ReferFormer's
/// <c>docs/data.md</c> expects): <c>meta_expressions/&lt;split&gt;/meta_expressions.json</c>,
/// <c>&lt;split&gt;/JPEGImages/&lt;video&gt;/&lt;frame&gt;.jpg</c> and, for <c>train</c> only,
/// <c>&lt;split&gt;/Annotations/&lt;video&gt;/&lt;frame&gt;.png</c> (label maps, pixel = object id; an expression's
/// <c>obj_id</c> names its object). The default split is <c>train</c>, the only one with public masks; <c>valid</c>
/// holds frames and expressions only (scored by the competition server on per-expression binary PNGs) and, as
/// released, also lists the 305 test videos: those in <c>meta_expressions/test</c> are left out
/// (<see cref="ReferringLoadOptions.ExcludeTestVideos"/>, as ReferFormer's <c>inference_ytvos.py</c>). Scored per
/// expression (<c>per-expression</c>).
/// </summary>
public sealed class ReferYoutubeVosLoader : IReferringDatasetLoader
{
    public const string RegistryKey = "refer-youtube-vos";

    public string Key => RegistryKey;

    public string Description => "Refer-YouTube-VOS: meta_expressions/<split>/meta_expressions.json, <split>/JPEGImages/<video>/<frame>.jpg, train/Annotations/<video>/<frame>.png";

    public Dataset Load(string root, DatasetLoadOptions? options = null) =>
        LoadReferring(root, new ReferringLoadOptions { Videos = options?.Sequences, Split = options?.Split, ListFrames = options?.ListFrames ?? true }).ToDataset();

    public ReferringDataset LoadReferring(string root, ReferringLoadOptions? options = null)
    {
        options ??= new ReferringLoadOptions();
        root = DatasetFiles.RequireFolder(root);
        string split = options.Split ?? "train";
        string meta = Path.Combine(root, "meta_expressions", split, "meta_expressions.json");
        if (!File.Exists(meta) && !Directory.Exists(Path.Combine(root, "meta_expressions")))
            throw new DataFormatException(root, "not a Refer-YouTube-VOS folder: no meta_expressions/<split>/meta_expressions.json");
        var entries = MetaExpressionsFile.Read(meta);
        var notes = new List<string>();
        string testMeta = Path.Combine(root, "meta_expressions", "test", "meta_expressions.json");
        if (split == "valid" && options.ExcludeTestVideos && File.Exists(testMeta))
        {
            var test = MetaExpressionsFile.Read(testMeta).Select(e => e.Video).ToHashSet(StringComparer.Ordinal);
            int before = entries.Count;
            entries = entries.Where(e => !test.Contains(e.Video)).ToList();
            notes.Add($"{before - entries.Count} video(s) of {meta} are test videos (listed in {testMeta}) and are left out");
        }
        string images = Path.Combine(root, split, "JPEGImages");
        string annotations = Path.Combine(root, split, "Annotations");
        bool hasGt = Directory.Exists(annotations);
        var names = DatasetFiles.Select(entries.Select(e => e.Video).ToList(), new DatasetLoadOptions { Sequences = options.Videos }, meta);
        var byName = entries.ToDictionary(e => e.Video, StringComparer.Ordinal);
        var videos = names.Select(name =>
        {
            var e = byName[name];
            if (hasGt && e.Expressions.FirstOrDefault(x => x.ObjectIds.Count != 1) is { } bad)
                throw new DataFormatException(meta, $"video {name} expression {bad.Id}: \"obj_id\" must name one object, found {bad.ObjectIds.Count}");
            return Video(name, e, Path.Combine(images, name), options.ListFrames, hasGt ? new LabelPngGroundTruth(Path.Combine(annotations, name), e.Frames) : null);
        }).ToList();
        if (!hasGt) notes.Add($"no {annotations}: the {split} split has no public masks (scored by the competition server)");
        return new ReferringDataset(Key, $"Refer-YouTube-VOS {split}", root, videos) { Protocol = "per-expression", Split = split, ExpressionSet = "meta_expressions", Notes = notes };
    }

    /// <summary>A video whose frames are <c>&lt;folder&gt;/&lt;frame&gt;.jpg</c> for each frame name (checked when listed).</summary>
    internal static ReferringVideo Video(string name, MetaExpressionsFile.Entry entry, string folder, bool listFrames, IReferringGroundTruth? gt)
    {
        IReadOnlyList<string> Frames()
        {
            var paths = entry.Frames.Select(f => Path.Combine(folder, f + ".jpg")).ToList();
            if (listFrames && paths.FirstOrDefault(p => !File.Exists(p)) is { } missing)
                throw new DataFormatException(missing, $"frame of video {name} listed in the expressions file not found");
            return paths;
        }
        return new ReferringVideo(name, entry.Frames, Frames, entry.Expressions) { GroundTruth = gt };
    }
}
