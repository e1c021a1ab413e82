using System.Text.RegularExpressions;
using ReasonTrack.Geometry;

namespace ReasonTrack.Reasoning.Parsing;

/// <summary>
/// An R1-Track reply: <c>[x_min, y_min, x_max, y_max]</c> in search-crop pixels. Released rules: without thinking
/// the whole reply must be a JSON list of 4 numbers; with thinking the reply must fullmatch
/// <c>^&lt;think&gt;.*&lt;/think&gt;.*&lt;answer&gt;(.*?)&lt;/answer&gt;$</c> (dot matches newline) and the answer
/// must be such a list. Anything else yields no box, and the caller keeps its previous crop-space box
/// (<see cref="R1TrackLocator"/>). Tolerant mode also accepts code fences, text around the list, tag variants, an
/// object with <c>bbox_2d</c>, and a list salvaged from a cut-off reply. Clamping and ordering checks are the
/// locator's job, as in the released loop.
/// </summary>
public sealed class R1TrackReply
{
    /// <summary>
    /// The released think-mode pattern (fullmatch, dot matches newline): the inference script's and the reward's
    /// <c>check_and_extract</c> (<c>EasyR1/verl/utils/reward_score/track.py</c>) are the same.
    /// </summary>
    internal static readonly Regex ThinkFormat = new(@"\A<think>.*</think>.*<answer>(.*?)</answer>\z",
        RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

    private R1TrackReply(BoxXyxy? box, ParseReport report)
    {
        Box = box;
        Report = report;
    }

    /// <summary>The crop-space box as answered (not clamped), or null when the reply gave none.</summary>
    public BoxXyxy? Box { get; }

    public ParseReport Report { get; }

    public static R1TrackReply Parse(string? text, bool thinkMode, ReplyParsing mode = ReplyParsing.Tolerant)
    {
        var log = new ParseLog();
        text ??= "";
        if (text.Trim().Length == 0)
        {
            log.Fallback(ParseIssue.Empty, "empty reply");
            return new R1TrackReply(null, log.ToReport());
        }
        string body = text;
        if (thinkMode)
        {
            // re.fullmatch must consume the whole string, so '$' there cannot stop before a final newline: \A...\z.
            var m = ThinkFormat.Match(text);
            if (m.Success) body = m.Groups[1].Value;
            else if (mode == ReplyParsing.Released)
            {
                log.Fallback(ParseIssue.FormatMismatch, "reply does not fullmatch <think>...</think>...<answer>...</answer>");
                return new R1TrackReply(null, log.ToReport());
            }
            else
            {
                var answer = TagReader.FindTolerant(text, "answer");
                if (answer is { } a)
                {
                    body = a.Content;
                    log.Repair(ParseIssue.FormatMismatch, a.Unterminated ? "<answer> never closed: its text was read"
                        : a.Variant ? "<answer> written with other case or spacing" : "text outside the think/answer format ignored");
                }
                else
                {
                    log.Repair(ParseIssue.TagMissing, "no <answer>: the box was searched in the whole reply");
                    int think = text.LastIndexOf("</think>", StringComparison.OrdinalIgnoreCase);
                    body = think >= 0 ? text[(think + 8)..] : text;
                }
            }
        }

        if (string.IsNullOrEmpty(body))
        {
            log.Fallback(ParseIssue.Empty, "empty answer");
            return new R1TrackReply(null, log.ToReport());
        }
        if (mode == ReplyParsing.Released)
        {
            var whole = JsonScan.ParseWhole(body);
            if (whole is null)
            {
                log.Fallback(ParseIssue.JsonInvalid, "answer is not JSON");
                return new R1TrackReply(null, log.ToReport());
            }
            return new R1TrackReply(BoxJson.ReadFour(whole.Value, log, "answer"), log.ToReport());
        }

        var found = JsonScan.Find(body, log);
        if (found.Value is { } v)
        {
            bool objects = v.ValueKind == System.Text.Json.JsonValueKind.Object
                || (v.ValueKind == System.Text.Json.JsonValueKind.Array && v.GetArrayLength() > 0 && v[0].ValueKind == System.Text.Json.JsonValueKind.Object);
            if (objects)
            {
                var g = GroundingReply.Parse(found.Raw);
                if (g.First is { } first)
                {
                    log.Repair(ParseIssue.ShapeVariant, "box read from an object's bbox_2d");
                    return new R1TrackReply(first.Box, log.ToReport());
                }
                log.Fallback(ParseIssue.ShapeVariant, "JSON object without a usable box");
                return new R1TrackReply(null, log.ToReport());
            }
            if (v.ValueKind == System.Text.Json.JsonValueKind.Array && v.GetArrayLength() == 1 && v[0].ValueKind == System.Text.Json.JsonValueKind.Array)
            {
                log.Repair(ParseIssue.ShapeVariant, "box nested in a one-element list");
                v = v[0];
            }
            return new R1TrackReply(BoxJson.ReadFour(v, log, "answer"), log.ToReport());
        }
        if (found.Unterminated && BoxJson.SalvageBare(found.Raw!) is { } salvaged)
        {
            log.Repair(ParseIssue.JsonUnterminated, "JSON cut off: a complete coordinate list was salvaged");
            return new R1TrackReply(salvaged, log.ToReport());
        }
        if (found.Unterminated) log.Fallback(ParseIssue.JsonUnterminated, "JSON cut off");
        else log.Fallback(ParseIssue.NoJson, "no coordinate list in the reply");
        return new R1TrackReply(null, log.ToReport());
    }
}
