using System.Runtime.InteropServices;

namespace ReasonTrack.Interop.OnnxRuntime;

/// <summary>
/// Finds, loads and keeps the ONNX Runtime shared library, and hands out its API table. The only place in
/// ReasonTrack that touches <see cref="NativeLibrary"/>. Search order: an explicit path (the caller's, e.g.
/// <c>TrackerContext.OnnxRuntimeLibrary</c>), then the environment variable <see cref="EnvironmentVariable"/>, then
/// the system's loader paths. The library never searches a repository: the CLI sets the variable to the npm install
/// that <c>scripts/install-onnxruntime.sh</c> makes under <c>&lt;repo&gt;/.deps/onnxruntime</c> when run from a checkout. An explicit path or the variable, when given, is the only candidate: silently falling
/// back to another build would make results depend on what happens to be installed.
/// </summary>
internal static unsafe class OnnxRuntimeLibrary
{
    public const string EnvironmentVariable = Trackers.TrackerContext.OnnxRuntimeLibraryEnvironmentVariable;

    /// <summary>The C API version this binding was written and tested against (ORT 1.23).</summary>
    public const uint PreferredApiVersion = 23;

    /// <summary>
    /// The oldest API version accepted when an older library is supplied: every slot <see cref="OrtApiTable"/> uses
    /// exists there, and v10 (ORT 1.10) is old enough for any build still in use.
    /// </summary>
    public const uint MinimumApiVersion = 10;

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, OrtApiTable> Loaded = new(StringComparer.Ordinal);

    /// <summary>Loads the library (once per path per process) and returns its API table.</summary>
    /// <exception cref="OnnxRuntimeException">Not found, not loadable, or not an ONNX Runtime library.</exception>
    public static OrtApiTable Load(string? explicitPath = null)
    {
        var tried = new List<string>();
        foreach (var (candidate, origin) in Candidates(explicitPath))
        {
            lock (Gate)
            {
                if (Loaded.TryGetValue(candidate, out var table)) return table;
                string? failure = TryLoad(candidate, out table);
                if (table is not null)
                {
                    Loaded[candidate] = table;
                    return table;
                }
                tried.Add($"{candidate} ({origin}): {failure}");
            }
        }
        throw new OnnxRuntimeException(NotFoundMessage(tried));
    }

    /// <summary>The candidates in search order, each with where it came from (for the error message).</summary>
    internal static IEnumerable<(string Path, string Origin)> Candidates(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            yield return (Path.GetFullPath(explicitPath), "explicit path");
            yield break;
        }
        string? env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            yield return (Path.GetFullPath(env), EnvironmentVariable);
            yield break;
        }
        foreach (string name in SystemNames()) yield return (name, "system loader");
    }

    private static IEnumerable<string> SystemNames()
    {
        if (OperatingSystem.IsWindows()) return ["onnxruntime.dll"];
        if (OperatingSystem.IsMacOS()) return ["libonnxruntime.dylib"];
        return ["libonnxruntime.so.1", "libonnxruntime.so"];
    }

    /// <summary>Loads one candidate; returns null and sets the table on success, else a reason.</summary>
    private static string? TryLoad(string candidate, out OrtApiTable? table)
    {
        table = null;
        bool isPath = candidate.Contains(Path.DirectorySeparatorChar) || candidate.Contains(Path.AltDirectorySeparatorChar);
        if (isPath && !File.Exists(candidate)) return "no such file";
        nint handle;
        try
        {
            handle = NativeLibrary.Load(candidate);
        }
        catch (DllNotFoundException e)
        {
            return isPath ? "cannot be loaded: " + e.Message : "not found";
        }
        catch (BadImageFormatException e)
        {
            return "not a loadable library: " + e.Message;
        }
        if (!NativeLibrary.TryGetExport(handle, "OrtGetApiBase", out nint getApiBase))
            return "loaded, but it exports no OrtGetApiBase: not an ONNX Runtime library";
        var apiBase = (nint*)((delegate* unmanaged[Cdecl]<nint>)getApiBase)();
        if (apiBase == null) return "OrtGetApiBase returned null";
        var getApi = (delegate* unmanaged[Cdecl]<uint, nint>)apiBase[0];
        var getVersion = (delegate* unmanaged[Cdecl]<byte*>)apiBase[1];
        string version = Marshal.PtrToStringUTF8((nint)getVersion()) ?? "?";
        // Ask for the version this binding was written for; an older library answers null for it, and since the
        // table is append-only an older version's table still holds every slot used here.
        for (uint v = PreferredApiVersion; v >= MinimumApiVersion; v--)
        {
            nint api = getApi(v);
            if (api == 0) continue;
            table = new OrtApiTable(api, v, version, candidate);
            return null;
        }
        return $"ONNX Runtime {version} offers none of the C API versions {MinimumApiVersion}..{PreferredApiVersion}";
    }

    private static string NotFoundMessage(IReadOnlyList<string> tried) =>
        "ONNX Runtime native library not found or not usable. Install it with ./setup.sh (or " +
        "scripts/install-onnxruntime.sh, which puts onnxruntime-node under <repo>/.deps/onnxruntime; the reasontrack " +
        "command finds it there), or give its path (TrackerContext.OnnxRuntimeLibrary, or the environment variable " +
        $"{EnvironmentVariable}); tried:" +
        Environment.NewLine + string.Join(Environment.NewLine, tried.Select(t => "  " + t));
}
