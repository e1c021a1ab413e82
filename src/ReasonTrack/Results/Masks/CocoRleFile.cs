using System.Text.Json;
using ReasonTrack.Geometry.Masks;
using ReasonTrack.IO;

namespace ReasonTrack.Results.Masks;

/// <summary>
/// One sequence's masks as COCO-style RLE JSON (the layout is ours; each mask is a COCO RLE object, so pycocotools'
/// <c>mask.decode</c> reads it as is):
/// <code>
/// {"sequence": "bike", "width": 854, "height": 480,
///  "frames": [ [ {"id": 1, "segmentation": {"size": [480, 854], "counts": "..."}} ], [], ... ]}
/// </code>
/// <c>frames[i]</c> lists the objects of frame i; <c>counts</c> is the compressed string (default) or the
/// uncompressed list of column-major runs. The reader accepts both, and a missing <c>id</c> means object 1.
/// </summary>
public static class CocoRleFile
{
    /// <summary>Writes the masks (atomically).</summary>
    public static void Write(string path, string sequence, SequenceMasks masks, bool compressed = true)
    {
        ArgumentNullException.ThrowIfNull(masks);
        AtomicFile.Write(path, fs =>
        {
            using var w = new Utf8JsonWriter(fs);
            w.WriteStartObject();
            w.WriteString("sequence", sequence);
            w.WriteNumber("width", masks.Width);
            w.WriteNumber("height", masks.Height);
            w.WriteStartArray("frames");
            for (int f = 0; f < masks.FrameCount; f++)
            {
                w.WriteStartArray();
                foreach (var (id, mask) in masks.ObjectsIn(f))
                {
                    w.WriteStartObject();
                    w.WriteNumber("id", id);
                    w.WriteStartObject("segmentation");
                    w.WriteStartArray("size");
                    w.WriteNumberValue(mask.Height);
                    w.WriteNumberValue(mask.Width);
                    w.WriteEndArray();
                    int[] runs = CocoRle.ToColumnMajorRuns(mask);
                    if (compressed) w.WriteString("counts", CocoRle.Compress(runs));
                    else
                    {
                        w.WriteStartArray("counts");
                        foreach (int r in runs) w.WriteNumberValue(r);
                        w.WriteEndArray();
                    }
                    w.WriteEndObject();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Reads a file written by <see cref="Write"/> (or by anyone following the layout).</summary>
    /// <exception cref="DataFormatException">Missing file, bad JSON, or a mask that does not fit the stated size.</exception>
    public static (string Sequence, SequenceMasks Masks) Read(string path)
    {
        if (!File.Exists(path)) throw new DataFormatException(path, "file not found");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllBytes(path)); }
        catch (JsonException e) { throw new DataFormatException(path, (int)(e.LineNumber ?? -1) + 1, $"not valid JSON: {e.Message}"); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new DataFormatException(path, "expected a JSON object with \"frames\"");
            string sequence = root.TryGetProperty("sequence", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : Path.GetFileNameWithoutExtension(path);
            int width = Int(root, "width", path), height = Int(root, "height", path);
            if (!root.TryGetProperty("frames", out var frames) || frames.ValueKind != JsonValueKind.Array)
                throw new DataFormatException(path, "missing \"frames\" array");
            var masks = new SequenceMasks(width, height);
            masks.EnsureFrames(frames.GetArrayLength());
            int f = 0;
            foreach (var frame in frames.EnumerateArray())
            {
                if (frame.ValueKind != JsonValueKind.Array) throw new DataFormatException(path, $"frames[{f}] is not an array of objects");
                foreach (var obj in frame.EnumerateArray())
                {
                    int id = obj.TryGetProperty("id", out var idEl) ? idEl.GetInt32() : 1;
                    if (id <= 0) throw new DataFormatException(path, $"frames[{f}]: object id {id} is not positive");
                    if (!obj.TryGetProperty("segmentation", out var seg)) throw new DataFormatException(path, $"frames[{f}] object {id}: no \"segmentation\"");
                    masks.Set(f, id, ReadRle(seg, width, height, path, $"frames[{f}] object {id}"));
                }
                f++;
            }
            return (sequence, masks);
        }
    }

    /// <summary>Decodes one COCO RLE object <c>{"size": [h, w], "counts": ...}</c>.</summary>
    public static Mask ReadRle(JsonElement rle, int width, int height, string path, string where)
    {
        if (rle.TryGetProperty("size", out var size))
        {
            if (size.ValueKind != JsonValueKind.Array || size.GetArrayLength() != 2)
                throw new DataFormatException(path, $"{where}: \"size\" must be [height, width]");
            int h = size[0].GetInt32(), w = size[1].GetInt32();
            if (h != height || w != width) throw new DataFormatException(path, $"{where}: size [{h}, {w}] differs from the file's {height}x{width}");
        }
        if (!rle.TryGetProperty("counts", out var counts)) throw new DataFormatException(path, $"{where}: no \"counts\"");
        int[] runs;
        try
        {
            runs = counts.ValueKind switch
            {
                JsonValueKind.String => CocoRle.Decompress(counts.GetString()!),
                JsonValueKind.Array => counts.EnumerateArray().Select(e => e.GetInt32()).ToArray(),
                _ => throw new FormatException("\"counts\" must be a string or an array of run lengths"),
            };
            return CocoRle.FromColumnMajorRuns(width, height, runs);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new DataFormatException(path, $"{where}: {e.Message}");
        }
    }

    private static int Int(JsonElement root, string name, string path) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i) && i > 0
            ? i
            : throw new DataFormatException(path, $"missing or bad \"{name}\" (a positive integer)");
}
