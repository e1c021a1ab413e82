using ReasonTrack.Datasets;
using ReasonTrack.Evaluation;
using ReasonTrack.Evaluation.Protocols;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Vlm.Fleet;
using ReasonTrack.Results;

namespace ReasonTrack.Runs;

/// <summary>
/// What <c>reasontrack run</c> does, for code: a tracker (with or without reasoning) over a dataset through
/// <see cref="DatasetRunner"/> (resume, shard, jobs, failures, atomic results), then the evaluation of this shard's
/// sequences under the dataset's default protocol, returned as data (<see cref="BenchmarkRunResult.Evaluation"/>).
/// When the reasoning client is a <see cref="VlmFleet"/> its per-endpoint figures are written beside the results
/// (<see cref="VlmFleetStats.ShardFileName"/>) however the run ends.
/// <para>Two steps, as the CLI needs them: <see cref="Prepare"/> checks everything and decides what to resume without
/// writing; <see cref="Run"/> writes. Failed sequences do not throw: they are in the result's summary (and then no
/// evaluation is made); a configuration mismatch and an unreachable server do throw (see <see cref="DatasetRunner"/>).</para>
/// </summary>
public sealed class BenchmarkRun
{
    private readonly DatasetRunner _runner;

    private BenchmarkRun(DatasetRunner runner) => _runner = runner;

    public RunOptions Options => _runner.Options;

    /// <summary>This shard's sequences (<see cref="RunOptions.ShardSequences"/>).</summary>
    public IReadOnlyList<Sequence> Sequences { get; private init; } = [];

    /// <summary>The shard's sequences still to track.</summary>
    public IReadOnlyList<Sequence> Todo => _runner.Todo;

    /// <summary>The shard's sequences already done under the same configuration.</summary>
    public int Resumed => _runner.Resumed;

    /// <summary>This run's configuration (recorded beside the results when tracking starts).</summary>
    public RunConfiguration Configuration => _runner.Configuration;

    /// <summary>The reasoning client when it is a fleet (its figures are written when the run ends).</summary>
    public VlmFleet? Fleet => Options.Reasoning?.Client as VlmFleet;

    /// <summary>
    /// The name results are filed under by default: the tracker's name; with reasoning, the VLM-as-tracker modes by
    /// their own name (<c>r1track</c>, <c>vptracker</c>) and the others as <c>&lt;tracker&gt;-&lt;reasoner&gt;</c>.
    /// </summary>
    public static string DefaultResultName(string tracker, ReasonerKind? reasoner)
    {
        ArgumentException.ThrowIfNullOrEmpty(tracker);
        return reasoner switch
        {
            null => tracker,
            ReasonerKind.R1Track => "r1track",
            ReasonerKind.VpTracker => "vptracker",
            { } k => $"{tracker}-{k.ToString().ToLowerInvariant()}",
        };
    }

    /// <summary>Checks the tracker, settings, reasoning and any recorded configuration; decides what to resume. Writes nothing.</summary>
    /// <exception cref="RunConfigurationMismatchException">Resuming over results of another (or an unknown) configuration.</exception>
    public static BenchmarkRun Prepare(RunOptions options)
    {
        var runner = DatasetRunner.Prepare(options);
        return new BenchmarkRun(runner) { Sequences = options.ShardSequences };
    }

    /// <summary>Tracks <see cref="Todo"/> and evaluates the shard's sequences when none failed.</summary>
    /// <exception cref="RunConfigurationMismatchException">Another configuration recorded the folder first.</exception>
    /// <exception cref="Reasoning.Vlm.VlmRequestException">The server could not be reached at all.</exception>
    public BenchmarkRunResult Run(BenchmarkRunHooks? hooks = null)
    {
        var fleet = Fleet;
        string? figures = fleet is null ? null : Path.Combine(Options.ResultsDirectory, VlmFleetStats.ShardFileName(Options.ShardIndex, Options.ShardCount));
        try
        {
            int done = 0, todo = Todo.Count;
            var summary = _runner.Run(s =>
            {
                int n = Interlocked.Increment(ref done);
                hooks?.SequenceDone?.Invoke(new BenchmarkProgress(s, n, todo, _runner.Frames, _runner.TrackingSeconds));
            });
            var evaluation = summary.Failures.Count > 0 ? null : Evaluate();
            return new BenchmarkRunResult(summary, Sequences, evaluation, figures);
        }
        finally
        {
            // The figures are written however the run ends (also when the fleet could not answer at all).
            if (fleet is not null)
            {
                var stats = fleet.Stats();
                stats.WriteTo(Options.ResultsDirectory, Path.GetFileName(figures!));
                hooks?.FleetFigures?.Invoke(stats, figures!);
            }
        }
    }

    /// <summary>Prepares and runs in one call.</summary>
    public static BenchmarkRunResult Execute(RunOptions options, BenchmarkRunHooks? hooks = null) => Prepare(options).Run(hooks);

    /// <summary>The evaluation of this shard's sequences (all of them, resumed or tracked now) under the dataset's default protocol.</summary>
    public EvaluationReport Evaluate()
    {
        var o = Options;
        var ds = o.Dataset;
        var shard = new Dataset(ds.Key, ds.DisplayName, ds.Root, Sequences) { AttributeNames = ds.AttributeNames, AttributeShortNames = ds.AttributeShortNames, DefaultProtocol = ds.DefaultProtocol };
        return Evaluator.Evaluate(shard, [ResultSource()], ProtocolRegistry.Get(ds.DefaultProtocol, ds.Key));
    }

    /// <summary>This shard's results as the evaluator (and the HTML report) read them.</summary>
    public ResultSource ResultSource()
    {
        var o = Options;
        // The folder the locator reads: the pytracking layout's tracker folder (it finds the parameter folder), the Matlab one's own.
        string dir = o.Layout switch
        {
            ResultLayout.Pytracking => Path.Combine(o.OutputDirectory, o.ResultName),
            ResultLayout.MatlabToolkit => Path.Combine(o.OutputDirectory, o.ResultName + "_tracking_result"),
            _ => o.OutputDirectory,
        };
        return ResultLocator.Locate(o.ResultName, dir, Sequences.Select(s => s.Name).ToList());
    }
}
