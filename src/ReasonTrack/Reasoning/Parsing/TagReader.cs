using System.Text.RegularExpressions;

namespace ReasonTrack.Reasoning.Parsing;

/// <summary>
/// Reads <c>&lt;tag&gt;...&lt;/tag&gt;</c> sections. The released parsers use the first match of
/// <c>&lt;tag&gt;(.*?)&lt;/tag&gt;</c> with dot matching newline; the tolerant reader falls back to case and
/// spacing variants and to an unterminated last tag only when that exact match finds nothing, so it never changes a
/// reply the released code would have read.
/// </summary>
internal static class TagReader
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>Where a tag was found and how.</summary>
    internal readonly record struct TagMatch(string Content, int Position, bool Variant, bool Unterminated, int Count);

    // Parsers run once per frame: build each tag's patterns once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, int), Regex> Cache = new();

    public static Regex Exact(string tag) => Cache.GetOrAdd((tag, 0), k => new($"<{Regex.Escape(k.Item1)}>(.*?)</{Regex.Escape(k.Item1)}>", RegexOptions.Singleline | RegexOptions.CultureInvariant, Timeout));

    private static Regex Variant(string tag) => Cache.GetOrAdd((tag, 1), k =>
        new($@"<\s*{Regex.Escape(k.Item1)}\s*>(.*?)<\s*/\s*{Regex.Escape(k.Item1)}\s*>",
            RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout));

    private static Regex Open(string tag) => Cache.GetOrAdd((tag, 2), k =>
        new($@"<\s*{Regex.Escape(k.Item1)}\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout));

    /// <summary>The released rule: first exact match, content not trimmed; null when absent.</summary>
    public static TagMatch? FindExact(string text, string tag)
    {
        var all = Exact(tag).Matches(text);
        if (all.Count == 0) return null;
        var m = all[0];
        return new TagMatch(m.Groups[1].Value, m.Index, false, false, all.Count);
    }

    /// <summary>
    /// Exact first; then a case/spacing variant; then, if the tag is opened but never closed (a reply cut off by the
    /// token limit), everything after the last opening tag.
    /// </summary>
    public static TagMatch? FindTolerant(string text, string tag)
    {
        var exact = FindExact(text, tag);
        if (exact is not null) return exact;
        var all = Variant(tag).Matches(text);
        if (all.Count > 0)
            return new TagMatch(all[0].Groups[1].Value, all[0].Index, true, false, all.Count);
        var opens = Open(tag).Matches(text);
        if (opens.Count == 0) return null;
        var last = opens[^1];
        bool variant = last.Value != $"<{tag}>";
        return new TagMatch(text[(last.Index + last.Length)..], last.Index, variant, true, 1);
    }
}
