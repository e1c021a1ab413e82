using Microsoft.Extensions.AI;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Trackers;

namespace ReasonTrack.Reasoning.Modes;

/// <summary>
/// Assembles a <see cref="ReasoningSession"/> for a <see cref="ReasonerKind"/>: which visual tracker runs underneath
/// (the <c>identity</c> tracker, which holds the last box, when the VLM itself tracks), which reasoners watch the
/// frames, and who grounds the target when no initial box is given (the instruction, else the description with
/// R1-Track's grounding prompt).
/// </summary>
public static class ReasoningSetup
{
    /// <summary>The tracker to run under <paramref name="kind"/>: <c>identity</c> for the VLM-as-tracker modes, else <paramref name="requested"/>.</summary>
    public static string TrackerFor(ReasonerKind kind, string requested) =>
        kind is ReasonerKind.R1Track or ReasonerKind.VpTracker ? "identity" : requested;

    /// <summary>
    /// Which reading of a dataset's language file a run gives the mode: the override, else the released one. VPTracker:
    /// <see cref="Datasets.LanguageReading.WholeFile"/> (its <c>evaluation/tnllt_dataset.py</c> ~59, <c>f.read()</c>);
    /// every other mode: <see cref="Datasets.LanguageReading.FirstLine"/> (ReasoningTrack's DUTrack base reads one line;
    /// hybrid and instruction are ours and keep the first line).
    /// </summary>
    public static Datasets.LanguageReading LanguageReadingFor(ReasoningSetupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.LanguageReading ?? (options.Kind == ReasonerKind.VpTracker ? Datasets.LanguageReading.WholeFile : Datasets.LanguageReading.FirstLine);
    }

    /// <summary>The coordinate convention grounding uses: the override, else the one the model name implies.</summary>
    public static CoordinateConvention GroundingConvention(ReasoningSetupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return CoordinateConventions.ForModel(options.Model, options.Convention);
    }

    /// <summary>Checks what a kind needs before anything runs (a description, an instruction); throws ArgumentException naming the option.</summary>
    public static void Validate(ReasoningSetupOptions options, bool hasInitialBox, string? description)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Kind)
        {
            case ReasonerKind.ReasoningTrack when string.IsNullOrWhiteSpace(description):
                throw new ReasonTrackException("ReasoningSetupOptions.Kind = ReasoningTrack refines a description: give a target description (or use a dataset with a language file)");
            case ReasonerKind.VpTracker when string.IsNullOrWhiteSpace(description):
                throw new ReasonTrackException("ReasoningSetupOptions.Kind = VpTracker needs the target's description: give a target description (or use a dataset with a language file)");
            case ReasonerKind.Hybrid when string.IsNullOrWhiteSpace(description):
                throw new ReasonTrackException("ReasoningSetupOptions.Kind = Hybrid re-localizes with VPTracker, which needs the target's description: give a target description (or use a dataset with a language file)");
            case ReasonerKind.Instruction when string.IsNullOrWhiteSpace(options.Instruction):
                throw new ReasonTrackException("ReasoningSetupOptions.Kind = Instruction needs ReasoningSetupOptions.Instruction");
        }
        if (!hasInitialBox && options.Kind != ReasonerKind.Instruction && string.IsNullOrWhiteSpace(description))
            throw new ReasonTrackException("no initial box: give an initial box, or a target description (the first box is then grounded by the model)");
    }

    /// <summary>A session for one sequence (reasoners keep per-sequence state: make one per sequence).</summary>
    public static ReasoningSession CreateSession(ReasoningSetupOptions options, IChatClient client, ITracker tracker, ReasoningLog log, string? description)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(client);
        var grounding = GroundingConvention(options);
        var reasoners = new List<IFrameReasoner>();
        ITargetGrounder? grounder = string.IsNullOrWhiteSpace(description) ? null : new TextGrounder(client, grounding, options.ImageEncoding);
        bool hasText = !string.IsNullOrWhiteSpace(description);
        DescriptionRefiner Refiner() => new(client, options.Strategy, options.Triggers, options.ImageEncoding, options.Parsing);
        switch (options.Kind)
        {
            case ReasonerKind.ReasoningTrack:
                reasoners.Add(Refiner());
                break;
            case ReasonerKind.R1Track:
                reasoners.Add(new R1TrackReasoner(client, new R1TrackOptions
                {
                    Think = options.Think,
                    RejectBorderBoxes = options.RejectBorderBoxes,
                    Parsing = options.Parsing,
                    Convention = options.Convention ?? CoordinateConvention.Qwen25Absolute,
                    ImageEncoding = options.ImageEncoding ?? Media.ImageEncoding.ReleasedR1Track,
                }));
                break;
            case ReasonerKind.VpTracker:
                reasoners.Add(new VpTrackerReasoner(client, new VpTrackerOptions
                {
                    Role = VpTrackerRole.EveryFrame,
                    Parsing = options.Parsing,
                    Convention = options.Convention ?? CoordinateConvention.AbsoluteAsSent,
                    ImageEncoding = options.ImageEncoding ?? Media.ImageEncoding.ReleasedVpTracker,
                }));
                break;
            case ReasonerKind.Instruction:
                var instruction = new InstructionReasoner(client, new InstructionOptions
                {
                    Instruction = options.Instruction ?? throw new ReasonTrackException("ReasoningSetupOptions.Kind = Instruction needs ReasoningSetupOptions.Instruction"),
                    Convention = grounding,
                    ImageEncoding = options.ImageEncoding ?? Media.ImageEncoding.PreIssue11,
                });
                reasoners.Add(instruction);
                grounder = instruction;
                break;
            case ReasonerKind.Hybrid:
                reasoners.Add(new VpTrackerReasoner(client, new VpTrackerOptions
                {
                    Role = VpTrackerRole.Relocator,
                    Parsing = options.Parsing,
                    Convention = options.Convention ?? CoordinateConvention.AbsoluteAsSent,
                    ImageEncoding = options.ImageEncoding ?? Media.ImageEncoding.ReleasedVpTracker,
                }));
                if (hasText) reasoners.Add(Refiner());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "unknown reasoner");
        }
        return new ReasoningSession { Tracker = tracker, Reasoners = reasoners, Schedule = options.Schedule, Log = log, Grounder = grounder };
    }
}
