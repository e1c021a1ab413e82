using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReasonTrack.Reports.Html;

/// <summary>
/// Escaping for everything the HTML report shows: text and attribute values (<see cref="Escape"/>), and JSON embedded in
/// a <c>&lt;script type="application/json"&gt;</c> block (<see cref="Json"/>), which must never close the block or break
/// a JavaScript parser: <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, quotes and every non-ASCII character (U+2028 and U+2029
/// among them) are written as <c>\uXXXX</c> escapes, and a final pass guarantees no <c>&lt;/</c> survives.
/// </summary>
public static class HtmlText
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Default, Indented = false };

    /// <summary>Text safe inside an element or a double- or single-quoted attribute.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>JSON written by <paramref name="write"/>, made safe to place between <c>&lt;script type="application/json"&gt;</c> tags.</summary>
    public static string Json(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions)) write(w);
        return SafeForScript(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>
    /// A JSON text made safe inside a script element whatever encoder wrote it: <c>&lt;/</c> becomes <c>&lt;\/</c>, <c>&lt;!--</c>
    /// becomes <c>\u003C!--</c>, U+2028 and U+2029 their escapes (JSON allows them raw; older JavaScript did not).
    /// </summary>
    public static string SafeForScript(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.AsSpan().IndexOfAny("<\u2028\u2029") < 0) return json;
        return json.Replace("</", "<\\/", StringComparison.Ordinal).Replace("<!--", "\\u003C!--", StringComparison.Ordinal)
            .Replace("\u2028", "\\u2028", StringComparison.Ordinal).Replace("\u2029", "\\u2029", StringComparison.Ordinal);
    }
}
