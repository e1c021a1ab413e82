namespace ReasonTrack.Training.Rewards;

/// <summary>
/// One scored row as written to the score command's JSON lines (snake_case, absent components left out): the reward
/// and every component that went into it, so that a surprising mean can be traced to rows.
/// </summary>
public sealed record RewardRecord
{
    /// <summary>1-based row number in the input.</summary>
    public required int Row { get; init; }

    /// <summary>1-based line of the input where the row starts.</summary>
    public required int Line { get; init; }

    /// <summary>The reward's name (<see cref="RewardKindNames"/>).</summary>
    public required string Reward { get; init; }

    /// <summary>The value the trainer would see for this row.</summary>
    public required double Value { get; init; }

    // R1-Track
    /// <summary>R1-Track: why the box was not compared (empty, format, too_short, answer_not_json, unparseable), or null.</summary>
    public string? Gate { get; init; }

    public double? Giou { get; init; }

    /// <summary>R1-Track: the shaped GIoU r.</summary>
    public double? Shaped { get; init; }

    /// <summary>R1-Track think: the length term.</summary>
    public double? Length { get; init; }

    /// <summary>R1-Track think: the token count used.</summary>
    public int? Tokens { get; init; }

    /// <summary>R1-Track think: "input" (the row's response_length) or "estimate" (<see cref="ResponseLength.Estimate"/>).</summary>
    public string? TokensSource { get; init; }

    /// <summary>R1-Track: the answered box as <c>[x1, y1, x2, y2]</c>.</summary>
    public double[]? Box { get; init; }

    // Shared: R1-Track think and ReasoningTrack
    public int? Format { get; init; }

    // ReasoningTrack
    public int? Strict { get; init; }

    /// <summary>ReasoningTrack: the strict match's decision (trimmed, lower-cased), or null when it did not match.</summary>
    public string? D { get; init; }

    /// <summary>ReasoningTrack: the strict match's answer (the new description).</summary>
    public string? Answer { get; init; }

    /// <summary>ReasoningTrack judge: the decision read from the raw reply (released judge: first &lt;d&gt; anywhere, case-sensitive, else <c>no</c>).</summary>
    public string? JudgeD { get; init; }

    /// <summary>ReasoningTrack judge: the new description localized (the raw reply's first answer, or <c>tracking the object</c>).</summary>
    public string? JudgeAnswer { get; init; }

    /// <summary>ReasoningTrack judge: 1 or 0.</summary>
    public int? Judge { get; init; }

    /// <summary>ReasoningTrack judge: IoU with the new description.</summary>
    public double? Iou { get; init; }

    /// <summary>ReasoningTrack judge: IoU with the original description.</summary>
    public double? Iou2 { get; init; }

    /// <summary>ReasoningTrack judge: the shaped IoU (weight 0 in the overall reward).</summary>
    public double? IouShaped { get; init; }

    /// <summary>ReasoningTrack judge: the box found with the new description, <c>[x, y, w, h]</c>.</summary>
    public double[]? BoxNew { get; init; }

    /// <summary>ReasoningTrack judge: the box found with the original description, <c>[x, y, w, h]</c>.</summary>
    public double[]? BoxOriginal { get; init; }

    /// <summary>What a localizer or parser had to say (no box found, variants tolerated).</summary>
    public string? Note { get; init; }
}
