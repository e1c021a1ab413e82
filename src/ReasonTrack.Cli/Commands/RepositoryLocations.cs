using System.Runtime.InteropServices;
using ReasonTrack.Trackers;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// The CLI's repository-relative defaults (ours; the library never searches the repository): when the CLI runs from a
/// checkout (a folder holding <c>ReasonTrack.slnx</c> above the application or the working directory), and the
/// variable is not already set, <see cref="ApplyDefaults"/> sets for this process
/// <list type="bullet">
/// <item><c>REASONTRACK_MODELS</c> = <c>&lt;repo&gt;/../shared/models</c> (NanoTrack reads <c>nanotrack/vN</c> there),</item>
/// <item><c>REASONTRACK_ORT_LIB</c> = the ONNX Runtime library that <c>scripts/install-onnxruntime.sh</c> installs under
/// <c>&lt;repo&gt;/.deps/onnxruntime</c> (newest N-API folder first).</item>
/// </list>
/// A variable the user set, or an explicit option (<c>--model-dir</c>), still wins: the library's order is option,
/// then variable, then (ONNX Runtime only) the system loader.
/// </summary>
internal static class RepositoryLocations
{
    /// <summary>Where the install script puts the npm package, relative to the repository root.</summary>
    public static readonly string NpmPackageRelative = Path.Combine(".deps", "onnxruntime", "node_modules", "onnxruntime-node");

    /// <summary>Sets the unset variables to this checkout's locations (nothing when not run from a checkout).</summary>
    public static void ApplyDefaults()
    {
        var roots = RepositoryRoots().ToList();
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TrackerContext.ModelsEnvironmentVariable)))
        {
            string? models = roots.Select(r => Path.GetFullPath(Path.Combine(r, "..", "shared", "models"))).FirstOrDefault(Directory.Exists);
            if (models is not null) Environment.SetEnvironmentVariable(TrackerContext.ModelsEnvironmentVariable, models);
        }
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OnnxRuntimeVariable)))
        {
            string? lib = roots.SelectMany(NpmLibraries).FirstOrDefault();
            if (lib is not null) Environment.SetEnvironmentVariable(OnnxRuntimeVariable, lib);
        }
    }

    /// <summary>The variable the library reads for the ONNX Runtime library.</summary>
    public const string OnnxRuntimeVariable = TrackerContext.OnnxRuntimeLibraryEnvironmentVariable;

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

    /// <summary>The ONNX Runtime libraries of the npm install under <paramref name="root"/>, newest N-API folder first.</summary>
    public static IEnumerable<string> NpmLibraries(string root)
    {
        string bin = Path.Combine(root, NpmPackageRelative, "bin");
        if (!Directory.Exists(bin)) return [];
        string platform = OperatingSystem.IsWindows() ? "win32" : OperatingSystem.IsMacOS() ? "darwin" : "linux";
        string arch = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "arm64" : "x64";
        string pattern = OperatingSystem.IsWindows() ? "onnxruntime.dll" : OperatingSystem.IsMacOS() ? "libonnxruntime*.dylib" : "libonnxruntime.so*";
        return Directory.EnumerateDirectories(bin, "napi-v*")
            .Select(napi => Path.Combine(napi, platform, arch))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, pattern))
            .OrderByDescending(p => p, StringComparer.Ordinal)
            .ToList();
    }
}
