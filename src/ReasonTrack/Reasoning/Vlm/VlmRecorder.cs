using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReasonTrack.Reasoning.Vlm;

/// <summary>
/// Appends <see cref="VlmRecord"/>s to a JSONL file, one line per chat call, flushed at once so a crashed run keeps
/// everything answered so far. Thread-safe: one recorder may serve concurrent requests.
/// </summary>
public sealed class VlmRecorder : IDisposable
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    private readonly Lock _lock = new();
    private readonly FileStream _stream;

    public VlmRecorder(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        string? dir = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        _stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    public string Path { get; }

    public void Record(VlmRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, Json) + "\n");
        lock (_lock)
        {
            _stream.Write(line);
            _stream.Flush();
        }
    }

    /// <summary>All records of a recording file, in file order; blank lines are skipped.</summary>
    public static IReadOnlyList<VlmRecord> ReadAll(string path)
    {
        var records = new List<VlmRecord>();
        int lineNo = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                records.Add(JsonSerializer.Deserialize<VlmRecord>(line, Json) ?? throw new JsonException("null record"));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{lineNo}: not a VLM record: {e.Message}", e);
            }
        }
        return records;
    }

    public void Dispose()
    {
        lock (_lock) _stream.Dispose();
    }
}
