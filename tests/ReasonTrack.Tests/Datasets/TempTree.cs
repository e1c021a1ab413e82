namespace ReasonTrack.Tests.Datasets;

/// <summary>A temporary folder for synthetic dataset fixtures, deleted on dispose.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "reasontrack-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string this[string relative] => Path.Combine(Root, relative);

    /// <summary>Writes a text file (folders created as needed) and returns its full path.</summary>
    public string Write(string relative, string content)
    {
        string path = this[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Creates empty image files <paramref name="folder"/>/<c>name</c> for each name (pixels are never read).</summary>
    public void Frames(string folder, params string[] names)
    {
        foreach (string n in names) Write(Path.Combine(folder, n), "");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
