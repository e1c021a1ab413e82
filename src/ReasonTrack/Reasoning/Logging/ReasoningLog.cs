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
    private readonly string? _folder;

    /// <summary>A log written to <paramref name="path"/> (null = kept in memory only).</summary>
    /// <param name="maxStoredReplyChars">Bound on each stored <see cref="ReasoningLogRecord.RawReply"/> (null = none); a
    /// longer reply is cut and its record carries <c>reply_truncated</c> and <c>reply_length</c>.</param>
    public ReasoningLog(string? path, int? maxStoredReplyChars = IO.StoredText.DefaultMaxReplyChars)
    {
        IO.StoredText.RequireValidBound(maxStoredReplyChars, "max stored reply length");
        MaxStoredReplyChars = maxStoredReplyChars;
        if (path is not null)
        {
            _writer = new IO.JsonLinesWriter(path, append: false);
            _folder = Path.GetDirectoryName(_writer.Path);
        }
    }

    /// <summary>Bound on a stored reply in UTF-16 characters; null = replies are stored whole.</summary>
    public int? MaxStoredReplyChars { get; }

    public IReadOnlyList<ReasoningLogRecord> Records { get { lock (_gate) return _records.ToArray(); } }

    public void Write(ReasoningLogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        string? reply = IO.StoredText.Cap(record.RawReply, MaxStoredReplyChars, out int? original);
        if (original is not null) record = record with { RawReply = reply, ReplyTruncated = true, ReplyLength = original };
        // Thumbnails arrive as full paths; the log names them relative to its own folder, so a results folder can move.
        if (_folder is not null && record.ImageThumbnails.Count > 0)
            record = record with { ImageThumbnails = record.ImageThumbnails.Select(t => Path.IsPathRooted(t) ? Path.GetRelativePath(_folder, t).Replace('\\', '/') : t).ToList() };
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
