using System.Text.Json;

namespace ReasonTrack.Reasoning.Vlm;

/// <summary>
/// Appends <see cref="VlmRecord"/>s to a JSONL file, one line per chat call, flushed at once so a crashed run keeps
/// everything answered so far. Thread-safe: one recorder may serve concurrent requests.
/// </summary>
public sealed class VlmRecorder : IDisposable
{
    internal static JsonSerializerOptions Json => IO.JsonLinesWriter.Options;

    private readonly IO.JsonLinesWriter _writer;

    /// <param name="maxStoredReplyChars">Bound on each stored <see cref="VlmRecord.ReplyText"/> (null = none); a longer
    /// reply is cut and its record carries <c>reply_truncated</c> and <c>reply_length</c>. Such a record cannot be
    /// replayed (<see cref="ReplayChatClient"/> refuses it): record with no bound to replay long replies.</param>
    public VlmRecorder(string path, int? maxStoredReplyChars = IO.StoredText.DefaultMaxReplyChars)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        IO.StoredText.RequireValidBound(maxStoredReplyChars, "max stored reply length");
        MaxStoredReplyChars = maxStoredReplyChars;
        _writer = new IO.JsonLinesWriter(path, append: true);
        Path = _writer.Path;
    }

    public string Path { get; }

    /// <summary>Bound on a stored reply in UTF-16 characters; null = replies are stored whole.</summary>
    public int? MaxStoredReplyChars { get; }

    public void Record(VlmRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        string? reply = IO.StoredText.Cap(record.ReplyText, MaxStoredReplyChars, out int? original);
        if (original is not null) record = record with { ReplyText = reply, ReplyTruncated = true, ReplyLength = original };
        _writer.Write(record);
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
                throw new IO.DataFormatException(path, lineNo, $"not a VLM record: {e.Message}");
            }
        }
        return records;
    }

    public void Dispose()
    {
        _writer.Dispose();
    }
}
