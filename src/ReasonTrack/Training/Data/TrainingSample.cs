namespace ReasonTrack.Training.Data;

/// <summary>
/// One training row before it is given a trainer's layout: the images (paths relative to the data set folder, forward
/// slashes), the user turn with its <c>&lt;image&gt;</c> placeholders, the expected reply, and columns some trainers read
/// besides (ReasoningTrack's GRPO reward reads <c>bbox1</c>, <c>pic1</c>, <c>pic2</c>). Keeping one neutral row lets
/// every output format be a small writer and lets shards be merged without knowing the format.
/// </summary>
public sealed record TrainingSample
{
    /// <summary>Stable identifier <c>&lt;video&gt;/&lt;pair&gt;</c>, unique in a data set.</summary>
    public required string Id { get; init; }

    /// <summary>
    /// Image files in the order of the placeholders in <see cref="Prompt"/>: relative to the data set folder, except in
    /// rows for VPTracker's ms-swift fork (<see cref="Formats.SwiftVpTrackerWriter"/>), which name the original frame files (absolute).
    /// </summary>
    public required IReadOnlyList<string> Images { get; init; }

    /// <summary>The system turn, when the format has one and the recipe uses it.</summary>
    public string? System { get; init; }

    /// <summary>
    /// A separate instruction (LLaMA-Factory alpaca's <c>instruction</c>, with <see cref="Prompt"/> as <c>input</c>), for
    /// recipes whose released files split the two (ReasoningTrack SFT); null when the prompt is the whole user turn.
    /// </summary>
    public string? Instruction { get; init; }

    /// <summary>The user turn (EasyR1's <c>problem</c>).</summary>
    public required string Prompt { get; init; }

    /// <summary>The expected reply (EasyR1's <c>answer</c>, the ground truth its reward reads).</summary>
    public required string Answer { get; init; }

    /// <summary>VPTracker rows: the <c>visual_prompt</c> object its ms-swift fork reads at load time (null elsewhere).</summary>
    public VpTrackerVisualPrompt? VisualPrompt { get; init; }

    /// <summary>Further columns, in output order (written by the formats that carry extra columns).</summary>
    public IReadOnlyList<ExtraColumn> Extra { get; init; } = [];

    /// <summary>The placeholder trainers replace by the next image.</summary>
    public const string ImageTag = "<image>";

    /// <summary>How many <see cref="ImageTag"/>s the user turn (instruction and prompt) holds.</summary>
    public int ImageTagCount => Count(Instruction) + Count(Prompt);

    /// <summary>
    /// <see cref="Formats.TrainingSetWriter.Write"/> calls this before any layout: EasyR1, LLaMA-Factory and ms-swift
    /// pair the n-th tag with the n-th image and reject (or silently misalign) rows where the counts differ, which
    /// would otherwise surface hours into training.
    /// </summary>
    /// <exception cref="InvalidOperationException">A row's tag count differs from its image count (names the row).</exception>
    public static void RequireImageTags(IEnumerable<TrainingSample> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var r in rows)
            if (r.ImageTagCount != r.Images.Count)
                throw new ReasonTrackException($"row {r.Id}: its user turn has {r.ImageTagCount} {ImageTag} tag(s) for {r.Images.Count} image(s); trainers pair tags with images one to one");
    }

    private static int Count(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        int n = 0;
        for (int i = text.IndexOf(ImageTag, StringComparison.Ordinal); i >= 0; i = text.IndexOf(ImageTag, i + ImageTag.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
