using System.Text.RegularExpressions;
using ReasonTrack.Naming;
using ReasonTrack.Reasoning.Modes;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// Rewrites the library's vocabulary in a message into this CLI's flags before it is printed: the library names option
/// properties (<c>ReasoningSetupOptions.Instruction</c>) and neutral phrases ("give a target description"), never
/// flags, so a C# caller reads the name it sets; a CLI user reads the flag to type. Phrases not listed here pass
/// unchanged (a new library message still reads correctly, only without the flag).
/// </summary>
internal static partial class CliVocabulary
{
    // Longest first where one phrase contains another.
    private static readonly (string Library, string Cli)[] Phrases =
    [
        ("give an initial box, a target description or ReasoningSetupOptions.Instruction", "give --init, --text or --instruction"),
        ("give an initial box, or a target description", "give --init x,y,w,h, or --text"),
        ("give a target description", "give --text"),
        ("needs a target description", "needs a description (--text)"),
        ("ReasoningSetupOptions.Instruction", "--instruction \"...\""),
        ("VlmClientOptions.BaseUrl must be", "--vlm-url must be"),
        ("at least one results folder", "at least one --results folder"),
        ("set EvaluationOptions.Missing = SkipSequence", "use --allow-missing"),
        ("evaluate with the pytracking datasetKey uav", "use --pytracking-dataset uav"),
        ("MakeDataRun.OutputFolder", "--out folder"),
        ("MakeDataRun.Limit", "--limit"),
        ("MakeDataOptions.Prompt = Think", "--prompt think"),
        ("MakeDataOptions.Prompt = Current|Legacy5k", "--prompt current|5k"),
        ("MakeDataOptions.Format = ", "--format "),
        ("(RewardScorerOptions.Localizer)", "(a VLM: --vlm-url and --model)"),
        ("RewardScorerOptions.ReplyField, e.g. output", "--field, e.g. --field output"),
    ];

    /// <summary>The message in this CLI's words.</summary>
    public static string ForCli(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        string s = ReasonerKindRegex().Replace(message, m =>
            Enum.TryParse<ReasonerKind>(m.Groups[1].Value, out var kind) ? "--reasoner " + Names.Reasoners.Name(kind) : m.Value);
        foreach (var (library, cli) in Phrases) s = s.Replace(library, cli, StringComparison.Ordinal);
        return s;
    }

    [GeneratedRegex(@"ReasoningSetupOptions\.Kind = (\w+)")]
    private static partial Regex ReasonerKindRegex();
}
