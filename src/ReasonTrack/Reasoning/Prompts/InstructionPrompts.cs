using ReasonTrack.Media;

namespace ReasonTrack.Reasoning.Prompts;

/// <summary>
/// TrackGPT-style instruction tracking: the target is given by an implicit instruction ("who will win the race?").
/// TrackGPT's code was never released, so this prompt is OURS: it asks the model to reason briefly about which object
/// the instruction refers to and to answer in the Qwen grounding style, so <see cref="Parsing.GroundingReply"/> reads
/// it (its first box is the target). Rethinking is <see cref="RethinkRule"/>.
/// </summary>
public static class InstructionPrompts
{
    /// <summary>Ours; <c>{instruction}</c> is the user's instruction.</summary>
    public const string GroundingPromptTemplate =
        "The instruction below refers to exactly one object in the image, possibly without naming it.\nInstruction: {instruction}\nFirst reason briefly about which object the instruction refers to. Then return the coordinates of that one object in JSON format: ```json\n[{\"bbox_2d\": [x1, y1, x2, y2], \"label\": \"short description of the object\"}]\n```";

    public static string GroundingPrompt(string instruction) =>
        GroundingPromptTemplate.Replace("{instruction}", instruction, StringComparison.Ordinal);

    /// <summary>
    /// The request on the first frame, or on the current frame when <see cref="RethinkRule"/> fires. Sampling is
    /// greedy with room for the short reasoning (ours).
    /// </summary>
    public static VlmPrompt Build(ImageFrame frame, string instruction) =>
        new(null, [PromptPart.FromImage(frame), PromptPart.FromText(GroundingPrompt(instruction))], new SamplingParameters(Temperature: 0, MaxTokens: 1024));
}
