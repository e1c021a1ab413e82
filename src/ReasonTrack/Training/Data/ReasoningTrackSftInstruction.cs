namespace ReasonTrack.Training.Data;

/// <summary>
/// Which of the two released SFT instructions ReasoningTrack SFT rows carry (both from the released
/// <c>ReasoningTrack/Supervise fine-tuning/*.json</c>, LLaMA-Factory alpaca files).
/// </summary>
public enum ReasoningTrackSftInstruction
{
    /// <summary>
    /// The multi-line instruction that asks for the <c>&lt;d&gt;</c> decision
    /// (<see cref="Reasoning.Prompts.ReasoningTrackPrompts.SftInstructionWithDecision"/>): 797 of the 997 released rows
    /// (<c>sft_dataset_GOT-10k.json</c>, <c>_OTB</c>, <c>_TNL2K</c>, <c>_lasot</c>). The default.
    /// </summary>
    MultiLine,

    /// <summary>
    /// The one-line instruction without <c>&lt;d&gt;</c> (<see cref="Reasoning.Prompts.ReasoningTrackPrompts.SftInstruction"/>):
    /// the 200 rows of <c>sft_dataset_TNLLT.json</c>; what make-data wrote before issue 11.
    /// </summary>
    OneLine,
}
