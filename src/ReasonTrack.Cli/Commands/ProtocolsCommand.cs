using System.CommandLine;
using ReasonTrack.Evaluation.Protocols;

namespace ReasonTrack.Cli.Commands;

/// <summary><c>reasontrack protocols</c>: lists the evaluation protocols and their rules.</summary>
internal static class ProtocolsCommand
{
    public static Command Create()
    {
        var cmd = new Command("protocols", "List the evaluation protocols (each reproduces one official toolkit) and their rules.");
        cmd.SetAction(_ =>
        {
            foreach (var key in ProtocolRegistry.Keys)
            {
                var p = ProtocolRegistry.Get(key);
                Console.WriteLine($"{p.Key}");
                Console.WriteLine($"    {p.Description}");
            }
            // The mask protocol (its evaluator is not a box IEvaluationProtocol).
            Console.WriteLine(ReasonTrack.Evaluation.Masks.DavisEvaluator.ProtocolKey);
            Console.WriteLine($"    {ReasonTrack.Evaluation.Masks.DavisEvaluator.Description}");
            return 0;
        });
        cmd.WithExamples("reasontrack protocols", "reasontrack eval -d lasot -a /data/LaSOT -r results/mine -p pytracking",
            "reasontrack eval -d davis2017 -a /data/DAVIS -r results/masks -p davis2017");
        return cmd;
    }
}
