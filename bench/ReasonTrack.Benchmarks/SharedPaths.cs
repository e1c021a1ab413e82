namespace ReasonTrack.Benchmarks;

/// <summary>Finds ../shared beside the repository root.</summary>
internal static class SharedPaths
{
    public static string Require(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReasonTrack.slnx"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("repository root not found");
        string p = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", relative));
        if (!Directory.Exists(p) && !File.Exists(p)) throw new InvalidOperationException($"benchmark needs {p} (../shared)");
        return p;
    }
}
