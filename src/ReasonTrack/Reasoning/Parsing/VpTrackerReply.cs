using System.Text.Json;
using ReasonTrack.Geometry;

namespace ReasonTrack.Reasoning.Parsing;

/// <summary>
/// A VPTracker reply, <c>```json {"visible": "yes", "bbox": [x_min, y_min, x_max, y_max]} ```</c> in full-frame pixels.
/// Released rules (VPTracker <c>evaluation/infer_tracking_qwen_vlt_crop_absent.py</c> ~24-38 <c>check_bbox</c> and
/// ~120-143): the first <c>```json ... ```</c> block, stripped and read as JSON; the object must have a
/// <c>visible</c> key <b>and</b> a <c>bbox</c> key (either missing raises there: a failure, the previous box kept, even
/// for <c>{"visible": "no"}</c> without a bbox); <c>visible</c> is "not visible" only when it is exactly the string
/// <c>"no"</c> (any other value, <c>"No"</c>, <c>false</c> or <c>null</c> included, counts as visible); a bbox given as a
/// JSON string is parsed again (<c>json.loads</c>) and read; it must be 4 values; a bbox with a negative value,
/// <c>x2 &lt; x1</c>, <c>y2 &lt; y1</c> or a value beyond the image (equal allowed) is rejected; on any failure the
/// previous box is kept (and written). Ours, where Python would accept garbage: values must be finite JSON numbers
/// (Python's <c>json.loads</c> also takes <c>NaN</c>, which passes its checks, and booleans, which compare as 0/1).
/// Tolerant mode also reads unfenced or cut-off JSON, <c>bbox_2d</c>, case variants of visible, a missing visible
/// key (assumed visible), sorts swapped corners and clips values beyond the image when some area remains inside.
/// </summary>
public sealed class VpTrackerReply
{
    private VpTrackerReply(bool? visible, BoxXyxy? box, ParseReport report)
    {
        Visible = visible;
        Box = box;
        Report = report;
    }

    /// <summary>What the model said about visibility; null when it said nothing readable.</summary>
    public bool? Visible { get; }

    /// <summary>The accepted box in frame pixels, or null (not visible, or nothing usable).</summary>
    public BoxXyxy? Box { get; }

    public bool Found => Box is not null;

    public ParseReport Report { get; }

    /// <summary>The box to report for this frame: the accepted one, else <paramref name="previous"/>.</summary>
    public Box NextBox(Box previous) => Box is { } b ? b.ToXywh() : previous;

