using ReasonTrack.Trackers;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// The CLI's repository-relative default (ours; the library never searches the repository): when the CLI runs from a
/// checkout (a folder holding <c>ReasonTrack.slnx</c> above the application or the working directory), and the
/// variable is not already set, <see cref="ApplyDefaults"/> sets for this process <c>REASONTRACK_MODELS</c> =
/// <c>&lt;repo&gt;/../shared/models</c> (NanoTrack reads <c>nanotrack/vN</c> there). A variable the user set, or an
/// explicit option (<c>--model-dir</c>), still wins: the library's order is option, then variable. ONNX Runtime itself
/// needs no location: it ships in the build (the Microsoft.ML.OnnxRuntime package).
/// </summary>
internal static class RepositoryLocations
{
    /// <summary>Sets the unset variable to this checkout's location (nothing when not run from a checkout).</summary>
    public static void ApplyDefaults()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TrackerContext.ModelsEnvironmentVariable))) return;
        string? models = RepositoryRoots().Select(r => Path.GetFullPath(Path.Combine(r, "..", "shared", "models"))).FirstOrDefault(Directory.Exists);
        if (models is not null) Environment.SetEnvironmentVariable(TrackerContext.ModelsEnvironmentVariable, models);
    }

    /// <summary>Every checkout root above the application folder and the working directory, nearest first.</summary>
    public static IEnumerable<string> RepositoryRoots()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "ReasonTrack.slnx"))) continue;
                if (seen.Add(dir.FullName)) yield return dir.FullName;
                break;
            }
    }
}
