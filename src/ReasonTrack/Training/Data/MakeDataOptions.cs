namespace ReasonTrack.Training.Data;

/// <summary>
/// Everything that decides a data set's content. Only these settings (and the dataset) decide the bytes: they are
/// written to <c>make-data.json</c> so a resumed run, a shard and a merge refuse to mix sets built differently. Where
/// the work runs (shard, jobs, limit on this run) is not part of it.
/// </summary>
public sealed record MakeDataOptions
{
    public TrainingRecipe Recipe { get; init; } = TrainingRecipe.R1Track;

    /// <summary>Seed of every draw (per-video streams are derived from it and the video name).</summary>
    public long Seed { get; init; }

    /// <summary>Pairs drawn per video (fewer when the video does not have enough usable frames).</summary>
    public int PairsPerVideo { get; init; } = 1;

    /// <summary>Output sides of R1-Track crops; with several, each pair draws one uniformly (the 100k set mixes 112/224/336/448).</summary>
    public IReadOnlyList<int> Sizes { get; init; } = [336];

    /// <summary>R1-Track crop factor range, U(min, max).</summary>
    public double MinScale { get; init; } = 2;

    public double MaxScale { get; init; } = 8;

    /// <summary>R1-Track centre shift as a fraction of the crop side, U(-s, s) per axis.</summary>
    public double MaxShift { get; init; } = 0.2;

    public R1TrackPromptVariant Prompt { get; init; } = R1TrackPromptVariant.Current;

    /// <summary>R1-Track frame sampling (see <see cref="R1TrackSampling"/> for why usable-frame sampling is the default).</summary>
    public R1TrackSampling Sampling { get; init; } = R1TrackSampling.UsableFrames;

    /// <summary>VPTracker: integer outline scales drawn with randint(min, max), both included (released: randint(2, 8), <c>dataset/sampling_dataset.py</c> ~40).</summary>
    public int MinOutlineScale { get; init; } = 2;

    public int MaxOutlineScale { get; init; } = 8;

    /// <summary>
    /// VPTracker: probability that the target is inside the outline, the row's <c>inbbox_ratio</c> (released: 0.9 in
    /// <c>data_preparation.sh</c>; the script's own default is 0.95).
    /// </summary>
    public double InsideProbability { get; init; } = 0.9;

    /// <summary>
    /// VPTracker: rows with the red outline (<c>--visual_prompt True</c> in <c>data_preparation.sh</c>, the released
    /// models); false writes the released rows without it (other prompt ending, <c>enable: false</c>).
    /// </summary>
    public bool VisualPrompt { get; init; } = true;

    /// <summary>ReasoningTrack: frames between the two frames of a pair (u).</summary>
    public int Interval { get; init; } = 50;

    /// <summary>ReasoningTrack: GRPO rows, or SFT rows answered by a teacher (<see cref="TeacherModel"/> required).</summary>
    public ReasoningTrackRows Rows { get; init; } = ReasoningTrackRows.Grpo;

    /// <summary>
    /// ReasoningTrack SFT: the teacher's model name and reply check, recorded so a folder is not resumed with another
    /// teacher (the server address is not recorded: it does not change what is asked).
    /// </summary>
    public string? Teacher { get; init; }

    /// <summary>
    /// ReasoningTrack SFT: the instruction the rows carry (and the teacher is asked with); null = the default,
    /// <see cref="ReasoningTrackSftInstruction.MultiLine"/> (797 of the 997 released rows). Null is not written to the
    /// settings file, so GRPO folders keep their settings; SFT front ends set it explicitly, so an SFT folder built
    /// before the choice existed (one-line instruction) is not resumed with the other one.
    /// </summary>
    public ReasoningTrackSftInstruction? SftInstruction { get; init; }

    /// <summary>The SFT instruction text for <see cref="SftInstruction"/> (a method: not part of the settings file).</summary>
    public string SftInstructionText() => SftInstruction switch
    {
        ReasoningTrackSftInstruction.OneLine => Reasoning.Prompts.ReasoningTrackPrompts.SftInstruction,
        _ => Reasoning.Prompts.ReasoningTrackPrompts.SftInstructionWithDecision,
    };

