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
    public static Command CreateRoot()
    {
        var help = new HelpOption();
        help.Action = new ExamplesHelpAction((HelpAction)help.Action!);
        // A plain Command named 'reasontrack' as the root, so help shows the command's name rather than the assembly's.
        var root = new Command("reasontrack", "ReasonTrack: reasoning-based vision-language object tracking and its evaluation toolkit.")
        {
            help,
            new VersionOption(),
        };
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ProtocolsCommand.Create());
        root.Subcommands.Add(DatasetsCommand.Create());
        root.Subcommands.Add(TrackCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(TrackersCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(ScoreCommand.Create());
        root.Subcommands.Add(MakeDataCommand.Create());

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
