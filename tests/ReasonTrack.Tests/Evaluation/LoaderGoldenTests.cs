using ReasonTrack.Datasets;
using ReasonTrack.Evaluation;
using ReasonTrack.Evaluation.Protocols;
using ReasonTrack.Results;
using static ReasonTrack.Tests.Evaluation.GoldenFixture;

namespace ReasonTrack.Tests.Evaluation;

/// <summary>
/// The whole path a user takes: the dataset loader reads the golden inputs (with its own polarity and layout
/// handling), the locator finds the results, the dataset's default protocol evaluates, and the summaries equal the
/// official toolkits' figures.
/// </summary>
public class LoaderGoldenTests
{
    [Theory]
    [InlineData("synthetic_lasot.json", "lasot", "lasot-matlab")]
    [InlineData("synthetic_tnllt.json", "tnllt", "tnllt-matlab")]
    [InlineData("synthetic_tnl2k.json", "tnl2k", "tnl2k-matlab")]
    public void Loading_with_the_registry_and_evaluating_with_the_default_protocol_reproduces_the_toolkit(string golden, string key, string protocolKey)
    {
        var g = Json(golden);
        string root = SharedData.Require(Path.Combine("golden", "inputs", key));
        var ds = DatasetRegistry.Get(key).Load(root, new DatasetLoadOptions { ListFrames = false });
        ds.DefaultProtocol.ShouldBe(protocolKey);
        ds.Sequences.Select(s => s.Name).ShouldBe(Strings(g.GetProperty("sequences")));
        var names = ds.Sequences.Select(s => s.Name).ToList();
        var sources = Strings(g.GetProperty("trackers")).Select(t => ResultLocator.Locate(t, Path.Combine(root, "results", t), names)).ToList();
        var report = Evaluator.Evaluate(ds, sources, ProtocolRegistry.Get(ds.DefaultProtocol, ds.Key));
        foreach (var t in report.Trackers)
        {
            var s = g.GetProperty("summary").GetProperty(t.Tracker);
            t.Overall.Success.Auc.ShouldBe(s.GetProperty("success").GetProperty("auc_mean_of_curve").GetDouble(), 1e-9);
            t.Overall.Precision.AtHeadline.ShouldBe(s.GetProperty("precision").GetProperty("at_idx21").GetDouble(), 1e-9);
            t.Overall.NormalizedPrecision.AtHeadline.ShouldBe(s.GetProperty("norm_precision").GetProperty("at_idx21").GetDouble(), 1e-9);
            t.Overall.NormalizedPrecision.Auc.ShouldBe(s.GetProperty("norm_precision").GetProperty("auc_mean_of_curve").GetDouble(), 1e-9);
            ShouldMatch(t.Overall.Success.MeanCurve, Doubles(s.GetProperty("success").GetProperty("mean_curve")), 1e-9, t.Tracker);
        }
    }
}
