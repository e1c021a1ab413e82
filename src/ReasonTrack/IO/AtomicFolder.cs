namespace ReasonTrack.IO;

/// <summary>
/// A folder written whole or not at all (the folder counterpart of <see cref="AtomicFile"/>): the content is written
/// into a '.'-named temporary folder beside the target (same parent, so the renames stay on one file system), which
/// then takes the target's name. An existing target is moved aside first and deleted after (two renames), so the real
/// name never holds a mix of old and new files; if writing throws, the target is left as it was. The temporary name
/// carries the process id and a fresh GUID, so concurrent writers (shards of one run) never share one.
/// </summary>
public static class AtomicFolder
{
    /// <summary>Creates the temporary folder, lets <paramref name="fill"/> write into it, then publishes it as <paramref name="folder"/>.</summary>
    public static void Publish(string folder, Action<string> fill)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(fill);
        string full = Path.GetFullPath(folder);
        string parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        string tmp = Path.Combine(parent, $".{Path.GetFileName(full)}.masks-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(tmp);
            fill(tmp);
            if (Directory.Exists(full))
            {
                string old = tmp + ".old";
                Directory.Move(full, old);
                Directory.Move(tmp, full);
                Directory.Delete(old, recursive: true);
            }
            else Directory.Move(tmp, full);
        }
        finally
        {
            if (Directory.Exists(tmp)) Directory.Delete(tmp, recursive: true);
        }
    }
}
