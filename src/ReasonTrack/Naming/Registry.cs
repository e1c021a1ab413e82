using System.Diagnostics.CodeAnalysis;

namespace ReasonTrack.Naming;

/// <summary>
/// Named things a user chooses by name (trackers, dataset loaders, evaluation protocols), the one registry type they
/// all share. Entries keep registration order (built-ins first, then what user code registered); names and aliases
/// are matched ignoring case and surrounding blanks; a name or alias already taken is refused
/// (<see cref="ReasonTrackException"/> naming both entries); values are created lazily on first use. Thread-safe:
/// registration takes a lock and publishes a new snapshot, lookups read the current snapshot without locking.
/// </summary>
public sealed class Registry<T> where T : class
{
    private readonly object _gate = new();
    private volatile RegistryEntry<T>[] _entries = [];

    /// <param name="kind">What an entry is, for messages (<c>tracker</c>, <c>dataset</c>, <c>protocol</c>).</param>
    /// <param name="setting">The setting an unknown name is reported against (<see cref="InvalidSettingException.Setting"/>).</param>
    public Registry(string kind, string setting)
    {
        Kind = kind;
        Setting = setting;
    }

    /// <summary>What an entry is, for messages.</summary>
    public string Kind { get; }

    /// <summary>The setting an unknown name is reported against.</summary>
    public string Setting { get; }

    /// <summary>Every entry in registration order (values not created).</summary>
    public IReadOnlyList<RegistryEntry<T>> Entries => _entries;

    /// <summary>The canonical names in registration order.</summary>
    public IReadOnlyList<string> Names => Array.ConvertAll(_entries, e => e.Name);

    /// <summary>Every value in registration order (creates those not yet created).</summary>
    public IReadOnlyList<T> All => Array.ConvertAll(_entries, e => e.Value);

    /// <summary>Registers a ready value.</summary>
    /// <exception cref="ReasonTrackException">The name or an alias is already taken; the message names both entries.</exception>
    public RegistryEntry<T> Register(string name, T value, IReadOnlyList<string>? aliases = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Register(name, aliases ?? [], () => value);
    }

    /// <summary>Registers a value created on first use by <paramref name="create"/>.</summary>
    /// <exception cref="ReasonTrackException">The name or an alias is already taken; the message names both entries.</exception>
    public RegistryEntry<T> Register(string name, IReadOnlyList<string> aliases, Func<T> create)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        ArgumentNullException.ThrowIfNull(create);
        string canonical = CheckName(name);
        var others = aliases.Select(CheckName).ToArray();
        var spellings = new[] { canonical }.Concat(others).ToArray();
        var repeated = spellings.GroupBy(s => s, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new ReasonTrackException($"cannot register {Kind} '{canonical}': it names '{repeated.Key}' twice");
        var entry = new RegistryEntry<T>(canonical, others, create);
        lock (_gate)
        {
            var current = _entries;
            foreach (var spelling in spellings)
            {
                var taken = Array.Find(current, e => e.Answers(spelling));
                if (taken is not null)
                    throw new ReasonTrackException(
                        $"cannot register {Kind} '{canonical}': the name '{spelling}' is already taken by {Kind} '{taken.Name}'" +
                        (taken.Aliases.Count > 0 ? $" (aliases {string.Join(", ", taken.Aliases)})" : ""));
            }
            _entries = [.. current, entry];
        }
        return entry;
    }

    /// <summary>The entry answering to <paramref name="name"/> (its name or an alias), if any.</summary>
    public bool TryGetEntry(string? name, [NotNullWhen(true)] out RegistryEntry<T>? entry)
    {
        entry = null;
        if (string.IsNullOrWhiteSpace(name)) return false;
        string n = name.Trim();
        entry = Array.Find(_entries, e => e.Answers(n));
        return entry is not null;
    }

    /// <summary>The value answering to <paramref name="name"/>, if any.</summary>
    public bool TryGet(string? name, [NotNullWhen(true)] out T? value)
    {
        value = TryGetEntry(name, out var entry) ? entry.Value : null;
        return value is not null;
    }

    /// <summary>The entry answering to <paramref name="name"/>.</summary>
    /// <exception cref="InvalidSettingException">Unknown name; the message lists the known ones (against <see cref="Setting"/>).</exception>
    public RegistryEntry<T> GetEntry(string name) =>
        TryGetEntry(name, out var entry) ? entry
            : throw new InvalidSettingException(Setting, $"unknown {Kind} '{name}'; known: {string.Join(", ", Known())}");

    /// <summary>The value answering to <paramref name="name"/>.</summary>
    /// <exception cref="InvalidSettingException">Unknown name; the message lists the known ones.</exception>
    public T Get(string name) => GetEntry(name).Value;

    private IEnumerable<string> Known() =>
        _entries.Select(e => e.Aliases.Count == 0 ? e.Name : $"{e.Name} ({string.Join(", ", e.Aliases)})");

    private string CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ReasonTrackException($"a {Kind} needs a non-empty name");
        return name.Trim();
    }
}
