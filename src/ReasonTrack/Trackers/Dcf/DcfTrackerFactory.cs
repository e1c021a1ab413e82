namespace ReasonTrack.Trackers.Dcf;

/// <summary>
/// The <c>dcf</c> tracker (alias <c>default</c>): pure C# correlation filter with Staple's colour-histogram response,
/// scale and re-detection; or, with <see cref="V1"/>, the previous default <c>dcf-v1</c> (no colour histograms).
/// </summary>
public sealed class DcfTrackerFactory : ITrackerFactory
{
    private readonly DcfOptions _defaults;

    /// <summary>The default <c>dcf</c>.</summary>
    public DcfTrackerFactory() : this(DcfTracker.TrackerName, ["default"], new DcfOptions()) { }

    private DcfTrackerFactory(string name, IReadOnlyList<string> aliases, DcfOptions defaults)
    {
        Name = name;
        Aliases = aliases;
        _defaults = defaults;
        Settings = DcfOptions.SettingsWith(defaults);
    }

    /// <summary>The previous default, <c>dcf-v1</c>: the same filter without the colour-histogram response.</summary>
    public static DcfTrackerFactory V1() => new(DcfTracker.V1Name, [], DcfOptions.V1);

    public string Name { get; }

    public IReadOnlyList<string> Aliases { get; }

    public string Description => _defaults.HistogramMerge > 0
        ? "Discriminative correlation filter on fHOG + intensity (+ opponent colour on RGB) merged with Staple's " +
          "colour-histogram response, DSST scale filter, peak-to-sidelobe confidence and long-term re-detection; pure C#, CPU"
        : "The previous default dcf (kept for comparison): correlation filter on fHOG + intensity (+ opponent colour " +
          "on RGB), DSST scale filter, peak-to-sidelobe confidence and long-term re-detection, no colour histograms; pure C#, CPU";

    public IReadOnlyList<TrackerSetting> Settings { get; }

    public ITracker Create(IReadOnlyDictionary<string, string> settings, TrackerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new DcfTracker(DcfOptions.Parse(settings, _defaults), Name);
    }
}
