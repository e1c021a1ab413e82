using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ReasonTrack.IO;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Trackers;

namespace ReasonTrack.Runs;

/// <summary>
/// What produced a folder of results, recorded beside them as <see cref="FileName"/> so that a resumed run only takes
/// over results of the same configuration: the tracker (its registry name), every setting with defaults filled in,
/// the SHA-256 of the model files it loaded, the reasoning choices (reasoner, model name, schedule, prompt variant,
/// strategy, triggers, parsing, coordinate convention, text and instruction) and the result layout.
/// Left out because they do not change results: parallel jobs, shard, server URL and API key (never stored).
/// <see cref="ReasonTrackVersion"/> is recorded but not compared: an upgrade alone does not disown earlier results.
/// </summary>
public sealed record RunConfiguration
{
    /// <summary>The file beside the results (in the folder that holds the box files; the output folder for GOT-10k's layout).</summary>
    public const string FileName = "reasontrack-run.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public required string Tracker { get; init; }

    /// <summary>Every setting of the tracker, defaults included, by its declared name.</summary>
    public required SortedDictionary<string, string> Settings { get; init; }

    /// <summary>File name of each model file loaded, with its SHA-256 (hex).</summary>
    public SortedDictionary<string, string> ModelFiles { get; init; } = [];

    public required string Layout { get; init; }

    /// <summary>Null without reasoning; else reasoningtrack, r1track, vptracker, instruction or hybrid.</summary>
    public string? Reasoner { get; init; }

    public string? Model { get; init; }
    public string? Schedule { get; init; }

    /// <summary>The prompt variant: <c>think</c> (R1-Track's think prompt) or <c>plain</c>.</summary>
    public string? Prompt { get; init; }

    public string? Strategy { get; init; }
    public string? Trigger { get; init; }
    public string? Parsing { get; init; }
    public string? Coordinates { get; init; }
    /// <summary>The image encoding asked for (<c>released</c>: each mode's own, see <see cref="Media.ImageEncoding"/>).</summary>
    public string? ImageEncoding { get; init; }

    /// <summary>A description given for every sequence (null: each sequence's language file).</summary>
    public string? Text { get; init; }

    public string? Instruction { get; init; }

    /// <summary>R1-Track only: whether answers touching the image border were refused (the pre-0.680 rule); written
    /// for every r1track run, so results from before the released default (when the rule was on) are not resumed over.</summary>
    public bool? RejectBorderBoxes { get; init; }

    /// <summary>
    /// How the language files were read when it changes what the model is told: <c>whole-file</c> (vptracker's
    /// default, or asked for); null for the first line, so records written before this field still match.
    /// </summary>
    public string? LanguageReading { get; init; }

    /// <summary>The first box grounded from the text even where ground truth gives one.</summary>
    public bool? GroundInit { get; init; }

    /// <summary>The segmenter making masks from the boxes (<see cref="Segmentation.SegmenterOptions.ToString"/>; null: none).</summary>
    public string? Segmenter { get; init; }

    public string ReasonTrackVersion { get; init; } = CurrentVersion;

    private static string CurrentVersion =>
        typeof(RunConfiguration).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(RunConfiguration).Assembly.GetName().Version?.ToString() ?? "?";

