namespace ReasonTrack.Datasets;

/// <summary>A loaded benchmark: its sequences in evaluation order and what its official toolkit expects.</summary>
public sealed class Dataset
{
    public Dataset(string key, string displayName, string root, IReadOnlyList<Sequence> sequences)
    {
        Key = key;
        DisplayName = displayName;
        Root = root;
        Sequences = sequences;
    }

    /// <summary>Registry key (<c>lasot</c>, <c>tnllt</c>, ...).</summary>
    public string Key { get; }

    /// <summary>Name as figures print it (e.g. "LaSOT").</summary>
    public string DisplayName { get; }

    public string Root { get; }

    public IReadOnlyList<Sequence> Sequences { get; }

    /// <summary>Attribute names in the order of the benchmark's attribute vectors (empty when it has none).</summary>
    public IReadOnlyList<string> AttributeNames { get; init; } = [];

    /// <summary>Short attribute names (e.g. "FOC"), parallel to <see cref="AttributeNames"/>.</summary>
    public IReadOnlyList<string> AttributeShortNames { get; init; } = [];

    /// <summary>The evaluation protocol of this benchmark's official toolkit (e.g. <c>lasot-matlab</c>).</summary>
    public string DefaultProtocol { get; init; } = "otb";

    /// <summary>Notes the loader wants the user to see (quirks applied, files missing but tolerated).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public Sequence? Find(string name) => Sequences.FirstOrDefault(s => s.Name == name);
}
