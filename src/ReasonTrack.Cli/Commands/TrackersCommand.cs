using System.CommandLine;
using ReasonTrack.Trackers;

namespace ReasonTrack.Cli.Commands;

/// <summary><c>reasontrack trackers</c>: tracker names, aliases and settings.</summary>
internal static class TrackersCommand
{
    public static Command Create()
    {
        var cmd = new Command("trackers", "List the trackers, their aliases, whether each reads text, and the settings each accepts (--set name=value).");
        cmd.SetAction(_ =>
        {
            foreach (var f in TrackerRegistry.All)
            {
                Console.WriteLine(f.Aliases.Count > 0 ? $"{f.Name} (also: {string.Join(", ", f.Aliases)})" : f.Name);
                Console.WriteLine($"    {f.Description}");
                Console.WriteLine(f.ReadsText ? "    reads text: yes (given the description, and each refined one with --reasoner reasoningtrack)" : "    reads text: no (visual only)");
                foreach (var s in f.Settings) Console.WriteLine($"    --set {s.Name}=<{s.Default}>  {s.Description}");
            }
            return 0;
        });
        cmd.WithExamples("reasontrack trackers", "reasontrack track --example -t dcf --set learning-rate=0.03 --set scales=0");
        return cmd;
    }
}
