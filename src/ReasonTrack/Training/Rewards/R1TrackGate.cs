namespace ReasonTrack.Training.Rewards;

/// <summary>
/// Why an R1-Track reward was set without comparing a box. Kept as a value (not just the -1) because the
/// reasons call for different fixes during training: an unparseable answer is a prompt/parsing problem, a short
/// reply a sampling one.
/// </summary>
public enum R1TrackGate
{
    /// <summary>Not gated: the reward is the shaped GIoU (plus format and length terms in think mode).</summary>
    None,

    /// <summary>The reply is the empty string (released <c>not predict_str</c>; whitespace goes on to the format check).</summary>
    Empty,

    /// <summary>Think mode: the reply does not fullmatch the format regex.</summary>
    Format,

    /// <summary>Think mode: the reply has fewer than 128 tokens.</summary>
    TooShort,

    /// <summary>
    /// No box could be scored: no-think, the reply is not JSON or its first 4 elements are not 4 numbers (reward -1);
    /// think, the answer is JSON but the released GIoU raises on it (fewer than 4 elements, a non-number, a zero-area
    /// hull): <c>r = -1</c> plus the format and length terms (track.py lines 68-71).
    /// </summary>
    Unparseable,

    /// <summary>Think mode: the answer inside a well-formed reply is not JSON: a flat -1 with no format or length terms (track.py lines 62-66).</summary>
    AnswerNotJson,
}
