using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReasonTrack.IO;

/// <summary>
/// Appends records as JSON lines (snake_case, nulls left out, non-ASCII text kept readable), one flushed line per
/// record so that a crash loses at most the record being written; safe to call from several threads. Used by the
/// reasoning log and the VLM recorder.
/// </summary>
public sealed class JsonLinesWriter : IDisposable
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Lock _lock = new();
    private readonly FileStream _stream;

    /// <param name="append">Add to an existing file (a recording) instead of starting a new one (a run's log).</param>
    public JsonLinesWriter(string path, bool append)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _stream = new FileStream(Path, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read);
    }

    public string Path { get; }

    /// <summary>
    /// Writes all <paramref name="records"/> as one JSON-lines file through <see cref="AtomicFile"/>: the file appears
    /// whole or not at all (an existing file is replaced only on success).
    /// </summary>
    public static string WriteAllAtomic<T>(string path, IEnumerable<T> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var text = new StringBuilder();
        foreach (var r in records) text.Append(JsonSerializer.Serialize(r, Options)).Append('\n');
        string full = System.IO.Path.GetFullPath(path);
        AtomicFile.WriteAllText(full, text.ToString());
        return full;
    }

    public void Write<T>(T record)
    {
        byte[] line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, Options) + "\n");
        lock (_lock)
        {
            _stream.Write(line);
            _stream.Flush();
        }
    }

    public void Dispose()
    {
        lock (_lock) _stream.Dispose();
    }
}
