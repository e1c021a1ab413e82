using ReasonTrack.Trackers.Dcf;
using ReasonTrack.Trackers.External;
using ReasonTrack.Trackers.Identity;
using ReasonTrack.Trackers.NanoTrack;

namespace ReasonTrack.Trackers;

/// <summary>Trackers by name. <c>default</c> names the tracker a fresh install always has (no model weights needed).</summary>
public static class TrackerRegistry
{
    public static IReadOnlyList<ITrackerFactory> All { get; } =
    [
        new DcfTrackerFactory(),
        .. NanoTrackFactory.All,
        new IdentityTrackerFactory(),
        new ExternalTrackerFactory(),
    ];

    public static ITrackerFactory Get(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase) || f.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase))
        ?? throw new InvalidSettingException("tracker", $"unknown tracker '{name}'; known: {string.Join(", ", All.Select(f => f.Name))} (see 'reasontrack trackers')");

    /// <summary>
    /// Creates a tracker. Setting names match the tracker's declared ones ignoring case and '-' versus '_'
    /// (<c>found-threshold</c> = <c>found_threshold</c>), so users need not remember each tracker's spelling.
    /// </summary>
    public static ITracker Create(string name, IReadOnlyDictionary<string, string>? settings = null, TrackerContext? context = null)
    {
        var factory = Get(name);
        var canonical = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            var declared = factory.Settings.FirstOrDefault(s => Normalize(s.Name) == Normalize(key));
            canonical[declared?.Name ?? key] = value;
        }
        return factory.Create(canonical, context ?? new TrackerContext());
    }

    private static string Normalize(string settingName) => settingName.Replace('-', '_').ToLowerInvariant();
}
