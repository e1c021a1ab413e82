using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using ReasonTrack.Geometry.Masks;
using ReasonTrack.Media;

namespace ReasonTrack.Trackers.External;

/// <summary>
/// The byte layout of docs/tracker-protocol.md: request headers written into a reusable buffer (no allocation per
/// frame) and reply lines parsed in place.
/// </summary>
internal static class ExternalProtocol
{
    /// <summary>The protocol version this build speaks (sent in <c>hello</c>; a child answering another one is refused).</summary>
    public const int Version = 1;

    /// <summary>Longest reply line accepted (a mask of a 4K frame fits; anything longer is garbage).</summary>
    public const int MaxLineBytes = 64 << 20;

    public static int Hello(Span<byte> dst)
    {
        var w = new SpanWriter(dst);
        w.Ascii("{\"op\":\"hello\",\"version\":"u8); w.Int(Version); w.Ascii("}\n"u8);
        return w.Length;
    }

    public static int Frame(Span<byte> dst, ReadOnlySpan<byte> op, ImageFrame frame, Geometry.Box? box, bool hasText, string? text)
    {
        var w = new SpanWriter(dst);
        w.Ascii("{\"op\":\""u8); w.Ascii(op); w.Ascii("\",\"frame\":"u8); w.Int(frame.Index);
        w.Ascii(",\"width\":"u8); w.Int(frame.Width);
        w.Ascii(",\"height\":"u8); w.Int(frame.Height);
        w.Ascii(",\"format\":\""u8); w.Ascii(frame.Format == PixelFormat.Gray8 ? "gray8"u8 : "rgb24"u8);
        w.Ascii("\",\"channels\":"u8); w.Int(frame.Channels);
        w.Ascii(",\"bytes\":"u8); w.Int(frame.Height * frame.Stride);
        if (box is { } b)
        {
            w.Ascii(",\"box\":["u8); w.Double(b.X); w.Ascii(","u8); w.Double(b.Y); w.Ascii(","u8); w.Double(b.W); w.Ascii(","u8); w.Double(b.H); w.Ascii("]"u8);
        }
        if (hasText) { w.Ascii(",\"text\":"u8); w.Json(text); }
        w.Ascii("}\n"u8);
        return w.Length;
    }

    public static int Text(Span<byte> dst, string? text)
    {
        var w = new SpanWriter(dst);
        w.Ascii("{\"op\":\"text\",\"text\":"u8); w.Json(text); w.Ascii("}\n"u8);
        return w.Length;
    }

    public static int Close(Span<byte> dst)
    {
        var w = new SpanWriter(dst);
        w.Ascii("{\"op\":\"close\"}\n"u8);
        return w.Length;
    }

    /// <summary>Bytes a header with <paramref name="text"/> may need at most.</summary>
    public static int HeaderCapacity(string? text) => 512 + (text is null ? 0 : Encoding.UTF8.GetMaxByteCount(text.Length) * 6);

