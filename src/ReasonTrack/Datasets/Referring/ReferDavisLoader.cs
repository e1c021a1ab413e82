using System.Globalization;
using System.Text;
using ReasonTrack.IO;

namespace ReasonTrack.Datasets.Referring;

/// <summary>
/// Refer-DAVIS17 (Khoreva et al., "Video Object Segmentation with Language Referring Expressions", ACCV 2018): the
/// DAVIS 2017 layout (<c>JPEGImages/480p/&lt;video&gt;/00000.jpg</c>, <c>Annotations/480p/&lt;video&gt;/00000.png</c>,
/// <c>ImageSets/2017/{train,val}.txt</c>) plus <c>davis_text_annotations/</c> with one expression per object and
/// annotator file (<see cref="ReferDavisExpressions"/>). The root is the DAVIS folder (text annotations inside it or
/// beside it) or the folder holding <c>DAVIS/</c> and <c>davis_text_annotations/</c> (ReferFormer's
/// <c>data/ref-davis</c>).
/// <para>Expression lines are <c>&lt;video&gt; &lt;object id&gt; "&lt;expression&gt;"</c>, read as every public
/// reader reads them (ReferFormer <c>tools/data/convert_davis_to_ytvos.py</c>): the line stripped and split on
/// whitespace, the expression the remaining words joined by one space with its surrounding double quotes removed.
/// Annotator 1's files are UTF-8, annotator 2's Latin-1 (as ReferFormer and the other public readers open them).
/// Three video names of the files differ from DAVIS's folders and are repaired by default
/// (<see cref="ReferringLoadOptions.RepairVideoNames"/>). A line with fewer than three fields, an object id that is
/// not an integer 1..254, or a second expression for the same object is an error naming the file and line; an
/// expression without its quotes is taken as it is, with a note.</para>
/// <para>Ground truth: the semi-supervised annotations (<c>Annotations/480p</c>), whose object ids the expressions
/// name; scored with the DAVIS 2017 toolkit on one label map per frame (<see cref="ReferringDataset.Protocol"/>
/// <c>davis2017</c>). ReferFormer instead evaluates against <c>Annotations_unsupervised</c> with the toolkit's
/// unsupervised task (Hungarian matching of objects), which ReasonTrack does not implement: figures from the two
/// protocols are not comparable. Videos of the split without an expression are skipped with a note.</para>
/// </summary>
public sealed class ReferDavisLoader : IReferringDatasetLoader
{
    public const string RegistryKey = "refer-davis17";

    /// <summary>The text files' video names that differ from DAVIS 2017's folders, and the folder each names.</summary>
    public static IReadOnlyDictionary<string, string> VideoNameRepairs { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["clasic-car"] = "classic-car",
        ["dog-scale"] = "dogs-scale",
        ["motor-bike"] = "motorbike",
    };

    public string Key => RegistryKey;

    public string Description => "Refer-DAVIS17: DAVIS 2017 (JPEGImages/480p, Annotations/480p, ImageSets/2017) + davis_text_annotations/Davis17_annot{1,2}[_full_video].txt";

    /// <summary>The file name of an expression set.</summary>
    public static string FileName(ReferDavisExpressions set) => set switch
    {
        ReferDavisExpressions.Annotator1 => "Davis17_annot1.txt",
        ReferDavisExpressions.Annotator1FullVideo => "Davis17_annot1_full_video.txt",
        ReferDavisExpressions.Annotator2 => "Davis17_annot2.txt",
        ReferDavisExpressions.Annotator2FullVideo => "Davis17_annot2_full_video.txt",
        _ => throw new ArgumentOutOfRangeException(nameof(set), set, null),
    };

    /// <summary>The encoding every public reader uses for an expression set: UTF-8 for annotator 1, Latin-1 for annotator 2.</summary>
    public static Encoding EncodingOf(ReferDavisExpressions set) =>
        set is ReferDavisExpressions.Annotator2 or ReferDavisExpressions.Annotator2FullVideo ? Encoding.Latin1 : new UTF8Encoding(false);

    public Dataset Load(string root, DatasetLoadOptions? options = null) =>
        LoadReferring(root, new ReferringLoadOptions { Videos = options?.Sequences, Split = options?.Split, ListFrames = options?.ListFrames ?? true }).ToDataset();

