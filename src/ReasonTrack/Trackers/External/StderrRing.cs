using System.Diagnostics;

namespace ReasonTrack.Trackers.External;

/// <summary>
/// Drains a child's stderr continuously (a full pipe would block it) and keeps the last lines, each cut to a bounded
/// length, for error messages and the run's warnings.
/// </summary>
internal sealed class StderrRing
{
    private const int MaxLineChars = 400;
    private readonly int _max;
    private readonly Queue<string> _lines = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _total;

    public StderrRing(int maxLines) => _max = Math.Max(1, maxLines);

    public long TotalLines { get { lock (_lines) return _total; } }

    public void Attach(Process process)
    {
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) { _closed.TrySetResult(); return; }
            string line = e.Data.Length > MaxLineChars ? e.Data[..MaxLineChars] + "..." : e.Data;
            lock (_lines)
            {
                _total++;
                _lines.Enqueue(line);
                while (_lines.Count > _max) _lines.Dequeue();
            }
        };
        process.BeginErrorReadLine();
    }

    /// <summary>The kept lines, after waiting up to <paramref name="wait"/> for the stream to close (a dead child's last words).</summary>
    public string Text(TimeSpan wait)
    {
        if (wait > TimeSpan.Zero) _closed.Task.Wait(wait);
        lock (_lines) return string.Join(Environment.NewLine, _lines).TrimEnd();
    }

    /// <summary>For messages: the kept lines indented under a heading, or a note that the child wrote nothing.</summary>
    public string Describe(TimeSpan wait)
    {
        string t = Text(wait);
        long total = TotalLines;
        if (t.Length == 0) return "it wrote nothing to stderr";
        int kept = t.Split(Environment.NewLine).Length;
        string heading = total > kept ? $"its last {kept} of {total} stderr lines" : "its stderr";
        return heading + ":\n    " + t.Replace(Environment.NewLine, "\n    ");
    }
}
