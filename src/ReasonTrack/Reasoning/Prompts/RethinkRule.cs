namespace ReasonTrack.Reasoning.Prompts;

/// <summary>
/// TrackGPT's rethinking rule as its paper describes it (no code was released, so this reading is ours): re-reason on
/// the current frame when the tracker's score falls below <c>factor x</c> its score on the first frame (paper: 0.5,
/// about 3% of frames).
/// </summary>
public static class RethinkRule
{
    public const double DefaultFactor = 0.5;

    /// <summary>True when <c>score &lt; factor * firstScore</c> (strict); NaN scores never trigger.</summary>
    public static bool ShouldRethink(double score, double firstScore, double factor = DefaultFactor) =>
        score < factor * firstScore;
}
