using ReasonTrack.Reasoning.Vlm.Fleet;

namespace ReasonTrack.Runs;

/// <summary>
/// How a <see cref="BenchmarkRun"/> reports while it works (the make-data split: <see cref="RunOptions"/> says what is
/// run and where, this says who is told). Nothing here changes what is written.
/// </summary>
public sealed record BenchmarkRunHooks
{
    /// <summary>Called after each tracked sequence, from worker threads (several at once with <see cref="RunOptions.Jobs"/> &gt; 1).</summary>
    public Action<BenchmarkProgress>? SequenceDone { get; init; }

    /// <summary>
    /// Called once when the run ends, normally or not, when the run's client is a <see cref="VlmFleet"/>: its
    /// per-endpoint figures and the file they were written to beside the results.
    /// </summary>
    public Action<VlmFleetStats, string>? FleetFigures { get; init; }
}
