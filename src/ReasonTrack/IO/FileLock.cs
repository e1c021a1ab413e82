namespace ReasonTrack.IO;

/// <summary>
/// An exclusive lock between processes on a lock file (created if absent, never deleted: an empty '.'-named file that
/// folder readers skip), held until disposed. Used to make a check-then-write on a shared folder atomic across the
/// shards of one run (the run configuration record).
/// <para>Ours: .NET opens a file with <see cref="FileShare.None"/> under an advisory whole-file lock on Unix (flock; on
/// Linux NFS clients flock is carried as a POSIX lock to the server), and an open that cannot get it fails at once, so
/// acquiring retries with a short back-off until <paramref name="timeout"/>. The lock ends with the process, so a
/// crashed shard never leaves the folder locked. A file system without locks (or DOTNET_SYSTEM_IO_DISABLEFILELOCKING)
/// makes the lock a no-op; the record is then still created without replacing (<see cref="AtomicFile.TryCreateNew"/>)
/// and re-read by every shard.</para>
/// </summary>
public sealed class FileLock : IDisposable
{
    private readonly FileStream _stream;

    private FileLock(FileStream stream) => _stream = stream;

    /// <summary>Waits (retrying) for the lock on <paramref name="lockPath"/>.</summary>
    /// <exception cref="ReasonTrackException">Not acquired within <paramref name="timeout"/>.</exception>
    public static FileLock Acquire(string lockPath, TimeSpan timeout, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        string full = Path.GetFullPath(lockPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        long start = time.GetTimestamp();
        int delayMs = 5;
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (File.Exists(full) && time.GetElapsedTime(start) < timeout)
            {
                // Held by another process: the holder keeps it for a read and one small write.
                Thread.Sleep(delayMs);
                delayMs = Math.Min(delayMs * 2, 200);
            }
            catch (IOException e) when (File.Exists(full))
            {
                throw new ReasonTrackException($"{full}: could not lock within {timeout.TotalSeconds:0} s (another process holds it): {e.Message}");
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
