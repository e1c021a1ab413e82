using System.CommandLine;

namespace ReasonTrack.Cli.Commands;

/// <summary>The "Examples:" block each command's help ends with (printed by <see cref="ExamplesHelpAction"/>).</summary>
internal static class HelpExamples
{
    private static readonly Dictionary<Command, string[]> ByCommand = [];

    /// <summary>Attaches examples (whole command lines) to a command; returns the command.</summary>
    public static Command WithExamples(this Command command, params string[] examples)
    {
        ByCommand[command] = examples;
        return command;
    }

    public static IReadOnlyList<string> For(Command command) => ByCommand.TryGetValue(command, out var e) ? e : [];
}
