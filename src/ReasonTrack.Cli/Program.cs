using ReasonTrack.Cli.Commands;
using Spectre.Console;

PhaseClock.Lap("process start to Main");

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

// The checkout's ../shared/models, unless the user set the variable (RepositoryLocations).
RepositoryLocations.ApplyDefaults();

var root = CliApp.CreateRoot();
PhaseClock.Lap("commands built");
int code = CliApp.Invoke(root, args);
PhaseClock.Lap("exit");
PhaseClock.Memory();
return code;
