using ReasonTrack.Evaluation;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Parsing;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Results;
using ReasonTrack.Training.Data;
using ReasonTrack.Training.Rewards;

namespace ReasonTrack.Naming;

/// <summary>
/// The name tables of every enum a user chooses by name: one canonical spelling per value (what help shows and files
/// record) and the older spellings still accepted as aliases. Front ends parse, list and report with these tables.
/// </summary>
public static class Names
{
    /// <summary>How a model writes boxes. <c>qwen25</c>, <c>absolute</c> are the spellings older releases used.</summary>
    public static NameTable<CoordinateConvention> Coords { get; } = new("coords",
        (CoordinateConvention.Qwen25Absolute, "qwen2.5", ["qwen25", "qwen2-5"]),
        (CoordinateConvention.Normalized1000, "normalized1000", ["qwen3", "qwen2"]),
        (CoordinateConvention.AbsoluteAsSent, "as-sent", ["absolute"]));

    /// <summary>Results file layouts.</summary>
    public static NameTable<ResultLayout> ResultLayouts { get; } = new("format",
        (ResultLayout.Plain, "plain", []),
        (ResultLayout.Pytracking, "pytracking", []),
        (ResultLayout.MatlabToolkit, "matlab", []),
        (ResultLayout.Got10k, "got10k", []),
        (ResultLayout.VpTracker, "vptracker", []));

    /// <summary>The reasoning systems.</summary>
    public static NameTable<ReasonerKind> Reasoners { get; } = new("reasoner",
        (ReasonerKind.ReasoningTrack, "reasoningtrack", []),
        (ReasonerKind.R1Track, "r1track", []),
        (ReasonerKind.VpTracker, "vptracker", []),
        (ReasonerKind.Instruction, "instruction", []),
        (ReasonerKind.Hybrid, "hybrid", []));

    /// <summary>How VLM calls are scheduled against the frame loop.</summary>
    public static NameTable<ScheduleMode> Schedules { get; } = new("schedule",
        (ScheduleMode.Sync, "sync", []),
        (ScheduleMode.Realtime, "realtime", []));

    /// <summary>The refiner's description strategies.</summary>
    public static NameTable<DescriptionStrategy> Strategies { get; } = new("strategy",
        (DescriptionStrategy.Initial, "initial", []),
        (DescriptionStrategy.Cascaded, "cascaded", []),
        (DescriptionStrategy.DynamicStatic, "dynamic-static", []),
        (DescriptionStrategy.StaticDynamic, "static-dynamic", []));

    /// <summary>How a dataset's language file becomes the description (reasoning runs).</summary>
    public static NameTable<Datasets.LanguageReading> LanguageReadings { get; } = new("language-reading",
        (Datasets.LanguageReading.FirstLine, "first-line", []),
        (Datasets.LanguageReading.WholeFile, "whole-file", []));

    /// <summary>Reply parsing modes.</summary>
    public static NameTable<ReplyParsing> Parsing { get; } = new("parsing",
        (ReplyParsing.Released, "released", []),
        (ReplyParsing.Tolerant, "tolerant", []));

    /// <summary>The refiner's triggers (a set: several may be named, comma-separated).</summary>
    public static NameTable<RefinerTrigger> Triggers { get; } = new("trigger",
        (RefinerTrigger.Motion, "motion", []),
        (RefinerTrigger.Interval, "interval", []),
        (RefinerTrigger.Confidence, "confidence", []));

    /// <summary>What an empty result file means to an evaluation.</summary>
    public static NameTable<EmptyResultPolicy> EmptyResults { get; } = new("empty-result",
        (EmptyResultPolicy.ToolkitBreak, "toolkit", []),
        (EmptyResultPolicy.SkipSequence, "skip", []),
        (EmptyResultPolicy.Error, "error", []));

    /// <summary>The GRPO rewards.</summary>
    public static NameTable<RewardKind> Rewards { get; } = new("reward",
        (RewardKind.R1Track, "r1track", []),
        (RewardKind.R1TrackThink, "r1track-think", []),
        (RewardKind.ReasoningTrackFormat, "reasoningtrack-format", []),
        (RewardKind.ReasoningTrackStrict, "reasoningtrack-strict", []),
        (RewardKind.ReasoningTrackJudge, "reasoningtrack-judge", []));

    /// <summary>ReasoningTrack training rows.</summary>
    public static NameTable<ReasoningTrackRows> Rows { get; } = new("rows",
        (ReasoningTrackRows.Grpo, "grpo", []),
        (ReasoningTrackRows.Sft, "sft", []));

    /// <summary>ReasoningTrack SFT instruction (make-data --sft-instruction).</summary>
    public static NameTable<ReasoningTrackSftInstruction> SftInstructions { get; } = new("sft-instruction",
        (ReasoningTrackSftInstruction.MultiLine, "multi-line", []),
        (ReasoningTrackSftInstruction.OneLine, "one-line", []));

    /// <summary>R1-Track prompt variants.</summary>
    public static NameTable<R1TrackPromptVariant> Prompts { get; } = new("prompt",
        (R1TrackPromptVariant.Current, "current", []),
        (R1TrackPromptVariant.Legacy5k, "5k", ["old5k", "legacy5k"]),
        (R1TrackPromptVariant.Think, "think", []));

    /// <summary>How request images are encoded (absent: each reasoning mode's released encoding).</summary>
    public static NameTable<ImageEncodingKind> ImageEncodings { get; } = new("image-encoding",
        (ImageEncodingKind.FileBytes, "file", ["file-bytes"]),
        (ImageEncodingKind.Jpeg, "jpeg", ["jpg"]),
        (ImageEncodingKind.Png, "png", []));

    /// <summary>R1-Track training-pair sampling.</summary>
    public static NameTable<R1TrackSampling> R1TrackSamplings { get; } = new("sampling",
        (R1TrackSampling.UsableFrames, "usable", []),
        (R1TrackSampling.Released, "released", []));

    /// <summary>Image file formats of training sets.</summary>
    public static NameTable<ImageFileFormat> ImageFormats { get; } = new("image-format",
        (ImageFileFormat.Jpeg, "jpg", ["jpeg"]),
        (ImageFileFormat.Png, "png", []));
    /// <summary>Refer-DAVIS17's expression files (annotator, first-frame or full-video).</summary>
    public static NameTable<Datasets.Referring.ReferDavisExpressions> ReferDavisExpressions { get; } = new("expressions",
        (Datasets.Referring.ReferDavisExpressions.Annotator1, "annot1", []),
        (Datasets.Referring.ReferDavisExpressions.Annotator1FullVideo, "annot1-full", ["annot1_full_video"]),
        (Datasets.Referring.ReferDavisExpressions.Annotator2, "annot2", []),
        (Datasets.Referring.ReferDavisExpressions.Annotator2FullVideo, "annot2-full", ["annot2_full_video"]));

    /// <summary>Which object keeps a pixel two masks cover when objects are merged into one label map.</summary>
    public static NameTable<Runs.Referring.MaskOverlapRule> MaskOverlapRules { get; } = new("overlap",
        (Runs.Referring.MaskOverlapRule.LowerIdWins, "lower-id", []),
        (Runs.Referring.MaskOverlapRule.HigherIdWins, "higher-id", []));
}
