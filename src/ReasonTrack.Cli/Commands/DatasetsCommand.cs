using System.CommandLine;
using ReasonTrack.Datasets;

namespace ReasonTrack.Cli.Commands;

/// <summary><c>reasontrack datasets</c>: lists the dataset keys and the layouts each reads.</summary>
internal static class DatasetsCommand
{
    public static Command Create()
    {
        var cmd = new Command("datasets", "List the dataset keys and the layouts each loader reads.");
        cmd.SetAction(_ =>
        {
            foreach (var l in DatasetRegistry.All)
            {
                Console.WriteLine(l.Key);
                Console.WriteLine($"    {l.Description}");
            }
            return 0;
        });
        cmd.WithExamples("reasontrack datasets", "reasontrack eval -d lasot -a /data/LaSOT -r results/mine");
        return cmd;
    }
}