    public static VpTrackerReply Parse(string? text, ImageSize image, ReplyParsing mode = ReplyParsing.Tolerant)
    {
        var log = new ParseLog();
        text ??= "";
        if (text.Trim().Length == 0)
        {
            log.Fallback(ParseIssue.Empty, "empty reply");
            return new VpTrackerReply(null, null, log.ToReport());
        }
        JsonElement? root;
        string? salvageFrom = null;
        if (mode == ReplyParsing.Released)
        {
            string? fence = JsonScan.FirstJsonFence(text);
            if (fence is null)
            {
                log.Fallback(ParseIssue.NoJson, "no ```json block");
                return new VpTrackerReply(null, null, log.ToReport());
            }
            root = JsonScan.ParseWhole(fence);
            if (root is null)
            {
                log.Fallback(ParseIssue.JsonInvalid, "the ```json block is not valid JSON");
                return new VpTrackerReply(null, null, log.ToReport());
            }
        }
        else
        {
            var found = JsonScan.Find(text, log);
            root = found.Value;
            if (found.Unterminated) salvageFrom = found.Raw;
            if (root is { ValueKind: JsonValueKind.Array } arr && arr.GetArrayLength() > 0 && arr[0].ValueKind == JsonValueKind.Object)
            {
                log.Repair(ParseIssue.ShapeVariant, "a list of objects: the first was read");
                root = arr[0];
            }
        }

        bool? visible = null;
        BoxXyxy? box = null;
        if (root is { ValueKind: JsonValueKind.Object } obj)
        {
            if (mode == ReplyParsing.Released)
            {
                // answer["visible"] and answer["bbox"] are both read before visible is looked at: either key
                // missing raises, and the frame is a failure (previous box kept).
                if (!obj.TryGetProperty("visible", out _))
                {
                    log.Fallback(ParseIssue.TagMissing, "no \"visible\" key");
                    return new VpTrackerReply(null, null, log.ToReport());
                }
                if (!obj.TryGetProperty("bbox", out _))
                {
                    log.Fallback(ParseIssue.TagMissing, "no \"bbox\" key");
                    return new VpTrackerReply(null, null, log.ToReport());
                }
            }
            visible = ReadVisible(obj, mode, log);
            if (visible == false)
            {
                log.Fallback(ParseIssue.NotVisible, "target not visible");
                return new VpTrackerReply(false, null, log.ToReport());
            }
            JsonElement coords = default;
            bool has = obj.TryGetProperty("bbox", out coords) || (mode == ReplyParsing.Tolerant && obj.TryGetProperty("bbox_2d", out coords));
            if (!has)
            {
                log.Fallback(ParseIssue.TagMissing, "no bbox");
                return new VpTrackerReply(visible, null, log.ToReport());
            }
            if (coords.ValueKind == JsonValueKind.String)
            {
                // Released: a bbox given as a string is json.loads-ed and read.
                var inner = JsonScan.ParseWhole(coords.GetString() ?? "");
                if (inner is null)
                {
                    log.Fallback(ParseIssue.JsonInvalid, $"bbox is a string that is not JSON ({coords.GetRawText()})");
                    return new VpTrackerReply(visible, null, log.ToReport());
                }
                log.Note(ParseIssue.ShapeVariant, "bbox given as a JSON string: parsed again");
                coords = inner.Value;
            }
            box = BoxJson.ReadFour(coords, log, "bbox");
        }
        else if (root is not null && mode == ReplyParsing.Tolerant && root.Value.ValueKind == JsonValueKind.Array)
        {
            log.Repair(ParseIssue.ShapeVariant, "a bare coordinate list: visible assumed");
            box = BoxJson.ReadFour(root.Value, log, "bbox");
        }
        else if (salvageFrom is not null)
        {
            if (salvageFrom.Contains("\"no\"", StringComparison.OrdinalIgnoreCase) && salvageFrom.Contains("visible", StringComparison.OrdinalIgnoreCase)
                && BoxJson.SalvageKeyed(salvageFrom).Count == 0)
            {
                log.Fallback(ParseIssue.NotVisible, "JSON cut off after visible: no");
                return new VpTrackerReply(false, null, log.ToReport());
            }
            var s = BoxJson.SalvageKeyed(salvageFrom);
            if (s.Count == 0)
            {
                log.Fallback(ParseIssue.JsonUnterminated, "JSON cut off before a complete bbox");
                return new VpTrackerReply(null, null, log.ToReport());
            }
            log.Repair(ParseIssue.JsonUnterminated, "JSON cut off: bbox salvaged");
            box = s[0].Box;
        }
        else
        {
            log.Fallback(root is null ? ParseIssue.NoJson : ParseIssue.JsonInvalid, root is null ? "no JSON object" : $"JSON {root.Value.ValueKind} is not an object");
            return new VpTrackerReply(null, null, log.ToReport());
        }
        if (box is null) return new VpTrackerReply(visible, null, log.ToReport());
        return new VpTrackerReply(visible, Check(box.Value, image, mode, log), log.ToReport());
    }

    private static bool? ReadVisible(JsonElement obj, ReplyParsing mode, ParseLog log)
    {
        if (!obj.TryGetProperty("visible", out var v)) return null;
        if (mode == ReplyParsing.Released)
            return v.ValueKind == JsonValueKind.String && v.GetString() == "no" ? false : true;
        string? s = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString()?.Trim().ToLowerInvariant(),
            JsonValueKind.True => "yes",
            JsonValueKind.False => "no",
            _ => null,
        };
        if (s is "no" or "false") return false;
        if (s is "yes" or "true") return true;
        log.Note(ParseIssue.DecisionNotYesNo, $"visible is {v.GetRawText()}: treated as visible");
        return null;
    }

    private static BoxXyxy? Check(BoxXyxy b, ImageSize image, ReplyParsing mode, ParseLog log)
    {
        bool negative = b.X1 < 0 || b.Y1 < 0 || b.X2 < 0 || b.Y2 < 0;
        bool swapped = b.X2 < b.X1 || b.Y2 < b.Y1;
        bool beyond = b.X1 > image.Width || b.X2 > image.Width || b.Y1 > image.Height || b.Y2 > image.Height;
        if (mode == ReplyParsing.Released)
        {
            if (negative || beyond) { log.Fallback(ParseIssue.OutOfRange, $"bbox ({b.X1}, {b.Y1}, {b.X2}, {b.Y2}) outside the {image} image"); return null; }
            if (swapped) { log.Fallback(ParseIssue.Swapped, "bbox corners swapped"); return null; }
            return b;
        }
        if (swapped)
        {
            log.Repair(ParseIssue.Swapped, "bbox corners swapped: sorted");
            b = b.Normalized();
        }
        if (negative || beyond)
        {
            var c = new BoxXyxy(Math.Clamp(b.X1, 0, image.Width), Math.Clamp(b.Y1, 0, image.Height), Math.Clamp(b.X2, 0, image.Width), Math.Clamp(b.Y2, 0, image.Height));
            if (c.X2 <= c.X1 || c.Y2 <= c.Y1)
            {
                log.Fallback(ParseIssue.OutOfRange, $"bbox ({b.X1}, {b.Y1}, {b.X2}, {b.Y2}) has no area inside the {image} image");
                return null;
            }
            log.Repair(ParseIssue.OutOfRange, "bbox clipped to the image");
            b = c;
        }
        return b;
    }
}
