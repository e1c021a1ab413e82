using System.Globalization;

namespace ReasonTrack.Training.Data;

/// <summary>
/// The VPTracker training target exactly as the released builder writes it (<c>dataset/sampling_dataset.py</c>
/// ~59 and ~92): <c>```json</c>, <c>"visible": "yes"</c> or <c>"no"</c>, then the box as Python prints a list
/// (<c>[x1, y1, x2, y2]</c>), with <b>one</b> space before <c>"bbox"</c> in rows with the visual prompt and two in rows
/// without. The box follows <see cref="VpTrackerBox"/> (also for an invisible target: its own box, not zeros).
/// </summary>
public static class VpTrackerAnswer
{
    /// <summary>The reply text.</summary>
    /// <param name="visualPrompt">The row has the red outline (<c>--visual_prompt True</c>, the released default of <c>data_preparation.sh</c>).</param>
    public static string Format(VpTrackerBox box, bool visualPrompt = true)
    {
        string indent = visualPrompt ? " " : "  ";
        return string.Create(CultureInfo.InvariantCulture,
            $"```json\n{{\n  \"visible\": \"{(box.Visible ? "yes" : "no")}\",\n{indent}\"bbox\": [{box.X1}, {box.Y1}, {box.X2}, {box.Y2}]\n}}\n```");
    }
}
