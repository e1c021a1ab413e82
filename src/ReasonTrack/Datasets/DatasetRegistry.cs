using ReasonTrack.Naming;
using ReasonTrack.Datasets.Davis;
using ReasonTrack.Datasets.Folder;
using ReasonTrack.Datasets.Got10k;
using ReasonTrack.Datasets.Lasot;
using ReasonTrack.Datasets.Otb;
using ReasonTrack.Datasets.Tnl2k;
using ReasonTrack.Datasets.Tnllt;
using ReasonTrack.Datasets.Vot;

namespace ReasonTrack.Datasets;

/// <summary>
/// Every dataset loader, by key (case-insensitive). <c>got10k</c> is accepted for <c>got10k-val</c>. User code adds its
/// own with <see cref="Register"/> (listed after the built-ins).
/// </summary>
public static class DatasetRegistry
{
    /// <summary>The registry behind this facade; built-ins are created on first use.</summary>
    public static Registry<IDatasetLoader> Registry { get; } = CreateBuiltIns();

    /// <summary>Every loader in registration order: built-ins, then user registrations.</summary>
    public static IReadOnlyList<IDatasetLoader> All => Registry.All;

    /// <summary>Registers a user loader under its <see cref="IDatasetLoader.Key"/> and <paramref name="aliases"/>.</summary>
    /// <exception cref="ReasonTrackException">The key or an alias is taken; the message names both loaders.</exception>
    public static void Register(IDatasetLoader loader, IReadOnlyList<string>? aliases = null)
    {
        ArgumentNullException.ThrowIfNull(loader);
        Registry.Register(loader.Key, loader, aliases);
    }

    /// <summary>The loader of <paramref name="key"/>.</summary>
    /// <exception cref="InvalidSettingException">Unknown key (setting <c>dataset</c>); the message lists the valid ones.</exception>
    public static IDatasetLoader Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Registry.Get(key);
    }

    private static Registry<IDatasetLoader> CreateBuiltIns()
    {
        var registry = new Registry<IDatasetLoader>("dataset", "dataset");
        registry.Register("lasot", [], () => new LasotLoader());
        registry.Register("tnllt", [], () => new TnlltLoader());
        registry.Register("tnl2k", [], () => new Tnl2kLoader());
        registry.Register("otb", [], () => new OtbLoader());
        registry.Register("got10k-val", ["got10k"], () => new Got10kLoader());
        registry.Register("vot", [], () => new VotLoader());
        registry.Register("folder", [], () => new FolderLoader());
        registry.Register("davis2017", ["davis"], () => new DavisLoader());
        return registry;
    }
}
