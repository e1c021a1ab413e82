using System.Text;

namespace ReasonTrack.IO;

/// <summary>
/// Whole-file writes that either happen completely or not at all: the content goes to a temporary file in the same
/// folder (same file system, so the rename is atomic) which then replaces the target. The temporary file's name
/// starts with '.', which readers of a folder (the make-data merge) skip as a leftover.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    public static void WriteAllText(string path, string content) => WriteAllBytes(path, Utf8NoBom.GetBytes(content));

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content)
    {
        var (full, tmp) = Paths(path);
        try
        {
            using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                fs.Write(content);
                fs.Flush(flushToDisk: true);
            }
            File.Move(tmp, full, overwrite: true);
        }
        catch
        {
            TryDelete(tmp);
            throw;
        }
    }

    /// <summary>
    /// Streams a file: <paramref name="write"/> gets the temporary file (readable, writable and seekable, for writers
    /// that append to what they wrote, such as Parquet row groups), which replaces <paramref name="path"/> only once
    /// <paramref name="write"/> returns; if it throws, the target is left as it was.
    /// </summary>
    public static void Write(string path, Action<FileStream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var (full, tmp) = Paths(path);
        try
        {
            using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
            {
                write(fs);
                fs.Flush(flushToDisk: true);
            }
            File.Move(tmp, full, overwrite: true);
        }
        catch
        {
            TryDelete(tmp);
            throw;
        }
    }

    private static (string Full, string Tmp) Paths(string path)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        return (full, Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp"));
    }

    private static void TryDelete(string tmp)
    {
        try { File.Delete(tmp); } catch (IOException) { /* best effort */ }
    }
}
