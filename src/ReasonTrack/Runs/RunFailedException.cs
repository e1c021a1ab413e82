namespace ReasonTrack.Runs;

/// <summary>Some sequences of a run failed (the message counts them; each was listed before): the others are saved.</summary>
public sealed class RunFailedException : ReasonTrackException
{
    public RunFailedException(string message, IReadOnlyList<SequenceFailure> failures) : base(message) => Failures = failures;

    public IReadOnlyList<SequenceFailure> Failures { get; }
}
