using System.Text.Json;
using ReasonTrack.Geometry;

namespace ReasonTrack.Reasoning.Parsing;

/// <summary>
/// A Qwen-style grounding reply, <c>```json [{"bbox_2d": [x1, y1, x2, y2], "label": "..."}] ```</c> (xyxy). Tolerates
/// no fence, text around the JSON, a single object instead of a list, a bare <c>[x1, y1, x2, y2]</c>, <c>bbox</c>
/// for <c>bbox_2d</c>, swapped corners (sorted), and JSON cut off by the token limit (complete boxes are salvaged).
/// Entries without a usable box are skipped and reported. Coordinates are returned as given: converting
/// Qwen3-VL's 0..1000 or a resized image's pixels to frame pixels is the caller's business.
/// </summary>
public sealed class GroundingReply
{
    private GroundingReply(IReadOnlyList<GroundingBox> boxes, ParseReport report)
    {
        Boxes = boxes;
        Report = report;
    }

    /// <summary>Every usable box, in reply order.</summary>
    public IReadOnlyList<GroundingBox> Boxes { get; }

    /// <summary>The first box, or null when none was usable.</summary>
    public GroundingBox? First => Boxes.Count > 0 ? Boxes[0] : null;

    public ParseReport Report { get; }

    public static GroundingReply Parse(string? text)
    {
        var log = new ParseLog();
        var boxes = new List<GroundingBox>();
        text ??= "";
        if (text.Trim().Length == 0)
        {
            log.Fallback(ParseIssue.Empty, "empty reply");
            return new GroundingReply(boxes, log.ToReport());
        }
        var found = JsonScan.Find(text, log);
        if (found.Value is { } root)
        {
            if (root.ValueKind == JsonValueKind.Object)
            {
                log.Repair(ParseIssue.ShapeVariant, "a single object instead of a list");
                Add(root, 0, boxes, log);
            }
            else if (root.ValueKind == JsonValueKind.Array && IsNumberList(root))
            {
                log.Repair(ParseIssue.ShapeVariant, "a bare coordinate list instead of a list of objects");
                if (BoxJson.ReadFour(root, log, "box") is { } b) boxes.Add(new GroundingBox(Sorted(b, log), null));
            }
            else if (root.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (var item in root.EnumerateArray()) Add(item, i++, boxes, log);
            }
            else log.Fallback(ParseIssue.JsonInvalid, $"JSON {root.ValueKind} holds no box");
        }
        else if (found.Unterminated)
        {
            foreach (var (b, _) in BoxJson.SalvageKeyed(found.Raw!)) boxes.Add(new GroundingBox(Sorted(b, log), null));
            if (boxes.Count > 0) log.Repair(ParseIssue.JsonUnterminated, $"JSON cut off: {boxes.Count} complete box(es) salvaged");
            else log.Fallback(ParseIssue.JsonUnterminated, "JSON cut off before any complete box");
        }
        else log.Fallback(ParseIssue.NoJson, "no JSON in the reply");

        if (boxes.Count == 0 && !log.IsFallback) log.Fallback(ParseIssue.WrongCount, "no usable box");
        return new GroundingReply(boxes, log.ToReport());
    }

    private static bool IsNumberList(JsonElement e) =>
        e.GetArrayLength() > 0 && e.EnumerateArray().All(x => x.ValueKind == JsonValueKind.Number);

    private static void Add(JsonElement item, int index, List<GroundingBox> boxes, ParseLog log)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            log.Note(ParseIssue.ShapeVariant, $"entry {index} is a JSON {item.ValueKind}: skipped");
            return;
        }
        JsonElement coords = default;
        bool has = false;
        foreach (string key in new[] { "bbox_2d", "bbox", "box" })
        {
            if (item.TryGetProperty(key, out coords)) { has = true; break; }
        }
        if (!has)
        {
            log.Note(ParseIssue.TagMissing, $"entry {index} has no bbox_2d: skipped");
            return;
        }
        // A bad entry among good ones is skipped, not fatal: note it without marking the whole reply a fallback.
        var sub = new ParseLog();
        var box = BoxJson.ReadFour(coords, sub, $"entry {index} bbox_2d");
        if (box is null)
        {
            var r = sub.ToReport();
            foreach (var issue in r.Issues) log.Note(issue, r.Message + ": skipped");
            return;
        }
        string? label = item.TryGetProperty("label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
        boxes.Add(new GroundingBox(Sorted(box.Value, log), label));
    }

    private static BoxXyxy Sorted(BoxXyxy b, ParseLog log)
    {
        if (b.X2 >= b.X1 && b.Y2 >= b.Y1) return b;
        log.Repair(ParseIssue.Swapped, "corners swapped: sorted");
        return b.Normalized();
    }
}
