namespace ReasonTrack.Naming;

/// <summary>
/// One entry of a <see cref="Registry{T}"/>: its canonical name, the other names it answers to, and its value,
/// created on first use (built-ins cost nothing until asked for, as pytracking's registry imports a tracker only when
/// it is named).
/// </summary>
public sealed class RegistryEntry<T> where T : class
{
    private readonly Lazy<T> _value;

    internal RegistryEntry(string name, IReadOnlyList<string> aliases, Func<T> create)
    {
        Name = name;
        Aliases = aliases;
        _value = new Lazy<T>(create, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The canonical name (what listings show).</summary>
    public string Name { get; }

    /// <summary>Other names it answers to.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The value, created once on first use (thread-safe).</summary>
    public T Value => _value.Value;

    /// <summary>Whether <paramref name="name"/> is this entry's name or one of its aliases (case-insensitive).</summary>
    public bool Answers(string name) =>
        string.Equals(Name, name, StringComparison.OrdinalIgnoreCase) || Aliases.Contains(name, StringComparer.OrdinalIgnoreCase);
}
