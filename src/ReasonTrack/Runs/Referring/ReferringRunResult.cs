namespace ReasonTrack.Runs.Referring;

/// <summary>What a <see cref="ReferringRun"/> did: videos resumed and tracked, failures, frames, and where the masks are.</summary>
public sealed record ReferringRunResult(int Resumed, int Tracked, IReadOnlyList<SequenceFailure> Failures, long Frames, double TrackingSeconds,
    IReadOnlyList<string> Warnings, string MasksDirectory)
{
    public bool Succeeded => Failures.Count == 0;
}
