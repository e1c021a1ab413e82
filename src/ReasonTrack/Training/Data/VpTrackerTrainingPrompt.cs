namespace ReasonTrack.Training.Data;

/// <summary>
/// The user turn of VPTracker's training rows (<c>dataset/sampling_dataset.py</c> ~45-55 with the visual prompt,
/// ~80-88 without). It is not the inference prompt (<see cref="Reasoning.Prompts.VpTrackerPrompts.InferencePromptTemplate"/>):
/// "Given the visual information of the target object &lt;template&gt;&lt;image&gt;&lt;/template&gt;, and the language
/// description of the target object &lt;ref&gt; {language.strip()} &lt;/ref&gt;." on one line, the outline's colour
/// named in the last sentence, and a final newline. The description is stripped as Python's <c>str.strip()</c> does.
/// </summary>
public static class VpTrackerTrainingPrompt
{
    private const string Head =
        "You are a visual object tracker.\nGiven the visual information of the target object <template><image></template>, and the language description of the target object <ref> ";

    private const string Middle =
        " </ref>.\n\nThen, detect the target object is in search image <search><image></search>.\n    1. determine whether the target is visible in the search image.\n    2. return the bounding box of its current position in the search image in the format [x_min, y_min, x_max, y_max]. \n\nPlease return the answer in JSON format, for example: ```json\n{\n  \"visible\": \"yes/no\", \n  \"bbox\":[x_min, y_min, x_max, y_max]\n}\n```.\n";

    /// <param name="language">The description (stripped here).</param>
    /// <param name="color">The outline's colour name as the row's <c>visual_prompt.color</c> holds it.</param>
    /// <param name="visualPrompt">Rows with the outline add the sentence about it.</param>
    public static string Text(string language, string color = VpTrackerVisualPrompt.ReleasedColor, bool visualPrompt = true)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(color);
        string text = Head + Reasoning.Parsing.PythonText.Strip(language) + Middle;
        return visualPrompt
            ? text + "\nPlease note that you should first search for the target within the " + color + " rectangular bounding box. If you cannot find it, then search for the target outside the rectangular bounding box.\n"
            : text;
    }
}
