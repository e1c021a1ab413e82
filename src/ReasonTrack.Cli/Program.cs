using ReasonTrack.Cli.Commands;

PhaseClock.Lap("process start to Main");

// reasontrack: the command line of ReasonTrack. Commands only parse options, call the library and print.
// Logs and pipes get plain text (CliConsole). eval sets Spectre up only if it uses it: into a pipe its table is
// written without Spectre (TerminalTable), which saves Spectre's start-up on the command most often scripted.
if (args.Length == 0 || args[0] != "eval") CliConsole.Ensure();

// The checkout's ../shared/models, unless the user set the variable (RepositoryLocations).
RepositoryLocations.ApplyDefaults();

var root = CliApp.CreateRoot(args);
PhaseClock.Lap("commands built");
int code = CliApp.Invoke(root, args);
PhaseClock.Lap("exit");
PhaseClock.Memory();
return code;
