using ReasonTrack.Naming;
using ReasonTrack.Trackers.Dcf;
using ReasonTrack.Trackers.External;
using ReasonTrack.Trackers.Identity;
using ReasonTrack.Trackers.NanoTrack;

namespace ReasonTrack.Trackers;

/// <summary>
/// Trackers by name. <c>default</c> names the tracker a fresh install always has (no model weights needed). User code
/// adds its own with <see cref="Register"/> (listed after the built-ins, created by name like them).
/// </summary>
public static class TrackerRegistry
{
    /// <summary>The registry behind this facade; built-ins are created on first use.</summary>
    public static Registry<ITrackerFactory> Registry { get; } = CreateBuiltIns();

    /// <summary>Every factory in registration order: built-ins, then user registrations.</summary>
    public static IReadOnlyList<ITrackerFactory> All => Registry.All;

    /// <summary>Registers a user tracker under its <see cref="ITrackerFactory.Name"/> and <see cref="ITrackerFactory.Aliases"/>.</summary>
    /// <exception cref="ReasonTrackException">The name or an alias is taken; the message names both trackers.</exception>
    public static void Register(ITrackerFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Registry.Register(factory.Name, factory, factory.Aliases);
    }

    /// <exception cref="InvalidSettingException">Unknown name (setting <c>tracker</c>); the message lists the known ones.</exception>
    public static ITrackerFactory Get(string name) => Registry.Get(name);

    private static Registry<ITrackerFactory> CreateBuiltIns()
    {
        var registry = new Registry<ITrackerFactory>("tracker", "tracker");
        registry.Register(DcfTracker.TrackerName, ["default"], () => new DcfTrackerFactory());
        foreach (var version in (NanoTrackVersion[])[NanoTrackVersion.V2, NanoTrackVersion.V3, NanoTrackVersion.V1])
            registry.Register("nanotrack-v" + (int)version, version == NanoTrackVersion.V2 ? ["nanotrack"] : [], () => new NanoTrackFactory(version));
        registry.Register("identity", [], () => new IdentityTrackerFactory());
        registry.Register("external", [], () => new ExternalTrackerFactory());
        registry.Register(DcfTracker.V1Name, [], DcfTrackerFactory.V1); // the previous default, kept for comparison (issue 15)
        return registry;
    }

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
