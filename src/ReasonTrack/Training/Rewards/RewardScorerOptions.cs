namespace ReasonTrack.Training.Rewards;

/// <summary>Where <see cref="RewardScorer"/> finds things in a row and outside it.</summary>
public sealed record RewardScorerOptions
{
    /// <summary>The field holding the model's reply: <c>response</c> (rollout dumps) by default, <c>output</c> for alpaca files.</summary>
    public string ReplyField { get; init; } = "response";

    /// <summary>The input file, named in every complaint about a row.</summary>
    public string SourcePath { get; init; } = "input";

    /// <summary>Folder that relative <c>pic1</c>/<c>pic2</c> paths are resolved against (default: the input file's folder).</summary>
    public string? ImageRoot { get; init; }

    /// <summary>The judge's localizer; required for <see cref="RewardKind.ReasoningTrackJudge"/> only.</summary>
    public ITargetLocalizer? Localizer { get; init; }
}
