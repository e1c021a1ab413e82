using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReasonTrack.Reasoning.Parsing;

/// <summary>
/// Finds a JSON value inside model text: in a <c>```json</c> fence or bare, with text around it, possibly cut off.
/// Bracket matching skips string literals so a label like <c>"a [red] car"</c> does not end the value early.
/// </summary>
internal static class JsonScan
{
    private static readonly Regex Fence = new(@"```(?:json|JSON)?[ \t]*\r?\n?(.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
    private static readonly Regex OpenFence = new(@"```(?:json|JSON)?[ \t]*\r?\n?", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

    /// <summary>The result of a scan: the parsed value (null when none), and whether the value was cut off.</summary>
    internal readonly record struct Found(JsonElement? Value, string? Raw, bool Unterminated);

    /// <summary>Content of the first complete <c>```json ... ```</c> fence (VPTracker's released rule), or null.</summary>
    public static string? FirstJsonFence(string text)
    {
        var m = Regex.Match(text, @"```json(.*?)```", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>Parses exactly <paramref name="text"/> as JSON (like Python's json.loads), or null.</summary>
    public static JsonElement? ParseWhole(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Tolerant search: the first fenced block if any (else the text after an unclosed fence, else the whole text),
    /// then the first balanced <c>[...]</c> or <c>{...}</c> in it that parses. Notes what was tolerated.
    /// </summary>
    public static Found Find(string text, ParseLog log)
    {
        string body = text;
        var fence = Fence.Match(text);
        if (fence.Success)
        {
            log.Repair(ParseIssue.CodeFence, "JSON read from a code fence");
            body = fence.Groups[1].Value;
            if (text.Trim().Length != fence.Value.Length) log.Note(ParseIssue.TrailingText, "text around the code fence ignored");
        }
        else
        {
            var open = OpenFence.Match(text);
            if (open.Success)
            {
                log.Repair(ParseIssue.CodeFence, "code fence never closed");
                body = text[(open.Index + open.Length)..];
            }
        }

        for (int start = IndexOfOpen(body, 0); start >= 0; start = IndexOfOpen(body, start + 1))
        {
            int end = MatchingClose(body, start);
            if (end < 0)
                return new Found(null, body[start..], true);
            string raw = body.Substring(start, end - start + 1);
            var value = ParseWhole(raw);
            if (value is null) continue;
            if (body.Trim().Length != raw.Length && !log.HasIssue(ParseIssue.TrailingText))
                log.Repair(ParseIssue.TrailingText, "text around the JSON ignored");
            return new Found(value, raw, false);
        }
        return new Found(null, null, false);
    }

    private static int IndexOfOpen(string s, int from) => s.IndexOfAny(['[', '{'], Math.Min(from, s.Length));

    /// <summary>Index of the bracket closing the one at <paramref name="start"/>, or -1 when the text ends first.</summary>
    private static int MatchingClose(string s, int start)
    {
        var stack = new Stack<char>();
        bool inString = false, escape = false;
        for (int i = start; i < s.Length; i++)
        {
            char c = s[i];
            if (inString)
            {
                if (escape) escape = false;
                else if (c == '\\') escape = true;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c)
            {
                case '"': inString = true; break;
                case '[': stack.Push(']'); break;
                case '{': stack.Push('}'); break;
                case ']' or '}':
                    if (stack.Count == 0 || stack.Pop() != c) return i; // mismatched: let the JSON parser reject it
                    if (stack.Count == 0) return i;
                    break;
            }
        }
        return -1;
    }
}