    /// <summary>Parses one reply line (without its newline); null when it is not a JSON object (the message says why).</summary>
    public static string? Parse(ReadOnlySpan<byte> line, out ExternalReply reply)
    {
        reply = default;
        try
        {
            var r = new Utf8JsonReader(line, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return "not a JSON object";
            Span<double> v = stackalloc double[4];
            while (r.Read())
            {
                if (r.TokenType == JsonTokenType.EndObject) return r.Read() ? "text after the JSON object" : null;
                if (r.TokenType != JsonTokenType.PropertyName) return "not a JSON object";
                if (r.ValueTextEquals("box"u8))
                {
                    r.Read();
                    if (r.TokenType == JsonTokenType.Null) continue;
                    if (r.TokenType != JsonTokenType.StartArray) return "\"box\" is not an array [x, y, w, h]";
                    int n = 0;
                    while (r.Read() && r.TokenType != JsonTokenType.EndArray)
                    {
                        if (r.TokenType != JsonTokenType.Number || n == 4) return "\"box\" is not four numbers [x, y, w, h]";
                        v[n++] = r.GetDouble();
                    }
                    if (n != 4) return "\"box\" is not four numbers [x, y, w, h]";
                    (reply.X, reply.Y, reply.W, reply.H, reply.HasBox) = (v[0], v[1], v[2], v[3], true);
                }
                else if (r.ValueTextEquals("score"u8))
                {
                    r.Read();
                    if (r.TokenType == JsonTokenType.Null) continue;
                    if (r.TokenType != JsonTokenType.Number) return "\"score\" is not a number";
                    (reply.Score, reply.HasScore) = (r.GetDouble(), true);
                }
                else if (r.ValueTextEquals("found"u8))
                {
                    r.Read();
                    if (r.TokenType is not (JsonTokenType.True or JsonTokenType.False)) return "\"found\" is not true/false";
                    (reply.Found, reply.HasFound) = (r.TokenType == JsonTokenType.True, true);
                }
                else if (r.ValueTextEquals("ok"u8))
                {
                    r.Read();
                    reply.Ok = r.TokenType == JsonTokenType.True;
                }
                else if (r.ValueTextEquals("version"u8))
                {
                    r.Read();
                    if (r.TokenType != JsonTokenType.Number || !r.TryGetInt32(out reply.Version)) return "\"version\" is not an integer";
                }
                else if (r.ValueTextEquals("ms"u8))
                {
                    r.Read();
                    if (r.TokenType == JsonTokenType.Number) reply.Milliseconds = r.GetDouble();
                }
                else if (r.ValueTextEquals("error"u8))
                {
                    r.Read();
                    reply.Error = r.TokenType == JsonTokenType.String ? r.GetString() : "(error without a message)";
                }
                else if (r.ValueTextEquals("name"u8))
                {
                    r.Read();
                    if (r.TokenType == JsonTokenType.String) reply.Name = r.GetString();
                }
                else if (r.ValueTextEquals("mask"u8))
                {
                    r.Read();
                    if (r.TokenType == JsonTokenType.Null) continue;
                    string? why = ParseMask(ref r, out reply.Mask);
                    if (why is not null) return why;
                }
                else
                {
                    // Unknown fields are skipped: a newer child may say more than this build understands.
                    r.Read();
                    r.Skip();
                }
            }
            return "the JSON object is not closed";
        }
        catch (JsonException e)
        {
            return "not valid JSON (" + e.Message.Split(" LineNumber")[0].TrimEnd('.', ' ') + ")";
        }
    }

    /// <summary>
    /// The <c>mask</c> field in either form of docs/tracker-protocol.md: ours, <c>{"width", "height", "counts": [..]}</c>
    /// (raster order, background first), or COCO's RLE <c>{"size": [h, w], "counts": [..] | "string"}</c> (column-major;
    /// the list as <c>pycocotools</c>' uncompressed RLE, the string as <c>mask.encode</c> writes it).
    /// </summary>
    private static string? ParseMask(ref Utf8JsonReader r, out Mask? mask)
    {
        mask = null;
        if (r.TokenType != JsonTokenType.StartObject) return "\"mask\" is not an object {width, height, counts} or COCO's {size, counts}";
        int w = 0, h = 0;
        bool coco = false;
        List<int>? counts = null;
        string? cocoString = null;
        while (r.Read() && r.TokenType != JsonTokenType.EndObject)
        {
            if (r.ValueTextEquals("width"u8)) { r.Read(); if (!Int(ref r, out w)) return "mask width is not an integer"; }
            else if (r.ValueTextEquals("height"u8)) { r.Read(); if (!Int(ref r, out h)) return "mask height is not an integer"; }
            else if (r.ValueTextEquals("size"u8))
            {
                r.Read();
                coco = true;
                if (r.TokenType != JsonTokenType.StartArray || !r.Read() || !Int(ref r, out h) || !r.Read() || !Int(ref r, out w) || !r.Read() || r.TokenType != JsonTokenType.EndArray)
                    return "mask size is not [height, width]";
            }
            else if (r.ValueTextEquals("counts"u8))
            {
                r.Read();
                if (r.TokenType == JsonTokenType.String) { cocoString = r.GetString(); continue; }
                if (r.TokenType != JsonTokenType.StartArray) return "mask counts is not an array (or COCO's compressed string)";
                counts = [];
                while (r.Read() && r.TokenType != JsonTokenType.EndArray)
                {
                    if (r.TokenType != JsonTokenType.Number || !r.TryGetInt32(out int c) || c < 0) return "mask counts are not non-negative integers";
                    counts.Add(c);
                }
            }
            else { r.Read(); r.Skip(); }
        }
        if (cocoString is not null && !coco) return "mask counts is a COCO string but the mask has no \"size\": [height, width]";
        if (w <= 0 || h <= 0 || (counts is null && cocoString is null)) return coco ? "mask needs size [height, width] and counts" : "mask needs width, height and counts";
        if (cocoString is not null)
        {
            try
            {
                counts = [.. Results.Masks.CocoRle.Decompress(cocoString)];
            }
            catch (FormatException e)
            {
                return "mask counts string: " + e.Message.TrimEnd('.');
            }
        }
        long sum = 0;
        foreach (int c in counts!) sum += c;
        if (sum != (long)w * h) return $"mask counts add up to {sum}, not width x height = {(long)w * h}";
        var runs = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(counts);
        mask = coco ? Results.Masks.CocoRle.FromColumnMajorRuns(w, h, runs) : Mask.FromRuns(w, h, runs);
        return null;
    }

    private static bool Int(ref Utf8JsonReader r, out int v)
    {
        v = 0;
        return r.TokenType == JsonTokenType.Number && r.TryGetInt32(out v);
    }

    private ref struct SpanWriter(Span<byte> dst)
    {
        private readonly Span<byte> _dst = dst;
        public int Length;

        public void Ascii(ReadOnlySpan<byte> s) { s.CopyTo(_dst[Length..]); Length += s.Length; }

        public void Int(int v) { Utf8Formatter.TryFormat(v, _dst[Length..], out int n); Length += n; }

        public void Double(double v)
        {
            if (!double.IsFinite(v)) { Ascii("null"u8); return; }
            v.TryFormat(_dst[Length..], out int n, "R", System.Globalization.CultureInfo.InvariantCulture);
            Length += n;
        }

        public void Json(string? s)
        {
            if (s is null) { Ascii("null"u8); return; }
            // Rare (descriptions): an escaped JSON string; allocation here is fine.
            Ascii(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(s)));
        }
    }
}
