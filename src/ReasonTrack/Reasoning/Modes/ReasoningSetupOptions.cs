using ReasonTrack.Reasoning.Parsing;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Reasoning.Vlm;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>Everything <see cref="ReasoningSetup"/> needs to assemble a reasoning run (the CLI's reasoning options).</summary>
public sealed record ReasoningSetupOptions
{
    public required ReasonerKind Kind { get; init; }

    /// <summary>The served model name; also picks the default coordinate convention.</summary>
    public required string Model { get; init; }

    public ScheduleMode Schedule { get; init; } = ScheduleMode.Sync;

    /// <summary>Overrides the coordinate convention chosen from the model name (and R1-Track's/VPTracker's own defaults).</summary>
    public CoordinateConvention? Convention { get; init; }

    /// <summary>R1-Track think mode.</summary>
    public bool Think { get; init; }

    /// <summary>
    /// Reply parsing of every mode: <see cref="ReplyParsing.Released"/> (default: exactly the released rules, so a
    /// fine-tuned model gives its published behaviour) or <see cref="ReplyParsing.Tolerant"/> (also reads fences, stray
    /// text, case variants, swapped corners and cut-off JSON, for models not trained on these formats).
    /// </summary>
    public ReplyParsing Parsing { get; init; } = ReplyParsing.Released;

    /// <summary>The refiner's triggers.</summary>
    public UpdateTriggerOptions Triggers { get; init; } = UpdateTriggerOptions.Released;

    public DescriptionStrategy Strategy { get; init; } = DescriptionStrategy.Initial;

    /// <summary>
    /// R1-Track: refuse answers touching the image border (<see cref="R1TrackOptions.RejectBorderBoxes"/>): the
    /// pre-0.680 behaviour; off by default, as released.
    /// </summary>
    public bool RejectBorderBoxes { get; init; }

    /// <summary>The implicit instruction (instruction mode).</summary>
    public string? Instruction { get; init; }

    /// <summary>
    /// How images are encoded, in every mode of the run; null (default) = each mode's released encoding
    /// (<see cref="Media.ImageEncoding"/>: ReasoningTrack the frame file's bytes labelled jpeg, R1-Track JPEG q95 4:2:0,
    /// VPTracker PNG; text grounding JPEG q95 and instruction mode JPEG q90, ours).
    /// </summary>
    public Media.ImageEncoding? ImageEncoding { get; init; }

    /// <summary>
    /// How a dataset's language file becomes the description (null: the mode's released reading,
    /// <see cref="ReasoningSetup.LanguageReadingFor"/>: the whole file for vptracker, the first line otherwise).
    /// </summary>
    public Datasets.LanguageReading? LanguageReading { get; init; }
}
