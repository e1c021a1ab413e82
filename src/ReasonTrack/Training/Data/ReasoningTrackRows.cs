namespace ReasonTrack.Training.Data;

/// <summary>Which ReasoningTrack rows to write.</summary>
public enum ReasoningTrackRows
{
    /// <summary>GRPO rows for EasyR1: problem, bbox1, pic1, pic2, answer.</summary>
    Grpo,

    /// <summary>SFT rows for LLaMA-Factory alpaca: instruction, input, output (a teacher's checked reply), images.</summary>
    Sft,
}
