namespace ReasonTrack.Tests.Reasoning;

/// <summary>
/// Reads prompt texts straight out of ../shared/reference/seed-facts.md so that our constants are compared with the
/// reference document itself, not with a copy typed into a test.
/// </summary>
internal static class SeedFacts
{
    public static string Text()
    {
        string path = SharedData.Require("reference/seed-facts.md");
        return File.ReadAllText(path).ReplaceLineEndings("\n");
    }

    /// <summary>The first fenced block (``` on its own lines) after <paramref name="marker"/>; <c>\n</c> kept literal.</summary>
    public static string BlockAfter(string marker)
    {
        string t = Text();
        int at = t.IndexOf(marker, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, $"marker '{marker}' not in seed-facts.md");
        int open = t.IndexOf("```\n", at, StringComparison.Ordinal);
        int start = open + 4;
        int close = t.IndexOf("\n```", start, StringComparison.Ordinal);
        return t[start..close];
    }

    /// <summary>The text between <paramref name="before"/> and the next <paramref name="after"/>.</summary>
    public static string Between(string before, string after)
    {
        string t = Text();
        int at = t.IndexOf(before, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, $"'{before}' not in seed-facts.md");
        int start = at + before.Length;
        int end = t.IndexOf(after, start, StringComparison.Ordinal);
        return t[start..end];
    }

    /// <summary>The seed facts' convention: <c>\n</c> inside a quoted prompt is a real newline.</summary>
    public static string Unescape(string s) => s.Replace("\\n", "\n", StringComparison.Ordinal);
}
