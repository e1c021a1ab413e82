using System.Security.Cryptography;
using System.Text;

namespace ReasonTrack.Reasoning.Logging;

/// <summary>
/// Appends <see cref="ReasoningLogRecord"/>s as JSON lines, one per call, flushed as written so that a crash loses at
/// most the call in progress. Thread-safe (realtime completions arrive from the background).
/// </summary>
public sealed class ReasoningLog : IDisposable
{
    private readonly object _gate = new();
    private readonly IO.JsonLinesWriter? _writer;
    private readonly List<ReasoningLogRecord> _records = [];

    /// <summary>A log written to <paramref name="path"/> (null = kept in memory only).</summary>
    public ReasoningLog(string? path)
    {
        if (path is not null) _writer = new IO.JsonLinesWriter(path, append: false);
    }

    public IReadOnlyList<ReasoningLogRecord> Records { get { lock (_gate) return _records.ToArray(); } }

    public void Write(ReasoningLogRecord record)
    {
        lock (_gate)
        {
            _records.Add(record);
            _writer?.Write(record);
        }
    }

    /// <summary>First 16 hex digits of the SHA-256 of the prompt text.</summary>
    public static string Hash(string prompt) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prompt)))[..16];

    public void Dispose()
    {
        lock (_gate) _writer?.Dispose();
    }
}
