using System.Text.RegularExpressions;

namespace ReasonTrack.Training.Rewards;

/// <summary>
/// The token count L of a reply for R1-Track's think reward (the under-128 gate and the length term). The released
/// reward reads the trainer's <c>response_length</c>, the number of tokens the policy's tokenizer produced; when a row
/// carries it, it is used as given (<see cref="Estimated"/> false). Otherwise there is no tokenizer here (no model
/// files are shipped), so the count is <see cref="Estimate"/>d and flagged, never silently substituted.
/// </summary>
/// <param name="Tokens">The count used.</param>
/// <param name="Estimated">True when <see cref="Tokens"/> is the pre-tokenizer estimate, not the trainer's count.</param>
public readonly record struct ResponseLength(int Tokens, bool Estimated)
{
    /// <summary>How the estimate is made, for documentation and for the score command's output.</summary>
    public const string EstimateDescription =
        "pieces of the Qwen2/Qwen2.5 pre-tokenizer split, a lower bound on the BPE token count since BPE never merges across pieces";

    // The pre-tokenizer split of Qwen2 and Qwen2.5 (tokenizer.json, pre_tokenizer Split): contractions, letter runs with
    // one leading non-letter, single digits, punctuation runs, newlines, other whitespace.
    private static readonly Regex QwenPreTokenizer = new(
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));

    /// <summary>The trainer's count, as read from the input.</summary>
    public static ResponseLength FromInput(int tokens)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        return new ResponseLength(tokens, false);
    }

    /// <summary>
    /// An explicit approximation of the Qwen2.5-VL token count: the number of pieces the Qwen2 pre-tokenizer regex
    /// splits the text into. Byte-pair encoding only merges inside a piece, so the true count is never smaller than
    /// the estimate; on English reasoning text most pieces are single tokens, so it is close. The error is one-sided:
    /// a reply estimated at 128 or more truly has 128 or more tokens, but one estimated under 128 may truly reach 128
    /// (gated here, not by the trainer), and above 448 the length penalty may be underestimated.
    /// </summary>
    public static ResponseLength Estimate(string? text) =>
        new(string.IsNullOrEmpty(text) ? 0 : QwenPreTokenizer.Count(text), true);
}
