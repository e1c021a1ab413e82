using ReasonTrack.Datasets;
using ReasonTrack.Evaluation;

namespace ReasonTrack.Runs;

/// <summary>
/// What a <see cref="BenchmarkRun"/> did: the runner's <see cref="RunSummary"/> (resumed, tracked, failures, frames,
/// warnings), the shard's sequences, and the evaluation of those sequences under the dataset's own protocol (the
/// data of the evaluation table; null when a sequence failed: the failed ones would be scored on partial results).
/// </summary>
public sealed record BenchmarkRunResult(RunSummary Summary, IReadOnlyList<Sequence> Sequences, EvaluationReport? Evaluation, string? FleetFiguresPath)
{
    /// <summary>No sequence failed.</summary>
    public bool Succeeded => Summary.Failures.Count == 0;
}
