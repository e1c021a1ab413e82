namespace ReasonTrack.IO;

/// <summary>
/// The size bound on replies kept in logs and recordings: a reply longer than the bound is cut (never inside a
/// surrogate pair) and the record says so with the original length.
/// </summary>
public static class StoredText
{
    /// <summary>Default bound on a stored reply: 65,536 UTF-16 characters (64 Ki).</summary>
    public const int DefaultMaxReplyChars = 65536;

    /// <summary>
    /// <paramref name="text"/> cut to <paramref name="maxChars"/> characters; <paramref name="originalLength"/> is the
    /// uncut length when a cut was made, else null. A null bound keeps every text whole.
    /// </summary>
    public static string? Cap(string? text, int? maxChars, out int? originalLength)
    {
        originalLength = null;
        if (text is null || maxChars is not { } max || text.Length <= max) return text;
        int cut = max;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        originalLength = text.Length;
        return text[..cut];
    }

    /// <summary>Checks a bound given by a user: null (no bound) or at least 0.</summary>
    public static void RequireValidBound(int? maxChars, string name)
    {
        if (maxChars is < 0) throw new InvalidSettingException(name, $"{name} must be at least 0 characters (or unset for no bound), got {maxChars}");
    }
}
