using System.Text.Json;
using System.Text.Json.Serialization;
using ReasonTrack.IO;

namespace ReasonTrack.Training.Data;

/// <summary>
/// The on-disk layout of a data set, and the only code that reads or writes it:
/// <code>
/// make-data.json        settings (recipe, dataset key, seed, sizes, format, ...), no paths, no shard
/// shard.json            which selection (shard i/N, limit, listing hash) the folder holds and whether it is finished
/// parts/NNNNNN_video.json  one finished video: rows, draws, skips (NNNNNN = position in the dataset listing)
/// images/video/*.jpg    the images the rows reference, by relative path
/// train.parquet|jsonl|json  the rows in the chosen format, assembled from all parts in listing order (easyr1's
///                       Parquet embeds the images' bytes, read back from images/)
/// dataset_info.json     (LLaMA-Factory formats) the entry that registers train.json
/// summary.json          counts, skip reasons and distributions, from all parts
/// </code>
/// Everything is written atomically. The assembled files are a pure function of the parts and the settings, so a
/// resumed run, a shard and a merge of shards all assemble the same bytes from the same parts.
/// </summary>
public sealed class TrainingSetFolder
{
    public const string ManifestFile = "make-data.json";
    public const string SummaryFile = "summary.json";
    public const string PartsFolder = "parts";

    private static readonly JsonSerializerOptions PartJson = new(JsonLinesWriter.Options) { WriteIndented = false };

    private static readonly JsonSerializerOptions ReportJson = new(JsonLinesWriter.Options)
    {
        WriteIndented = true,
        NewLine = "\n",
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public TrainingSetFolder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    public string Path { get; }

    /// <summary>The settings file's text for a data set built from <paramref name="datasetKey"/> with <paramref name="options"/>.</summary>
    public static string ManifestText(string datasetKey, MakeDataOptions options) =>
        JsonSerializer.Serialize(new { tool = "reasontrack make-data", version = 1, dataset = datasetKey.ToLowerInvariant(), options }, ReportJson) + "\n";

    /// <summary>The settings file's text, or null when the folder has none.</summary>
    public string? ReadManifest()
    {
        string p = System.IO.Path.Combine(Path, ManifestFile);
        return File.Exists(p) ? File.ReadAllText(p) : null;
    }

    /// <summary>
    /// Claims the folder for a set with these settings: writes the settings file, or checks that the one there is the
    /// same (a folder never mixes rows drawn with different settings).
    /// </summary>
    /// <exception cref="InvalidOperationException">The folder holds a set built with other settings.</exception>
    public void Claim(string manifest)
    {
        string? existing = ReadManifest();
        if (existing is null)
        {
            AtomicFile.WriteAllText(System.IO.Path.Combine(Path, ManifestFile), manifest);
            return;
        }
        if (existing != manifest)
            throw new ReasonTrackException($"{Path} already holds a data set built with other settings (its {ManifestFile} differs); use another MakeDataRun.OutputFolder or delete it\nthere: {Flatten(existing)}\nnow:   {Flatten(manifest)}");
    }

    /// <summary>The folder's <see cref="TrainingSetShard"/>, or null when it has none (a run that never started).</summary>
    /// <exception cref="DataFormatException">The file is not a shard record.</exception>
    public TrainingSetShard? ReadShard()
    {
        string p = System.IO.Path.Combine(Path, TrainingSetShard.FileName);
        if (!File.Exists(p)) return null;
        try
        {
            return JsonSerializer.Deserialize<TrainingSetShard>(File.ReadAllText(p), ReportJson) ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new DataFormatException(p, $"is not a make-data shard record ({e.Message})");
        }
    }

    public void WriteShard(TrainingSetShard shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        AtomicFile.WriteAllText(System.IO.Path.Combine(Path, TrainingSetShard.FileName), JsonSerializer.Serialize(shard, ReportJson) + "\n");
    }

    /// <summary>The file names in <c>parts/</c> (finished videos), sorted.</summary>
    public List<string> PartFileNames()
    {
        string dir = System.IO.Path.Combine(Path, PartsFolder);
        if (!Directory.Exists(dir)) return [];
        return Directory.EnumerateFiles(dir, "*.json").Select(f => System.IO.Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Where the part of the video at <paramref name="order"/> named <paramref name="video"/> is stored.</summary>
    public string PartPath(int order, string video) =>
        System.IO.Path.Combine(Path, PartsFolder, $"{order:D6}_{TrainingImageStore.SafeName(video)}.json");

    /// <summary>True when the video's part is on disk (written atomically, so present means finished).</summary>
    public bool HasPart(int order, string video) => File.Exists(PartPath(order, video));

    public void WritePart(VideoPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        AtomicFile.WriteAllText(PartPath(part.Order, part.Video), JsonSerializer.Serialize(part, PartJson) + "\n");
    }

    /// <summary>All parts in the folder, in listing order (then by name).</summary>
    /// <exception cref="DataFormatException">A part file is not a valid part.</exception>
    public List<VideoPart> ReadParts()
    {
        var parts = new List<VideoPart>();
        foreach (string name in PartFileNames())
        {
            string file = System.IO.Path.Combine(Path, PartsFolder, name);
            try
            {
                parts.Add(JsonSerializer.Deserialize<VideoPart>(File.ReadAllText(file), PartJson) ?? throw new JsonException("empty"));
            }
            catch (JsonException e)
            {
                throw new DataFormatException(file, $"is not a make-data part ({e.Message}); delete it and rerun to rebuild that video");
            }
        }
        parts.Sort((a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : string.CompareOrdinal(a.Video, b.Video));
        return parts;
    }

    /// <summary>
    /// Writes the data files in the settings' format and <c>summary.json</c> from every part in the folder; returns
    /// the summary and the names of the files written.
    /// </summary>
    public (TrainingSetSummary Summary, IReadOnlyList<string> Files) Assemble(MakeDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parts = ReadParts();
        var writer = Formats.TrainingSetWriters.Get(options.Format);
        var files = writer.Write(Path, parts.SelectMany(p => p.Samples).ToList(), "reasontrack_" + TrainingRecipes.Key(options.Recipe)).ToList();
        if (options.Recipe == TrainingRecipe.ReasoningTrack && options.Rows == ReasoningTrackRows.Grpo)
        {
            // The GRPO problem column holds prefix + description; this template adds the system prompt (as released).
            AtomicFile.WriteAllText(System.IO.Path.Combine(Path, ReasoningTrackFormatPrompt.FileName), ReasoningTrackFormatPrompt.Template);
            files.Add(ReasoningTrackFormatPrompt.FileName);
        }
        var summary = TrainingSetSummary.From(parts);
        AtomicFile.WriteAllText(System.IO.Path.Combine(Path, SummaryFile), JsonSerializer.Serialize(summary, ReportJson) + "\n");
        files.Add(SummaryFile);
        return (summary, files);
    }

    /// <summary>The settings back from a settings file's text (for merge, which has no command-line settings).</summary>
    /// <exception cref="DataFormatException">The text is not a make-data settings file.</exception>
    public static (string DatasetKey, MakeDataOptions Options) ParseManifest(string text, string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            string dataset = root.GetProperty("dataset").GetString() ?? throw new JsonException("no dataset");
            var options = root.GetProperty("options").Deserialize<MakeDataOptions>(ReportJson) ?? throw new JsonException("no options");
            return (dataset, options);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new DataFormatException(path, $"is not a make-data settings file ({e.Message})");
        }
    }

    private static string Flatten(string json) => string.Join(' ', json.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
}
