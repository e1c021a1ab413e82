using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Text.RegularExpressions;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// The root command and its invocation: help with examples on every command, <c>reasontrack help [command]</c>, a bare
/// <c>reasontrack</c> printing the command list (exit 0), and parse errors (unknown option, missing or bad value) as one
/// 'error:' line with a pointer to the help, exit 2.
/// </summary>
internal static partial class CliApp
{
    /// <summary>The commands, by name, built on demand.</summary>
    private static readonly (string Name, Func<Command> Create)[] Commands =
    [
        ("eval", EvalCommand.Create),
        ("protocols", ProtocolsCommand.Create),
        ("datasets", DatasetsCommand.Create),
        ("track", TrackCommand.Create),
        ("run", RunCommand.Create),
        ("trackers", TrackersCommand.Create),
        ("report", ReportCommand.Create),
        ("score", ScoreCommand.Create),
        ("make-data", MakeDataCommand.Create),
    ];

    /// <summary>
    /// The root with every command, or, when <paramref name="args"/> starts with a command's name, with that command
    /// only (ours, for start-up time: building all nine commands' options costs more than many commands' work, e.g.
    /// the generic option types of track and make-data). Whatever the command does, prints or rejects is the same
    /// either way: its help, its errors and its run only involve itself and the root (tested). Anything else (no
    /// command, <c>help</c>, <c>--version</c>, a misspelt command, a response file) gets the whole tree.
    /// </summary>
    public static Command CreateRoot(IReadOnlyList<string>? args = null)
    {
        string? first = args is { Count: > 0 } ? args[0] : null;
        var only = Commands.FirstOrDefault(c => c.Name == first);
        var help = new HelpOption();
        help.Action = new ExamplesHelpAction((HelpAction)help.Action!);
        // A plain Command named 'reasontrack' as the root, so help shows the command's name rather than the assembly's.
        var root = new Command("reasontrack", "ReasonTrack: reasoning-based vision-language object tracking and its evaluation toolkit.")
        {
            help,
            new VersionOption(),
        };
        if (only.Create is not null)
        {
            root.Subcommands.Add(only.Create());
            return root;
        }
        foreach (var (_, create) in Commands) root.Subcommands.Add(create());

        var topic = new Argument<string[]>("command") { Description = "The command (and subcommand) to describe.", Arity = ArgumentArity.ZeroOrMore };
        var helpCommand = new Command("help", "Show the help of a command, e.g. 'reasontrack help eval'.") { topic };
        helpCommand.SetAction(parse =>
        {
            string[] path = parse.GetValue(topic) ?? [];
            Command at = root;
            foreach (string name in path)
            {
                var next = at.Subcommands.FirstOrDefault(c => c.Name == name || c.Aliases.Contains(name));
                if (next is null)
                {
                    Console.Error.WriteLine($"error: '{string.Join(' ', CommandPath(at))}' has no command '{name}'");
                    Console.Error.WriteLine("(see 'reasontrack help')");
                    return CliErrors.BadInput;
                }
                at = next;
            }
            return Invoke(root, [.. path, "--help"]);
        });
        root.Subcommands.Add(helpCommand.WithExamples("reasontrack help", "reasontrack help track", "reasontrack help make-data r1track"));
        root.SetAction(parse => Invoke(root, ["--help"]));
        root.WithExamples("reasontrack eval --example", "reasontrack track --example", "reasontrack help eval");
        return root;
    }

    public static int Invoke(Command root, IReadOnlyList<string> args)
    {
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            string command = string.Join(' ', CommandPath(parse.CommandResult.Command));
            Console.Error.WriteLine("error: " + Reword(parse.Errors[0].Message));
            Console.Error.WriteLine($"(see '{command} --help')");
            return CliErrors.BadInput;
        }
        return parse.Invoke();
    }

    /// <summary>System.CommandLine's conversion message in the user's words (no .NET type names).</summary>
    internal static string Reword(string message)
    {
        var m = ConversionError().Match(message);
        if (!m.Success) return message;
        string kind = m.Groups[3].Value switch
        {
            "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" => "a whole number",
            "System.Double" or "System.Nullable`1[System.Double]" => "a number",
            _ => "a valid value",
        };
        return $"{m.Groups[2].Value} must be {kind}, not '{m.Groups[1].Value}'";
    }

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for option '(.*)' as expected type '(.*)'\.?$")]
    private static partial Regex ConversionError();

    private static IEnumerable<string> CommandPath(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault()) names.Insert(0, c.Name);
        return names;
    }
}
