using System.Globalization;
using System.Text.Json;
using ReasonTrack.IO;

namespace ReasonTrack.Datasets.Referring;

/// <summary>
/// Reads a Refer-YouTube-VOS / MeViS <c>meta_expressions.json</c>:
/// <c>{"videos": {"&lt;video&gt;": {"expressions": {"&lt;exp id&gt;": {"exp": "...", "obj_id": ...}}, "frames": ["00000", ...]}}}</c>.
/// <c>obj_id</c> is a string or number (Refer-YouTube-VOS: <c>"1"</c>) or a list of them (MeViS: <c>[0, 1]</c>, with
/// <c>anno_id</c> beside it); validation splits hold no <c>obj_id</c> (the expressions then name no object). Frames are
/// sorted by name, as ReferFormer's and MeViS's loaders do (<c>sorted(vid_data['frames'])</c>). Errors name the file and
/// the video and expression at fault (JSON gives no line for those; a syntax error gives its line).
/// </summary>
public static class MetaExpressionsFile
{
    /// <summary>One video of the file.</summary>
    public sealed record Entry(string Video, IReadOnlyList<string> Frames, IReadOnlyList<ReferringExpression> Expressions);

    public static IReadOnlyList<Entry> Read(string path)
    {
        DatasetFiles.RequireFile(path);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllBytes(path)); }
        catch (JsonException e) { throw new DataFormatException(path, (int)(e.LineNumber ?? -1) + 1, $"not valid JSON: {e.Message}"); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("videos", out var videos) || videos.ValueKind != JsonValueKind.Object)
                throw new DataFormatException(path, "expected {\"videos\": {<video>: {\"expressions\": {...}, \"frames\": [...]}}}");
            var entries = new List<Entry>();
            foreach (var v in videos.EnumerateObject())
            {
                string where = $"video {v.Name}";
                if (v.Value.ValueKind != JsonValueKind.Object) throw new DataFormatException(path, $"{where}: expected an object with \"expressions\" and \"frames\"");
                if (!v.Value.TryGetProperty("frames", out var framesEl) || framesEl.ValueKind != JsonValueKind.Array)
                    throw new DataFormatException(path, $"{where}: missing \"frames\" (the list of frame names)");
                var frames = new List<string>();
                foreach (var fr in framesEl.EnumerateArray())
                {
                    if (fr.ValueKind != JsonValueKind.String || fr.GetString() is not { Length: > 0 } name || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                        throw new DataFormatException(path, $"{where}: frame {fr.GetRawText()} is not a frame file name");
                    frames.Add(name);
                }
                frames.Sort(StringComparer.Ordinal);
                if (!v.Value.TryGetProperty("expressions", out var exps) || exps.ValueKind != JsonValueKind.Object)
                    throw new DataFormatException(path, $"{where}: missing \"expressions\"");
                var expressions = new List<ReferringExpression>();
                foreach (var e in exps.EnumerateObject())
                {
                    string at = $"{where} expression {e.Name}";
                    if (e.Value.ValueKind != JsonValueKind.Object || !e.Value.TryGetProperty("exp", out var text) || text.ValueKind != JsonValueKind.String)
                        throw new DataFormatException(path, $"{at}: missing \"exp\" (the expression's text)");
                    var objects = e.Value.TryGetProperty("obj_id", out var o) ? Ids(o, path, at, "obj_id").Select(s => ObjectId(s, path, at)).ToList() : [];
                    var annos = e.Value.TryGetProperty("anno_id", out var a) ? Ids(a, path, at, "anno_id") : [];
                    expressions.Add(new ReferringExpression(e.Name, text.GetString()!, objects) { AnnotationIds = annos, Source = path });
                }
                entries.Add(new Entry(v.Name, frames, expressions));
            }
            return entries;
        }
    }

    private static List<string> Ids(JsonElement el, string path, string at, string key) => el.ValueKind switch
    {
        JsonValueKind.Array => el.EnumerateArray().Select(x => Scalar(x, path, at, key)).ToList(),
        _ => [Scalar(el, path, at, key)],
    };

    private static string Scalar(JsonElement el, string path, string at, string key) => el.ValueKind switch
    {
        JsonValueKind.String => el.GetString()!,
        JsonValueKind.Number => el.GetRawText(),
        _ => throw new DataFormatException(path, $"{at}: \"{key}\" must be a string, a number or a list of them, not {el.GetRawText()}"),
    };

    private static int ObjectId(string s, string path, string at) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int id)
            ? id
            : throw new DataFormatException(path, $"{at}: object id '{s}' is not a non-negative integer");
}
