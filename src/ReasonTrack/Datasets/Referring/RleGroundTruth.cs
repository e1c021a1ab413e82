using System.Text.Json;
using ReasonTrack.Geometry.Masks;
using ReasonTrack.IO;
using ReasonTrack.Results.Masks;

namespace ReasonTrack.Datasets.Referring;

/// <summary>
/// MeViS ground truth: <c>mask_dict.json</c>, an object from annotation id (a string) to a list with one entry per
/// frame of the video, each a COCO RLE <c>{"size": [h, w], "counts": "..."}</c> or <c>null</c> (the object is not in
/// that frame). An expression's target is the union of its annotation ids' masks, as MeViS's
/// <c>tools/eval_mevis.py</c> sums them (<c>gt_masks[frame_idx] += cocomask.decode(mask_rle)</c>). A frame where
/// every one of them is null is an empty mask of the size of the other frames (<see cref="MaskOf"/> returns null
/// only when no frame of the expression has a mask at all). The file is parsed on first use and kept (the train
/// split's file is large: it is read whole, as the released loaders read it). Thread-safe.
/// </summary>
public sealed class RleGroundTruth : IReferringGroundTruth
{
    private readonly string _path;
    private readonly Lazy<JsonDocument> _doc;

    public RleGroundTruth(string path)
    {
        _path = path;
        _doc = new Lazy<JsonDocument>(Parse, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Location => _path;

    private JsonDocument Parse()
    {
        if (!File.Exists(_path)) throw new DataFormatException(_path, "required file not found");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllBytes(_path)); }
        catch (JsonException e) { throw new DataFormatException(_path, (int)(e.LineNumber ?? -1) + 1, $"not valid JSON: {e.Message}"); }
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            doc.Dispose();
            throw new DataFormatException(_path, "expected a JSON object from annotation id to per-frame COCO RLEs");
        }
        return doc;
    }

    public Mask? MaskOf(ReferringExpression expression, int frame)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var root = _doc.Value.RootElement;
        Mask? union = null;
        (int W, int H)? size = null;
        foreach (string id in expression.AnnotationIds)
        {
            if (!root.TryGetProperty(id, out var frames))
                throw new DataFormatException(_path, $"annotation id {id} (expression {expression.Id} of {expression.Source}) is not in the mask dictionary");
            if (frames.ValueKind != JsonValueKind.Array)
                throw new DataFormatException(_path, $"annotation {id}: expected an array with one COCO RLE (or null) per frame");
            if (frame >= frames.GetArrayLength())
                throw new DataFormatException(_path, $"annotation {id} has {frames.GetArrayLength()} frames; frame {frame} was asked for");
            var rle = frames[frame];
            size ??= SizeOf(frames, id);
            if (rle.ValueKind == JsonValueKind.Null) continue;
            var (w, h) = size ?? throw new DataFormatException(_path, $"annotation {id}: an RLE without a valid \"size\": [height, width]");
            var m = CocoRleFile.ReadRle(rle, w, h, _path, $"annotation {id} frame {frame}");
            union = union is null ? m : union.Union(m);
        }
        if (union is not null) return union;
        return size is { } s ? Mask.Empty(s.W, s.H) : null;
    }

    /// <summary>The size of the first non-null RLE of an annotation (null when every frame is null).</summary>
    private (int W, int H)? SizeOf(JsonElement frames, string id)
    {
        foreach (var rle in frames.EnumerateArray())
        {
            if (rle.ValueKind != JsonValueKind.Object) continue;
            if (!rle.TryGetProperty("size", out var size) || size.ValueKind != JsonValueKind.Array || size.GetArrayLength() != 2
                || !size[0].TryGetInt32(out int h) || !size[1].TryGetInt32(out int w) || h <= 0 || w <= 0)
                throw new DataFormatException(_path, $"annotation {id}: an RLE without a valid \"size\": [height, width]");
            return (w, h);
        }
        return null;
    }
}
