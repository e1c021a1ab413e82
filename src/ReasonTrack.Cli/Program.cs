using System.CommandLine;
using ReasonTrack.Cli.Commands;
using Spectre.Console;

// reasontrack: the command line of ReasonTrack. Commands only parse options, call the library and print.
if (Console.IsOutputRedirected)
{
    // Logs and pipes get plain text, wide enough that tables keep whole names and headers.
    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Out = new AnsiConsoleOutput(Console.Out),
        Interactive = InteractionSupport.No,
    });
    AnsiConsole.Profile.Width = 200;
}

// A plain Command named 'reasontrack' as the root, so help shows the command's name rather than the assembly's.
var root = new Command("reasontrack", "ReasonTrack: reasoning-based vision-language object tracking and its evaluation toolkit.")
{
    new System.CommandLine.Help.HelpOption(),
    new VersionOption(),
};
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(ProtocolsCommand.Create());
root.Subcommands.Add(DatasetsCommand.Create());
root.Subcommands.Add(TrackCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(TrackersCommand.Create());
root.Subcommands.Add(ScoreCommand.Create());
root.Subcommands.Add(MakeDataCommand.Create());
return root.Parse(args).Invoke();
