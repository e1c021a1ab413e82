namespace ReasonTrack.Trackers.Dcf;

/// <summary>The <c>dcf</c> tracker (alias <c>default</c>): pure C# correlation filter with scale and re-detection.</summary>
public sealed class DcfTrackerFactory : ITrackerFactory
{
    public string Name => DcfTracker.TrackerName;

    public IReadOnlyList<string> Aliases { get; } = ["default"];

    public string Description =>
        "Discriminative correlation filter on fHOG + intensity (+ opponent colour on RGB), DSST scale filter, " +
        "peak-to-sidelobe confidence and long-term re-detection; pure C#, CPU";

    public IReadOnlyList<TrackerSetting> Settings => DcfOptions.Settings;

    public ITracker Create(IReadOnlyDictionary<string, string> settings, TrackerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new DcfTracker(DcfOptions.Parse(settings));
    }
}
