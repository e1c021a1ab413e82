using ReasonTrack.Datasets.Folder;
using ReasonTrack.Datasets.Got10k;
using ReasonTrack.Datasets.Lasot;
using ReasonTrack.Datasets.Otb;
using ReasonTrack.Datasets.Tnl2k;
using ReasonTrack.Datasets.Tnllt;
using ReasonTrack.Datasets.Vot;

namespace ReasonTrack.Datasets;

/// <summary>Every dataset loader, by key (case-insensitive). <c>got10k</c> is accepted for <c>got10k-val</c>.</summary>
public static class DatasetRegistry
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase) { ["got10k"] = "got10k-val" };

    public static IReadOnlyList<IDatasetLoader> All { get; } =
    [
        new LasotLoader(), new TnlltLoader(), new Tnl2kLoader(), new OtbLoader(), new Got10kLoader(), new VotLoader(), new FolderLoader(),
    ];

    /// <summary>The loader of <paramref name="key"/>; unknown keys throw an <see cref="ArgumentException"/> listing the valid ones.</summary>
    public static IDatasetLoader Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        string k = Aliases.GetValueOrDefault(key.Trim(), key.Trim());
        return All.FirstOrDefault(l => l.Key.Equals(k, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidSettingException("dataset", 
                $"unknown dataset '{key}'; valid: {string.Join(", ", All.Select(l => l.Key).Concat(Aliases.Keys))}");
    }
}
