using System.Diagnostics;

namespace ReasonTrack.Media;

/// <summary>
/// Keeps the last lines ffmpeg wrote to stderr. ffmpeg must not block on a full stderr pipe, and when it fails its
/// last lines are the explanation a user needs, so they are drained continuously and kept in a small ring.
/// </summary>
internal sealed class StderrTail
{
    private const int MaxLines = 12;
    private readonly Queue<string> _lines = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Attach(Process process)
    {
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) { _closed.TrySetResult(); return; }
            lock (_lines)
            {
                _lines.Enqueue(e.Data);
                if (_lines.Count > MaxLines) _lines.Dequeue();
            }
        };
        process.BeginErrorReadLine();
    }

    /// <summary>The kept lines joined, waiting briefly for the stream to close so the final lines are included.</summary>
    public string Text()
    {
        _closed.Task.Wait(TimeSpan.FromSeconds(2));
        lock (_lines) return string.Join(Environment.NewLine, _lines).Trim();
    }

    /// <summary><c>"; ffmpeg said: ..."</c> or an empty string, for appending to messages.</summary>
    public string Suffix(string tool = "ffmpeg")
    {
        string t = Text();
        return t.Length == 0 ? "" : $"; {tool} said: {t}";
    }
}
