namespace ReasonTrack.Naming;

/// <summary>
/// The one list of names of an enum's values that help text, parsing and error messages all use: each value has one
/// canonical name (shown in help and written to files) and may accept older spellings as aliases (parsed, never
/// shown). Matching is case-insensitive and ignores surrounding spaces.
/// </summary>
public sealed class NameTable<TEnum> where TEnum : struct, Enum
{
    private readonly (TEnum Value, string Name, string[] Aliases)[] _entries;

    /// <param name="setting">The setting these names are the values of, in library vocabulary (e.g. <c>coords</c>).</param>
    /// <param name="entries">Each value with its canonical name and accepted aliases.</param>
    public NameTable(string setting, params (TEnum Value, string Name, string[] Aliases)[] entries)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(setting);
        ArgumentNullException.ThrowIfNull(entries);
        Setting = setting;
        _entries = entries;
        // A loop, not LINQ: every enum's table is built at start-up, and LINQ over a tuple of each enum type costs its
        // own JIT compilation (issue 15: process start-up of the CLI).
        var names = new string[entries.Length];
        for (int i = 0; i < names.Length; i++) names[i] = entries[i].Name;
        Names = names;
    }

    /// <summary>The setting the values belong to (library vocabulary).</summary>
    public string Setting { get; }

    /// <summary>The canonical names, in table order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Every accepted spelling: canonical names first, then aliases.</summary>
    public IReadOnlyList<string> AllSpellings => Names.Concat(_entries.SelectMany(e => e.Aliases)).ToArray();

    /// <summary>The canonical name of a value.</summary>
    public string Name(TEnum value)
    {
        foreach (var e in _entries)
            if (EqualityComparer<TEnum>.Default.Equals(e.Value, value)) return e.Name;
        throw new ArgumentOutOfRangeException(nameof(value), value, $"no name for {typeof(TEnum).Name}.{value}");
    }

    /// <summary>The value of a canonical name or alias.</summary>
    public bool TryParse(string? text, out TEnum value)
    {
        string t = text?.Trim() ?? "";
        foreach (var e in _entries)
            if (string.Equals(e.Name, t, StringComparison.OrdinalIgnoreCase) || e.Aliases.Any(a => string.Equals(a, t, StringComparison.OrdinalIgnoreCase)))
            {
                value = e.Value;
                return true;
            }
        value = default;
        return false;
    }

    /// <summary>The value of a name; an unknown name throws <see cref="InvalidSettingException"/> listing the canonical names.</summary>
    public TEnum Parse(string? text) =>
        TryParse(text, out var v) ? v : throw new InvalidSettingException(Setting, $"{Setting} must be {Choices}, not '{text}'");

    /// <summary>The canonical names for a sentence after "must be": "a or b", "one of a, b, c".</summary>
    public string Choices => Names.Count switch
    {
        1 => Names[0],
        2 => $"{Names[0]} or {Names[1]}",
        _ => "one of " + string.Join(", ", Names),
    };
}
