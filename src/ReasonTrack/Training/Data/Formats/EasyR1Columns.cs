namespace ReasonTrack.Training.Data.Formats;

/// <summary>
/// The columns both EasyR1 layouts share, under the keys the EasyR1 configs name (<c>prompt_key: problem</c>,
/// <c>answer_key: answer</c>, <c>image_key: images</c>: <c>examples/config.yaml</c> lines 4-6 of the ReasoningTrack
/// fork, R1-Track's fork and upstream hiyouga/EasyR1; the dataclass defaults in <c>verl/trainer/config.py</c> say
/// <c>prompt</c>, which every released config overrides), then the extra columns in row order.
/// </summary>
internal static class EasyR1Columns
{
    public const string Images = "images";
    public const string Problem = "problem";
    public const string Answer = "answer";

    /// <summary>The <c>problem</c> text: the user turn, after the instruction when the row has one.</summary>
    public static string ProblemText(TrainingSample row) => row.Instruction is null ? row.Prompt : row.Instruction + "\n" + row.Prompt;

    /// <summary>
    /// The extra columns of a table: every name any row has, in order of first appearance (a row without one of them
    /// gets a null there, as a JSON line without that key would read).
    /// </summary>
    /// <exception cref="ReasonTrackException">A row names an extra column twice, or one that clashes with the fixed columns.</exception>
    public static IReadOnlyList<string> ExtraNames(IReadOnlyList<TrainingSample> rows)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var own = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in r.Extra)
            {
                if (e.Name is Images or Problem or Answer || !own.Add(e.Name))
                    throw new ReasonTrackException($"row {r.Id}: extra column '{e.Name}' clashes with another column of the row");
                if (seen.Add(e.Name)) names.Add(e.Name);
            }
        }
        return names;
    }
}
