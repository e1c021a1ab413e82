using ReasonTrack.Reasoning.Parsing;
using ReasonTrack.Reasoning.Prompts;

namespace ReasonTrack.Training.Data;

/// <summary>
/// The EasyR1 format-prompt template of ReasoningTrack's GRPO: our file, rendering exactly as the released
/// <c>ReasoningTrack/Reinforcement Learning/examples/format_prompt/LTracking_format.jinja</c> (one line, no final
/// newline: the row's <c>problem</c> trimmed, one space, the system prompt), which the released
/// <c>examples/config.yaml</c> selects with <c>data.format_prompt</c>. The <c>problem</c> column therefore holds
/// only the 88-character prefix and the description (<see cref="ReasoningTrackPrompts.GrpoProblem"/>), and the
/// released reward reads <c>problem[88:]</c> as the original description. make-data writes it beside GRPO rows.
/// </summary>
public static class ReasoningTrackFormatPrompt
{
    /// <summary>The file name (the released one, so that a copied <c>config.yaml</c> line keeps working).</summary>
    public const string FileName = "LTracking_format.jinja";

    /// <summary>The template text (Jinja2; <c>content</c> is the row's prompt column).</summary>
    public const string Template = "{{ content | trim }} " + ReasoningTrackPrompts.SystemPrompt;

    /// <summary>What the template renders for <paramref name="content"/>: Jinja's <c>trim</c> is Python's <c>str.strip()</c>.</summary>
    public static string Render(string content) => PythonText.Strip(content) + " " + ReasoningTrackPrompts.SystemPrompt;
}
