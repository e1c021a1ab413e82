using System.CommandLine;
using ReasonTrack.Cli.Commands;

// reasontrack: the command line of ReasonTrack. Commands only parse options, call the library and print.
var root = new RootCommand("ReasonTrack: reasoning-based vision-language object tracking and its evaluation toolkit.");
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(ProtocolsCommand.Create());
root.Subcommands.Add(DatasetsCommand.Create());
return root.Parse(args).Invoke();
