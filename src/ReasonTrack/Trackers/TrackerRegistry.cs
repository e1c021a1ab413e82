using ReasonTrack.Trackers.Dcf;
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
    ];

    public static ITrackerFactory Get(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase) || f.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown tracker '{name}'; known: {string.Join(", ", All.Select(f => f.Name))} (see 'reasontrack trackers')");

    public static ITracker Create(string name, IReadOnlyDictionary<string, string>? settings = null, TrackerContext? context = null) =>
        Get(name).Create(settings ?? new Dictionary<string, string>(), context ?? new TrackerContext());
}