    public ReferringDataset LoadReferring(string root, ReferringLoadOptions? options = null)
    {
        options ??= new ReferringLoadOptions();
        root = DatasetFiles.RequireFolder(root);
        var (davis, textDir) = Locate(root);
        var notes = new List<string>();
        string expressionsPath = options.ExpressionsFile is { } f ? Path.GetFullPath(f) : Path.Combine(textDir, FileName(options.DavisExpressions));
        var byVideo = ReadExpressions(expressionsPath, EncodingOf(options.DavisExpressions), options.RepairVideoNames, notes);

        string images = Path.Combine(davis, "JPEGImages", "480p");
        string annotations = Path.Combine(davis, "Annotations", "480p");
        string split = options.Split ?? "val";
        string listPath = Path.Combine(davis, "ImageSets", "2017", split + ".txt");
        List<string> available;
        if (File.Exists(listPath)) available = DatasetFiles.ReadList(listPath);
        else if (options.Split is not null) throw new DataFormatException(listPath, $"split list '{split}' not found");
        else
        {
            available = Directory.EnumerateDirectories(images).Select(Path.GetFileName).Where(n => n is not null && byVideo.ContainsKey(n)).Select(n => n!).ToList();
            available.Sort(StringComparer.Ordinal);
            notes.Add($"no {listPath}: every video of {images} with expressions is taken");
        }
        var withExpressions = available.Where(byVideo.ContainsKey).ToList();
        var skipped = available.Where(v => !byVideo.ContainsKey(v)).ToList();
        if (skipped.Count > 0) notes.Add($"{skipped.Count} video(s) of the split have no expression in {expressionsPath} and are skipped: {string.Join(", ", skipped.Take(5))}{(skipped.Count > 5 ? ", ..." : "")}");
        if (withExpressions.Count == 0) throw new DataFormatException(expressionsPath, $"no video of the {split} split ({listPath}) has an expression here");
        var names = DatasetFiles.Select(withExpressions, new DatasetLoadOptions { Sequences = options.Videos }, expressionsPath);

        var videos = names.Select(name =>
        {
            string folder = Path.Combine(images, name);
            var frames = DatasetFiles.ListImages(folder);
            if (frames.Count == 0) throw new DataFormatException(folder, $"no frames for video {name} (expected {Path.Combine("JPEGImages", "480p", name, "00000.jpg")})");
            var stems = frames.Select(p => Path.GetFileNameWithoutExtension(p)).ToList();
            string gt = Path.Combine(annotations, name);
            bool hasGt = Directory.Exists(gt);
            return new ReferringVideo(name, stems, () => frames, byVideo[name])
            {
                GroundTruth = hasGt ? new LabelPngGroundTruth(gt, stems) : null,
                AnnotationFolder = hasGt ? gt : null,
            };
        }).ToList();
        if (videos.Any(v => v.GroundTruth is null)) notes.Add($"no {annotations} for some videos: they cannot be scored");
        return new ReferringDataset(Key, "Refer-DAVIS17", root, videos)
        {
            Protocol = "davis2017",
            DavisRoot = davis,
            Split = split,
            ExpressionSet = Path.GetFileNameWithoutExtension(expressionsPath),
            Notes = notes,
        };
    }

    /// <summary>The DAVIS folder and the text annotations folder under <paramref name="root"/>.</summary>
    private static (string Davis, string TextDir) Locate(string root)
    {
        const string Text = "davis_text_annotations";
        if (Directory.Exists(Path.Combine(root, "JPEGImages")))
        {
            string inside = Path.Combine(root, Text);
            string beside = Path.Combine(Path.GetDirectoryName(root) ?? root, Text);
            return (root, Directory.Exists(inside) || !Directory.Exists(beside) ? inside : beside);
        }
        string davis = Path.Combine(root, "DAVIS");
        if (Directory.Exists(Path.Combine(davis, "JPEGImages")))
        {
            string beside = Path.Combine(root, Text);
            return (davis, Directory.Exists(beside) ? beside : Path.Combine(davis, Text));
        }
        throw new DataFormatException(root, "not a Refer-DAVIS17 folder: no JPEGImages/480p here or in DAVIS/ (the DAVIS 2017 layout with davis_text_annotations/ inside or beside it)");
    }

    /// <summary>
    /// Reads one expression file: video -&gt; expressions in ascending object id. Public readers' rule (see the type's
    /// remarks); errors name the file and line.
    /// </summary>
    public static Dictionary<string, List<ReferringExpression>> ReadExpressions(string path, Encoding encoding, bool repairNames, List<string>? notes = null)
    {
        DatasetFiles.RequireFile(path);
        var byVideo = new Dictionary<string, List<ReferringExpression>>(StringComparer.Ordinal);
        var lineOf = new Dictionary<(string, int), int>();
        var repaired = new SortedSet<string>(StringComparer.Ordinal);
        int unquoted = 0, firstUnquoted = 0;
        int n = 0;
        foreach (string raw in File.ReadLines(path, encoding))
        {
            n++;
            string line = raw.Trim().TrimStart('\uFEFF').Trim();
            if (line.Length == 0) continue;
            string[] words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 3)
                throw new DataFormatException(path, n, $"expected <video> <object id> \"<expression>\", found {words.Length} field(s): '{line}'");
            string video = words[0];
            if (!int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out int id) || id is < 1 or > 254)
                throw new DataFormatException(path, n, $"object id '{words[1]}' of video {video} is not an integer 1..254");
            string text = string.Join(' ', words, 2, words.Length - 2);
            if (text.Length >= 2 && text[0] == '"' && text[^1] == '"') text = text[1..^1];
            else if (unquoted++ == 0) firstUnquoted = n;
            if (repairNames && VideoNameRepairs.TryGetValue(video, out string? fixedName))
            {
                repaired.Add($"{video} -> {fixedName}");
                video = fixedName;
            }
            if (lineOf.TryGetValue((video, id), out int earlier))
                throw new DataFormatException(path, n, $"object {id} of video {video} already has an expression (line {earlier})");
            lineOf[(video, id)] = n;
            if (!byVideo.TryGetValue(video, out var list)) byVideo[video] = list = [];
            list.Add(new ReferringExpression(id.ToString(CultureInfo.InvariantCulture), text, [id]) { Source = path, Line = n });
        }
        if (byVideo.Count == 0) throw new DataFormatException(path, "no expressions in the file");
        foreach (var list in byVideo.Values) list.Sort((a, b) => a.ObjectIds[0].CompareTo(b.ObjectIds[0]));
        if (repaired.Count > 0) notes?.Add($"video names repaired as ReferFormer does: {string.Join(", ", repaired)}");
        if (unquoted > 0) notes?.Add($"{path}:{firstUnquoted}: {unquoted} expression(s) without surrounding double quotes, taken as written");
        return byVideo;
    }
}
