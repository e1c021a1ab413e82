using System.Runtime.InteropServices;
using System.Text;

namespace ReasonTrack.IO;

/// <summary>
/// Whole-file writes that either happen completely or not at all: the content goes to a temporary file in the same
/// folder (same file system, so the rename is atomic) which then replaces the target. The temporary file's name
/// starts with '.', which readers of a folder (the make-data merge) skip as a leftover.
/// <para>Several processes (the shards of one run, on one machine or several over a shared volume) may write into one
/// folder at once: each temporary name carries the process id and a fresh GUID (process ids repeat across machines and
/// containers, where every process may be pid 1), so no two writers ever share a temporary file, and a reader of the
/// target sees either the old whole file or the new whole file, never a mix (rename replaces the directory entry in
/// one step; POSIX rename and NFS RENAME are atomic for the entry).</para>
/// </summary>
public static partial class AtomicFile
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

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> only if no file is there yet, atomically: the file
    /// appears whole or not at all, and of several processes doing this at once exactly one creates it (the others get
    /// false and leave it untouched). Used where the first writer's file must win (the run configuration record).
    /// <para>Ours: the temporary file gets the target's name as a second hard link (POSIX <c>link</c>, which fails with
    /// EEXIST when the name exists: exclusive and atomic, also over NFS), then loses its temporary name; on Windows it is
    /// moved without replacing (MoveFileEx without REPLACE_EXISTING, exclusive too). Not <see cref="File.Move(string,
    /// string, bool)"/> on Unix: .NET checks that the target is absent and then renames, so two processes can both
    /// "create" the file (seen in <c>AtomicFileTests</c>). Where a file system has no hard links the call falls back to
    /// that move, which is not exclusive: callers that need exclusivity there too hold a <see cref="FileLock"/>.</para>
    /// </summary>
    /// <returns>True if this call created the file; false if a file was already there.</returns>
    public static bool TryCreateNew(string path, string content)
    {
        var (full, tmp) = Paths(path);
        if (File.Exists(full)) return false;
        try
        {
            using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                fs.Write(Utf8NoBom.GetBytes(content));
                fs.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows())
            {
                if (Link(tmp, full) == 0)
                {
                    TryDelete(tmp);
                    return true;
                }
                if (Marshal.GetLastPInvokeError() == EExist)
                {
                    TryDelete(tmp);
                    return false;
                }
                // No hard links here (EPERM, ENOTSUP, ...): the non-exclusive move below.
            }
            try
            {
                File.Move(tmp, full, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(full))
            {
                TryDelete(tmp);
                return false;
            }
        }
        catch
        {
            TryDelete(tmp);
            throw;
        }
    }

    /// <summary>
    /// A temporary name beside <paramref name="path"/> for a file that is written progressively (kept readable on disk
    /// as it grows, e.g. a log flushed per record) and published under <paramref name="path"/> by
    /// <see cref="Publish"/> when complete. A process that dies before publishing leaves the '.'-named file behind,
    /// never a partial file under the real name.
    /// </summary>
    public static string TemporaryPathFor(string path) => Paths(path).Tmp;

    /// <summary>Moves a file written under <see cref="TemporaryPathFor"/> to <paramref name="path"/>, replacing it in one step.</summary>
    public static void Publish(string temporaryPath, string path) => File.Move(temporaryPath, Path.GetFullPath(path), overwrite: true);

    /// <summary>EEXIST: 17 on Linux, macOS and the BSDs.</summary>
    private const int EExist = 17;

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existingPath, string newPath);

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
