using ReasonTrack.Naming;

namespace ReasonTrack.Evaluation.Protocols;

/// <summary>
/// The named protocols, each reproducing one official toolkit. An entry is a factory given the dataset key (toolkits
/// with dataset switches use it; others ignore it), so each <see cref="Get(string)"/> returns a fresh protocol. User
/// code adds its own with <see cref="Register"/> (listed after the built-ins).
/// </summary>
public static class ProtocolRegistry
{
    /// <summary>The registry behind this facade: key to a factory taking the dataset key (may be null).</summary>
    public static Registry<Func<string?, IEvaluationProtocol>> Registry { get; } = CreateBuiltIns();

    /// <summary>The keys in registration order: built-ins, then user registrations.</summary>
    public static IReadOnlyList<string> Keys => Registry.Names;

    /// <summary>Registers a user protocol under <paramref name="key"/>; <paramref name="create"/> gets the dataset key (may be null).</summary>
    /// <exception cref="ReasonTrackException">The key or an alias is taken; the message names both protocols.</exception>
    public static void Register(string key, Func<string?, IEvaluationProtocol> create, IReadOnlyList<string>? aliases = null) =>
        Registry.Register(key, create, aliases);

    /// <summary>
    /// The protocol with this key, configured for a dataset where the toolkit has dataset switches (pytracking's
    /// <c>lasot</c>/<c>uav</c> branches).
    /// </summary>
    /// <exception cref="InvalidSettingException">Unknown key (setting <c>protocol</c>; the message lists the known ones).</exception>
    public static IEvaluationProtocol Get(string key, string? datasetKey) => Registry.Get(key)(datasetKey);

    /// <summary>The protocol with this key.</summary>
    /// <exception cref="InvalidSettingException">Unknown key (setting <c>protocol</c>; the message lists the known ones).</exception>
    public static IEvaluationProtocol Get(string key) => Get(key, null);

    private static Registry<Func<string?, IEvaluationProtocol>> CreateBuiltIns()
    {
        var registry = new Registry<Func<string?, IEvaluationProtocol>>("protocol", "protocol");
        registry.Register("lasot-matlab", _ => new LasotMatlabProtocol());
        registry.Register("tnllt-matlab", _ => new TnlltMatlabProtocol());
        registry.Register("tnl2k-matlab", _ => new Tnl2kMatlabProtocol());
        registry.Register("otb", _ => new OtbProtocol());
        registry.Register("pytracking", datasetKey => new PytrackingProtocol(datasetKey));
        registry.Register("got10k", _ => new Got10kProtocol());
        return registry;
    }
}
