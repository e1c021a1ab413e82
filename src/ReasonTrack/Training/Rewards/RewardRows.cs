using System.Text;
using System.Text.Json;
using ReasonTrack.IO;

namespace ReasonTrack.Training.Rewards;

/// <summary>
/// Reads the rows to score from a JSON array (LLaMA-Factory's alpaca and ShareGPT files) or JSON lines (EasyR1 data
/// and rollout dumps), detected by the first non-blank character. Every row must be an object; anything else, and
/// any syntax error, is a <see cref="DataFormatException"/> naming the file and line.
/// </summary>
public static class RewardRows
{
    public static IReadOnlyList<RewardRow> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new DataFormatException(path, "input file not found");
        byte[] bytes = File.ReadAllBytes(path);
        int start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var content = bytes.AsMemory(start);
        int first = content.Span.IndexOfAnyExcept(" \t\r\n"u8);
        if (first < 0) throw new DataFormatException(path, "input is empty: no rows to score");
        var rows = content.Span[first] == (byte)'[' ? ReadArray(path, content) : ReadLines(path, content);
        if (rows.Count == 0) throw new DataFormatException(path, "input holds no rows to score");
        return rows;
    }

    private static List<RewardRow> ReadArray(string path, ReadOnlyMemory<byte> content)
    {
        var rows = new List<RewardRow>();
        var reader = new Utf8JsonReader(content.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            reader.Read(); // the opening '['
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                int line = LineAt(content.Span, (int)reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.StartObject)
                    throw new DataFormatException(path, line, $"row {rows.Count + 1} is a JSON {reader.TokenType}, not an object");
                using var doc = JsonDocument.ParseValue(ref reader);
                rows.Add(new RewardRow(rows.Count + 1, line, doc.RootElement.Clone()));
            }
            if (reader.TokenType != JsonTokenType.EndArray) throw new DataFormatException(path, LineAt(content.Span, content.Length), "the JSON array is not closed");
            if (reader.Read()) throw new DataFormatException(path, LineAt(content.Span, (int)reader.TokenStartIndex), "text after the JSON array");
        }
        catch (JsonException e)
        {
            throw new DataFormatException(path, (int)(e.LineNumber ?? -1) + 1, $"invalid JSON: {FirstSentence(e.Message)}");
        }
        return rows;
    }

    private static List<RewardRow> ReadLines(string path, ReadOnlyMemory<byte> content)
    {
        var rows = new List<RewardRow>();
        int line = 0;
        for (int offset = 0; offset < content.Length;)
        {
            line++;
            int nl = content.Span[offset..].IndexOf((byte)'\n');
            int length = nl < 0 ? content.Length - offset : nl;
            var text = content.Slice(offset, length);
            offset += length + 1;
            if (text.Span.IndexOfAnyExcept(" \t\r"u8) < 0) continue;
            JsonElement row;
            try
            {
                using var doc = JsonDocument.Parse(text);
                row = doc.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new DataFormatException(path, line, $"invalid JSON line: {FirstSentence(e.Message)}");
            }
            if (row.ValueKind != JsonValueKind.Object)
                throw new DataFormatException(path, line, $"row {rows.Count + 1} is a JSON {row.ValueKind}, not an object");
            rows.Add(new RewardRow(rows.Count + 1, line, row));
        }
        return rows;
    }

    private static int LineAt(ReadOnlySpan<byte> content, int offset) => content[..Math.Min(offset, content.Length)].Count((byte)'\n') + 1;

    // System.Text.Json messages end with "LineNumber: n | BytePositionInLine: m."; the location is already in the prefix.
    private static string FirstSentence(string message)
    {
        int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at > 0 ? message[..at].TrimEnd() : message;
    }
}
