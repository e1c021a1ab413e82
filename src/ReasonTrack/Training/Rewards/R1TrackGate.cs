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

    /// <summary>Think mode: the reply is empty (or only whitespace).</summary>
    Empty,

    /// <summary>Think mode: the reply does not fullmatch the format regex.</summary>
    Format,

    /// <summary>Think mode: the reply has fewer than 128 tokens.</summary>
    TooShort,

    /// <summary>The box could not be read (no-think: the whole reply; think: the answer) as a JSON list of 4 numbers: no-think reward -1;
    /// think <c>r = -1</c> plus the format and length terms.</summary>
    Unparseable,
}
