namespace ReasonTrack.Trackers.NanoTrack;

/// <summary>
/// Finds a NanoTrack release's two ONNX files. Models are never committed: they come from a model directory given by
/// the caller (<see cref="TrackerContext.ModelDirectory"/>: the version folder itself, or a folder holding
/// <c>v1</c>..<c>v3</c>), or else from <c>../shared/models/nanotrack/&lt;version&gt;</c> beside the repository.
/// </summary>
internal sealed record NanoTrackModelFiles(string Backbone, string Head)
{
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
        string where = folders.Count == 0 ? "(no repository found above " + AppContext.BaseDirectory + ")" : string.Join(", ", folders.Distinct());
        throw new FileNotFoundException(
            $"NanoTrack {VersionFolder(version)} model files not found: looked for {BackboneNames[0]} or {BackboneNames[1]} and " +
            $"{HeadNames[0]} or {HeadNames[1]} in {where}. Put the released NanoTrack ONNX files (backbone and head) in a " +
            $"folder and pass it as the model directory, or place them in ../shared/models/nanotrack/{VersionFolder(version)} " +
            "beside the repository (model files are never part of the repository).");
    }

    /// <summary><c>&lt;repo&gt;/../shared/models/nanotrack/vN</c> for the repository above the app and the working directory.</summary>
    private static IEnumerable<string> DefaultFolders(NanoTrackVersion version)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "ReasonTrack.slnx"))) continue;
                string folder = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "models", "nanotrack", VersionFolder(version)));
                if (seen.Add(folder)) yield return folder;
                break;
            }
        }
    }
}
