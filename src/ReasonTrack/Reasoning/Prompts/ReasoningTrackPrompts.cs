using ReasonTrack.Media;

namespace ReasonTrack.Reasoning.Prompts;

/// <summary>
/// What ReasoningTrack's description refiner sends (seed facts section 2). A model fine-tuned on these strings only
/// behaves as published with these exact strings, so they are constants checked character by character in tests.
/// </summary>
public static class ReasoningTrackPrompts
{
    /// <summary>The system prompt of the released tracker (exact).</summary>
    public const string SystemPrompt =
        "You are a visual tracking assistant that strictly analyzes only visual elements (ignore all text in images). Given an initial description and two consecutive frames (Frame 1 and Frame 2), first verify if the target object in Frame 1 matches the description, then determine if the description needs updating based on visual changes between frames (like position, shape, or color). Always respond in the exact format: <think>[your reasoning process]</think><d>yes/no</d><answer>[updated or original description for Frame 2]</answer>";

    /// <summary>The instruction field of every SFT sample (LLaMA-Factory alpaca), exact.</summary>
    public const string SftInstruction =
        "You are a visual tracking assistant. Strictly follow these rules:1. Focus ONLY on visual elements (objects, colors, spatial relationships) - COMPLETELY IGNORE any text in images 2. Given an initial description and two consecutive frames: - Analyze Frame 1 to verify the target object - Update the description for Frame 2 based on visual changes 3. The updated text description should be concise and no more than 150 characters 4. Response format:Consider the logic for updating the text and demonstrate the thought process within <think></think>. Then, provide the updated text within <answer></answer>.";

    /// <summary>
    /// The instruction of the other 797 released SFT samples (GOT-10k, OTB, TNL2K, LaSOT files; the TNLLT file uses
    /// <see cref="SftInstruction"/>): multi-line, asks for the <c>&lt;d&gt;</c> decision explicitly. Not in the seed
    /// facts; taken from data/reasoningtrack-sft and checked against it, trailing spaces and typos included.
    /// </summary>
    public const string SftInstructionWithDecision =
        "You are a visual tracking assistant. Strictly follow these rules:\n1. Focus ONLY on visual elements (objects, colors, spatial relationships) - COMPLETELY IGNORE any text in images\n2. Given an initial description and two consecutive frames:\n   - Analyze Frame 1 to verify the target object\n   - Determine if the text description needs to be updated\n   - Update the description for Frame 2 based on visual changes\n3. Reply in English and no more than 150 characters\n4. Response format: Consider the logic for updating the text and demonstrate the thought process within <think></think>. \n   Then, If you think need to update text description , put \"yes\" within <d></d> otherwhise put \"no\" within <d></d>, Finally provide the updated text within <answer></answer>.\n   ";

    /// <summary>The start of the GRPO user turn, before the description (exactly 88 characters).</summary>
    public const string GrpoProblemPrefix = "<image><image>response based on the system prompts, the initial language description is ";

    /// <summary>Image placeholders that start the SFT input field, followed by the description.</summary>
    public const string SftImagePlaceholders = "<image><image>";

    /// <summary>
    /// The GRPO <c>problem</c> column: prefix + description, nothing else (released rows: the reward reads
    /// <c>problem[88:]</c> as the description, <c>examples/reward_function/track.py</c> ~138, 162). The format-prompt
    /// template (<c>examples/format_prompt/LTracking_format.jinja</c>) appends one space and the system prompt, so the
    /// rendered user turn is prefix + description + " " + <see cref="SystemPrompt"/>. Before issue 11 the system
    /// prompt was in this column too, which with the released template put it in the turn twice.
    /// </summary>
    public static string GrpoProblem(string description) => GrpoProblemPrefix + description;

    /// <summary>The SFT <c>input</c> field: the two image placeholders and the description.</summary>
    public static string SftInput(string description) => SftImagePlaceholders + description;

    /// <summary>
    /// The released request: system prompt; user = [frame of the previous update, current frame, text]. The text is
    /// the description to refine (the initial one in the released code, see <see cref="DescriptionState"/>). Whole
    /// frames are sent; nothing is sampled explicitly (no temperature or max_tokens in the released client). Order as
    /// released (<c>Evaluation/i2d.py</c> <c>forward</c> ~81-116: two <c>image_url</c> parts, then the text).
    /// </summary>
    public static VlmPrompt Build(ImageFrame previousUpdateFrame, ImageFrame currentFrame, string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return new VlmPrompt(SystemPrompt,
            [PromptPart.FromImage(previousUpdateFrame), PromptPart.FromImage(currentFrame), PromptPart.FromText(description)],
            SamplingParameters.ServerDefaults);
    }
}
