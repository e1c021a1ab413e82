namespace ReasonTrack.Trackers.NanoTrack;

/// <summary>
/// Finds a NanoTrack release's two ONNX files. Models are never committed: they come from a model directory given by
/// the caller (<see cref="TrackerContext.ModelDirectory"/>: the version folder itself, or a folder holding
/// <c>v1</c>..<c>v3</c>), or else from <c>nanotrack/&lt;version&gt;</c> under the folder the environment variable
/// <see cref="EnvironmentVariable"/> names. The library never searches a repository: the <c>reasontrack</c> command
/// sets the variable to <c>&lt;repo&gt;/../shared/models</c> when run from a checkout.
/// </summary>
internal sealed record NanoTrackModelFiles(string Backbone, string Head)
{
    /// <summary>A folder holding <c>nanotrack/v1</c>..<c>nanotrack/v3</c> (e.g. the shared <c>models</c> folder).</summary>
    public const string EnvironmentVariable = TrackerContext.ModelsEnvironmentVariable;

    // v1/v2 ship onnx-simplifier outputs (*_sim.onnx), v3 the plain export; either name is accepted for any version.
    private static readonly string[] BackboneNames = ["nanotrack_backbone_sim.onnx", "nanotrack_backbone.onnx"];
    private static readonly string[] HeadNames = ["nanotrack_head_sim.onnx", "nanotrack_head.onnx"];

    public static string VersionFolder(NanoTrackVersion version) => "v" + (int)version;

    /// <exception cref="FileNotFoundException">The files are not there; the message says where they were looked for and where to put them.</exception>
    public static NanoTrackModelFiles Locate(NanoTrackVersion version, string? modelDirectory)
    {
        var folders = new List<string>();
        if (!string.IsNullOrWhiteSpace(modelDirectory))
        {
            string dir = Path.GetFullPath(modelDirectory);
            folders.Add(dir);
            folders.Add(Path.Combine(dir, VersionFolder(version)));
        }
        else
        {
            folders.AddRange(DefaultFolders(version));
        }
        foreach (string folder in folders)
        {
            string? backbone = BackboneNames.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);
            string? head = HeadNames.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);
            if (backbone is not null && head is not null) return new NanoTrackModelFiles(backbone, head);
        }
        string where = folders.Count == 0 ? $"no folder (neither a model directory nor {EnvironmentVariable} was given)" : string.Join(", ", folders.Distinct());
        throw new FileNotFoundException(
            $"NanoTrack {VersionFolder(version)} model files not found: looked for {BackboneNames[0]} or {BackboneNames[1]} and " +
            $"{HeadNames[0]} or {HeadNames[1]} in {where}. Put the released NanoTrack ONNX files (backbone and head) in a " +
            $"folder and pass it as the model directory (TrackerContext.ModelDirectory), or set {EnvironmentVariable} to a folder " +
            $"holding nanotrack/{VersionFolder(version)} (model files are never part of the repository; the reasontrack command " +
            "uses ../shared/models beside its checkout).");
    }

    /// <summary><c>$REASONTRACK_MODELS/nanotrack/vN</c>, when the variable is set.</summary>
    private static IEnumerable<string> DefaultFolders(NanoTrackVersion version)
    {
        string? root = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(root)) yield break;
        yield return Path.GetFullPath(Path.Combine(root, "nanotrack", VersionFolder(version)));
    }
}
