using BenchmarkDotNet.Attributes;
using ReasonTrack.Datasets;
using ReasonTrack.Evaluation;
using ReasonTrack.Evaluation.Protocols;
using ReasonTrack.Geometry;
using ReasonTrack.Results;

namespace ReasonTrack.Benchmarks;

/// <summary>
/// One tracker on all 280 LaSOT test sequences under lasot-matlab (all three curves), from the files on disk:
/// loading annotations, reading results, evaluating, aggregating overall and per attribute. Results are synthetic
/// (ground truth shifted and scaled, written once in a temporary folder); annotations are ../shared/data/lasot.
/// </summary>
[MemoryDiagnoser]
public class LasotEvaluationBenchmark
{
    private string _annotations = "";
    private string _results = "";
    private Dataset _dataset = null!;
    private ResultSource _source = null!;
    private IEvaluationProtocol _protocol = null!;

    [GlobalSetup]
    public void Setup()
    {
        _annotations = SharedPaths.Require("data/lasot");
        _dataset = DatasetRegistry.Get("lasot").Load(_annotations, new DatasetLoadOptions { ListFrames = false });
        _results = Path.Combine(Path.GetTempPath(), "reasontrack-bench-lasot");
        var rng = new Random(1);
        foreach (var s in _dataset.Sequences)
        {
            var boxes = s.GroundTruth.Select(b => new Box(b.X + rng.Next(-8, 9), b.Y + rng.Next(-8, 9), b.W * (0.9 + 0.2 * rng.NextDouble()), b.H * (0.9 + 0.2 * rng.NextDouble()))).ToArray();
            ResultWriter.Write(ResultLayout.Plain, _results, "Bench", s.Name, boxes);
        }
        _protocol = ProtocolRegistry.Get("lasot-matlab");
        _source = ResultLocator.Locate("Bench", _results, _dataset.Sequences.Select(s => s.Name).ToList());
    }

    [Benchmark(Description = "evaluate 1 tracker x 280 LaSOT sequences (files read)")]
    public EvaluationReport EvaluateLasot() => Evaluator.Evaluate(_dataset, [_source], _protocol);

    [Benchmark(Description = "load LaSOT-280 annotations + evaluate")]
    public EvaluationReport LoadAndEvaluate()
    {
        var ds = DatasetRegistry.Get("lasot").Load(_annotations, new DatasetLoadOptions { ListFrames = false });
        return Evaluator.Evaluate(ds, [_source], _protocol);
    }
}
