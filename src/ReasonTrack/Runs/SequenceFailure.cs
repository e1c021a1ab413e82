namespace ReasonTrack.Runs;

/// <summary>A sequence that failed: its name and why. <see cref="ModelFailure"/> when its boxes were written but the model did not answer.</summary>
public sealed record SequenceFailure(string Sequence, string Reason, bool ModelFailure = false)
{
    public override string ToString() => $"{Sequence}: {Reason}";
}
