namespace ReasonTrack.Tests;

/// <summary>
/// Locates the read-only shared material (<c>../shared</c> beside the repository root). Tests that need it call
/// <see cref="Require"/>, which skips the test with a clear message when the material is absent.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> RootLazy = new(Find);

    /// <summary>The repository root (the folder holding ReasonTrack.slnx).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Full path of ../shared, or null when it is not there.</summary>
    public static string? Root => RootLazy.Value;

    /// <summary>Full path of a file or folder under ../shared; skips the calling test when it is missing.</summary>
    public static string Require(string relativePath)
    {
        if (Root is null)
            Assert.Skip($"../shared not found beside the repository ({RepoRoot}); this test needs {relativePath}");
        string p = Path.Combine(Root, relativePath);
        if (!File.Exists(p) && !Directory.Exists(p))
            Assert.Skip($"shared material missing: {p}");
        return p;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ReasonTrack.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (ReasonTrack.slnx) above " + AppContext.BaseDirectory);
    }

    private static string? Find()
    {
        string p = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        return Directory.Exists(p) ? p : null;
    }
}