    /// <summary>The configuration of a run; <paramref name="loaded"/> is a tracker created with it (for its model files).</summary>
    public static RunConfiguration For(RunOptions options, ITracker? loaded)
    {
        ArgumentNullException.ThrowIfNull(options);
        var factory = TrackerRegistry.Get(options.TrackerKey);
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in factory.Settings) settings[s.Name] = s.Default;
        foreach (var (key, value) in options.Settings)
        {
            var declared = factory.Settings.FirstOrDefault(s => Normalize(s.Name) == Normalize(key));
            settings[declared?.Name ?? key] = value;
        }
        var models = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (loaded is IModelFileTracker m)
            foreach (var f in m.ModelFiles) models[Path.GetFileName(f)] = Sha256(f);
        if (options.Segmenter is { Kind: Segmentation.SegmenterKind.Onnx, Onnx: { } onnx })
            foreach (var f in new[] { onnx.EncoderPath, onnx.DecoderPath }.Where(File.Exists)) models["segmenter:" + Path.GetFileName(f)] = Sha256(f);
        var r = options.Reasoning;
        var setup = r?.Setup;
        return new RunConfiguration
        {
            Tracker = factory.Name,
            Settings = settings,
            ModelFiles = models,
            Layout = options.Layout.ToString().ToLowerInvariant(),
            Reasoner = setup?.Kind.ToString().ToLowerInvariant(),
            Model = setup?.Model,
            Schedule = setup?.Schedule.ToString().ToLowerInvariant(),
            Prompt = setup is null ? null : setup.Think ? "think" : "plain",
            Strategy = setup?.Strategy.ToString().ToLowerInvariant(),
            Trigger = setup is null ? null : JsonSerializer.Serialize(setup.Triggers),
            Parsing = setup?.Parsing.ToString().ToLowerInvariant(),
            Coordinates = setup is null ? null : setup.Convention?.ToString() ?? ("default; grounding " + ReasoningSetup.GroundingConvention(setup)),
            ImageEncoding = setup is null ? null : setup.ImageEncoding?.Name ?? "released",
            Text = r?.Text,
            Instruction = setup?.Instruction,
            RejectBorderBoxes = setup?.Kind == ReasonerKind.R1Track ? setup.RejectBorderBoxes : null,
            LanguageReading = setup is null || r!.Text is not null || ReasoningSetup.LanguageReadingFor(setup) == Datasets.LanguageReading.FirstLine
                ? null : Naming.Names.LanguageReadings.Name(ReasoningSetup.LanguageReadingFor(setup)),
            GroundInit = r?.GroundInit,
            Segmenter = options.Segmenter.Kind == Segmentation.SegmenterKind.None ? null : options.Segmenter.ToString(),
        };
    }

    private static string Normalize(string settingName) => settingName.Replace('-', '_').ToLowerInvariant();

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The compared fields that differ, as "field: existing -> requested".</summary>
    public IReadOnlyList<string> Differences(RunConfiguration other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var a = Fields(this);
        var b = Fields(other);
        // Another tracker has other settings and models by nature: naming the tracker says it all.
        bool otherTracker = Tracker != other.Tracker;
        return a.Keys.Union(b.Keys).Where(k => k != "reason_track_version")
            .Where(k => !otherTracker || !(k.StartsWith("settings.", StringComparison.Ordinal) || k.StartsWith("model_files.", StringComparison.Ordinal)))
            .OrderBy(k => k == "tracker" ? 0 : 1).ThenBy(k => k, StringComparer.Ordinal)
            .Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k))
            .Select(k => $"{k}: {a.GetValueOrDefault(k) ?? "(none)"} -> {b.GetValueOrDefault(k) ?? "(none)"}")
            .ToList();
    }

    private static Dictionary<string, string?> Fields(RunConfiguration c)
    {
        var node = JsonSerializer.SerializeToNode(c, Json)!.AsObject();
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in node)
        {
            if (value is JsonObject obj && key is "settings" or "model_files")
                foreach (var (k, v) in obj) fields[$"{key}.{k}"] = v?.ToJsonString();
            else fields[key] = value?.ToJsonString();
        }
        return fields;
    }

    /// <summary>One line naming the configuration: tracker, its non-default settings, the reasoning choices.</summary>
    public string Summary()
    {
        var parts = new List<string> { Tracker };
        if (Reasoner is not null) parts.Add($"reasoner {Reasoner} with {Model}, {Schedule}");
        parts.Add($"layout {Layout}");
        return string.Join(", ", parts);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Writes the record into <paramref name="folder"/> atomically, replacing any record there.</summary>
    public void Write(string folder) => AtomicFile.WriteAllText(Path.Combine(folder, FileName), ToJson() + "\n");

    /// <summary>
    /// Writes the record into <paramref name="folder"/> only if there is none yet, atomically: of several processes
    /// doing this at once exactly one writes it (see <see cref="AtomicFile.TryCreateNew"/>).
    /// </summary>
    /// <returns>True if this call wrote the record.</returns>
    public bool TryCreate(string folder) => AtomicFile.TryCreateNew(Path.Combine(folder, FileName), ToJson() + "\n");

    /// <summary>The lock file serializing check-and-create of the record across processes (see <see cref="FileLock"/>).</summary>
    public static string LockPath(string folder) => Path.Combine(folder, "." + FileName + ".lock");

    /// <summary>The record in <paramref name="folder"/>, or null when there is none.</summary>
    /// <exception cref="DataFormatException">The file is there but is not a configuration record.</exception>
    public static RunConfiguration? Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<RunConfiguration>(File.ReadAllText(path), Json) ?? throw new DataFormatException(path, "is not a run configuration record");
        }
        catch (JsonException e)
        {
            throw new DataFormatException(path, $"is not a valid run configuration record: {e.Message}");
        }
    }
}
