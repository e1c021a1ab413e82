namespace ReasonTrack.Trackers.Identity;

public sealed class IdentityTrackerFactory : ITrackerFactory
{
    public string Name => "identity";
    public IReadOnlyList<string> Aliases => [];
    public string Description => "Always the initial box (a baseline and a pipeline check; no settings).";
    public IReadOnlyList<TrackerSetting> Settings => [];

    public ITracker Create(IReadOnlyDictionary<string, string> settings, TrackerContext context)
    {
        TrackerSettings.RejectUnknown(Name, settings, Settings);
        return new IdentityTracker();
    }
}
