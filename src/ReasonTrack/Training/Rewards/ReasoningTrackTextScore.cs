namespace ReasonTrack.Training.Rewards;

/// <summary>
/// The text-only part of ReasoningTrack's rewards for one reply (what needs no image): format, strict, and what the
/// strict match read, which the judge needs.
/// </summary>
/// <param name="Format">1 when the three tag pairs all occur (any order) after whitespace normalisation, else 0.</param>
/// <param name="Strict">1 when the ordered think, d, answer pattern matches and its d is yes or no, else 0.</param>
/// <param name="Decision">
/// The strict match's d group trimmed and lower-cased (null when the pattern does not match). It is the first
/// <c>&lt;d&gt;</c> after <c>&lt;/think&gt;</c>, which is not what the inference parser reads: see
/// <see cref="ReasoningTrackReward"/>.
/// </param>
/// <param name="Answer">The strict match's answer text, trimmed (null when the pattern does not match).</param>
public sealed record ReasoningTrackTextScore(int Format, int Strict, string? Decision, string? Answer)
{
    /// <summary>True when the decision is exactly <c>yes</c> or <c>no</c> (the judge can only judge those).</summary>
    public bool HasDecision => Decision is "yes" or "no";
}
