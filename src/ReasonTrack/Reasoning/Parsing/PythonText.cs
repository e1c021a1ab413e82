namespace ReasonTrack.Reasoning.Parsing;

/// <summary>
/// Python's <c>str.strip()</c>, which the released parsers and Jinja's <c>trim</c> filter use: it removes every
/// character for which <c>str.isspace()</c> holds. That is .NET's <see cref="char.IsWhiteSpace(char)"/> plus the four
/// information separators U+001C..U+001F, which .NET does not count as white space.
/// </summary>
public static class PythonText
{
    /// <summary>True for the characters Python's <c>str.isspace()</c> accepts.</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is >= '\u001c' and <= '\u001f';

    /// <summary>The text without leading and trailing Python white space.</summary>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int start = 0, end = text.Length;
        while (start < end && IsSpace(text[start])) start++;
        while (end > start && IsSpace(text[end - 1])) end--;
        return start == 0 && end == text.Length ? text : text[start..end];
    }
}
