using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReasonTrack.Reasoning.Logging;

/// <summary>
/// Appends <see cref="ReasoningLogRecord"/>s as JSON lines, one per call, flushed as written so that a crash loses at
/// most the call in progress. Thread-safe (realtime completions arrive from the background).
/// </summary>
public sealed class ReasoningLog : IDisposable
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly object _gate = new();
    private readonly StreamWriter? _writer;
    private readonly List<ReasoningLogRecord> _records = [];

    /// <summary>A log written to <paramref name="path"/> (null = kept in memory only).</summary>
    public ReasoningLog(string? path)
    {
        if (path is null) return;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _writer = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
    }

    public IReadOnlyList<ReasoningLogRecord> Records { get { lock (_gate) return _records.ToArray(); } }

    public void Write(ReasoningLogRecord record)
    {
        lock (_gate)
        {
            _records.Add(record);
            _writer?.WriteLine(JsonSerializer.Serialize(record, Json));
        }
    }

    /// <summary>First 16 hex digits of the SHA-256 of the prompt text.</summary>
    public static string Hash(string prompt) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(prompt)))[..16];

    public void Dispose()
    {
        lock (_gate) _writer?.Dispose();
    }
}
