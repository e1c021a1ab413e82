namespace ReasonTrack.Reasoning.Parsing;

/// <summary>How strictly a reply is read.</summary>
public enum ReplyParsing
{
    /// <summary>
    /// Anything the released code would have used is used the same way; beyond that, variants (tag case and spacing,
    /// code fences, trailing text, swapped corners...) are accepted and reported. The default.
    /// </summary>
    Tolerant,

    /// <summary>Exactly the released code's rules, to reproduce published numbers; deviations fall back.</summary>
    Released,
}
