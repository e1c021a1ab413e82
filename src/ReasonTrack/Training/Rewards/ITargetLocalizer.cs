namespace ReasonTrack.Training.Rewards;

/// <summary>
/// Finds the target of a description in frame 2 for the ReasoningTrack judge. The released judge runs its
/// text-conditioned tracker (DUTrack) from frame 1; our trackers do not read text, so the judge depends on this
/// interface instead and <see cref="VlmGroundingLocalizer"/> implements it with a VLM grounding prompt. A
/// text-conditioned tracker can implement it later without touching the judge.
/// </summary>
public interface ITargetLocalizer
{
    /// <summary>Localizes <see cref="TargetLocalizationRequest.Description"/> in frame 2. Transport failures throw.</summary>
    Task<TargetLocation> LocateAsync(TargetLocalizationRequest request, CancellationToken cancellationToken = default);
}
