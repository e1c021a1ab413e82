using System.Text.Encodings.Web;
using System.Text.Json;
using ReasonTrack.IO;

namespace ReasonTrack.Training.Data.Formats;

/// <summary>
/// JSON output shared by the writers: non-ASCII text and the prompts' <c>&lt;image&gt;</c> tags kept readable, <c>\n</c>
/// line ends whatever the platform (so Windows and Linux runs give the same bytes), and atomic file writes.
/// </summary>
internal static class TrainingJson
{
    public static JsonWriterOptions Options(bool indented) => new()
    {
        Indented = indented,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    /// <summary>A JSON array file (LLaMA-Factory), two-space indented, one element per row.</summary>
    public static void WriteArray<T>(string path, IReadOnlyList<T> rows, Action<Utf8JsonWriter, T> writeRow)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options(indented: true)))
        {
            w.WriteStartArray();
            foreach (var r in rows) writeRow(w, r);
            w.WriteEndArray();
        }
        buffer.WriteByte((byte)'\n');
        AtomicFile.WriteAllBytes(path, buffer.ToArray());
    }

    /// <summary>A JSON-lines file (EasyR1, ms-swift): one compact object per line.</summary>
    public static void WriteLines<T>(string path, IReadOnlyList<T> rows, Action<Utf8JsonWriter, T> writeRow)
    {
        using var buffer = new MemoryStream();
        foreach (var r in rows)
        {
            using (var w = new Utf8JsonWriter(buffer, Options(indented: false))) writeRow(w, r);
            buffer.WriteByte((byte)'\n');
        }
        AtomicFile.WriteAllBytes(path, buffer.ToArray());
    }

    public static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
