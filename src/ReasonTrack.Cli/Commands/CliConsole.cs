using Spectre.Console;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// Where Spectre.Console writes. Logs and pipes (redirected output) get plain text, wide enough that tables keep whole
/// names and headers: a console without ANSI, colour or interaction, 200 columns. Set up on first use
/// (<see cref="Ensure"/>), so a command that prints no Spectre output (<c>eval</c> into a pipe: its table is written by
/// <see cref="TerminalTable"/>'s plain renderer) does not pay for Spectre's start-up (about 10 ms of CPU, issue 15).
/// </summary>
internal static class CliConsole
{
    private static readonly Lock Gate = new();
    private static bool _ready;

    /// <summary>True when standard output is redirected (a file or a pipe): plain text.</summary>
    public static bool Plain { get; } = Console.IsOutputRedirected;

    /// <summary>Configures Spectre for this process if it is not yet; call before any Spectre output.</summary>
    public static void Ensure()
    {
        lock (Gate)
        {
            if (_ready) return;
            _ready = true;
            if (!Plain) return;
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Out = new AnsiConsoleOutput(Console.Out),
                Interactive = InteractionSupport.No,
            });
            AnsiConsole.Profile.Width = Width;
        }
    }

    /// <summary>The width of the plain console.</summary>
    public const int Width = 200;
}