    /// <summary>Description used when the dataset has none for a video (null: such videos are skipped by the recipes that need one).</summary>
    public string? FallbackDescription { get; init; }

    public ImageFileFormat ImageFormat { get; init; } = ImageFileFormat.Jpeg;

    /// <summary>Output layout key (see <see cref="Formats.TrainingSetWriters"/>).</summary>
    public string Format { get; init; } = "easyr1";

    /// <summary>The only crop side of <see cref="R1TrackSampling.Released"/> (sampling_data.py's <c>resolution</c>).</summary>
    public const int ReleasedSize = 336;

    /// <summary>Throws <see cref="ArgumentException"/> with a user-facing message when a setting is out of range.</summary>
    public void Validate()
    {
        if (PairsPerVideo < 1) throw new InvalidSettingException("pairs-per-video", $"pairs per video must be at least 1, got {PairsPerVideo}");
        if (Sizes.Count == 0) throw new InvalidSettingException("size", "at least one output size is needed");
        foreach (int s in Sizes)
            if (s < 28 || s > 4096) throw new InvalidSettingException("size", $"output size must be between 28 and 4096 pixels, got {s}");
        if (!(MinScale > 0) || !(MaxScale >= MinScale) || !double.IsFinite(MaxScale)) throw new InvalidSettingException("scale", $"scale range must satisfy 0 < min <= max, got [{MinScale}, {MaxScale}]");
        if (!(MaxShift >= 0) || !double.IsFinite(MaxShift)) throw new InvalidSettingException("shift", $"shift must be a finite fraction >= 0, got {MaxShift}");
        if (MinOutlineScale < 1 || MaxOutlineScale < MinOutlineScale) throw new InvalidSettingException("outline-scale", $"outline scales must satisfy 1 <= min <= max, got [{MinOutlineScale}, {MaxOutlineScale}]");
        if (!(InsideProbability >= 0 && InsideProbability <= 1)) throw new InvalidSettingException("inside-probability", $"inside probability must be in [0, 1], got {InsideProbability}");
        if (Interval < 1) throw new InvalidSettingException("interval", $"interval must be at least 1 frame, got {Interval}");
        if (Recipe == TrainingRecipe.R1Track && Sampling == R1TrackSampling.Released)
        {
            // generation_data/sampling_data.py fixes these: resolution = 336, num_images = 2 (one pair), factor_min 2,
            // factor_max 8, offset_radio 0.2.
            if (Sizes.Count != 1 || Sizes[0] != ReleasedSize) throw new InvalidSettingException("size", $"released sampling writes {ReleasedSize} px crops only (generation_data/sampling_data.py), got {string.Join(",", Sizes)}");
            if (PairsPerVideo != 1) throw new InvalidSettingException("pairs-per-video", $"released sampling writes one pair per video (generation_data/sampling_data.py), got {PairsPerVideo}");
            if (MinScale != 2 || MaxScale != 8 || MaxShift != 0.2) throw new InvalidSettingException("scale", "released sampling uses factor U(2, 8) and shift 0.2 (generation_data/sampling_data.py)");
        }
        var writer = Formats.TrainingSetWriters.Get(Format);
        if (writer.Key == Formats.SwiftVpTrackerWriter.FormatKey && Recipe != TrainingRecipe.VpTracker)
            throw new InvalidSettingException("format", $"format '{writer.Key}' is the layout of VPTracker's ms-swift fork (rows with visual_prompt); {TrainingRecipes.Key(Recipe)} rows have none: use MakeDataOptions.Format = swift for stock ms-swift");
        // A think-prompt row's answer is GRPO ground truth (the bare box the think reward compares with the reply's
        // <answer>); as an SFT target it would teach a model to skip the <think>/<answer> tags its prompt demands.
        if (Recipe == TrainingRecipe.R1Track && Prompt == R1TrackPromptVariant.Think && !writer.RewardRows)
            throw new InvalidSettingException("prompt", $"MakeDataOptions.Prompt = Think writes GRPO rows whose answer is the bare box the think reward checks; format '{writer.Key}' would train it as the reply itself. Use MakeDataOptions.Format = easyr1 (or easyr1-jsonl), or MakeDataOptions.Prompt = Current|Legacy5k for supervised formats");
    }
}
