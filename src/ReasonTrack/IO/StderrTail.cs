using System.Diagnostics;

namespace ReasonTrack.IO;

/// <summary>
/// Keeps the last lines a child process (ffmpeg, an external tracker) wrote to stderr. A child must not block on a
/// full stderr pipe, and when it fails its last lines are the explanation a user needs, so they are drained
/// continuously and kept in a small ring, each line cut to <c>maxLineChars</c> (ffmpeg's lines are kept whole).
/// </summary>
internal sealed class StderrTail(int maxLines = 12, int maxLineChars = int.MaxValue)
{
    private readonly int _maxLines = Math.Max(1, maxLines);
    private readonly Queue<string> _lines = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _total;

    /// <summary>How many lines the child wrote in all (kept or not).</summary>
    public long TotalLines { get { lock (_lines) return _total; } }

    public void Attach(Process process)
    {
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) { _closed.TrySetResult(); return; }
            string line = e.Data.Length > maxLineChars ? e.Data[..maxLineChars] + "..." : e.Data;
            lock (_lines)
            {
                _total++;
                _lines.Enqueue(line);
                while (_lines.Count > _maxLines) _lines.Dequeue();
            }
        };
        process.BeginErrorReadLine();
    }

    /// <summary>The kept lines joined, waiting briefly (2 s) for the stream to close so the final lines are included.</summary>
    public string Text() => Text(TimeSpan.FromSeconds(2)).Trim();

    /// <summary>The kept lines, after waiting up to <paramref name="wait"/> for the stream to close (a dead child's last words).</summary>
    public string Text(TimeSpan wait)
    {
        if (wait > TimeSpan.Zero) _closed.Task.Wait(wait);
        lock (_lines) return string.Join(Environment.NewLine, _lines).TrimEnd();
    }

    /// <summary><c>"; ffmpeg said: ..."</c> or an empty string, for appending to messages.</summary>
    public string Suffix(string tool = "ffmpeg")
    {
        string t = Text();
        return t.Length == 0 ? "" : $"; {tool} said: {t}";
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
