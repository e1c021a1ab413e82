namespace ReasonTrack.Datasets.Davis;

/// <summary>A DAVIS set (<c>ImageSets/2017/&lt;set&gt;.txt</c>): its sequences in the list's order.</summary>
public sealed class DavisSequenceSet
{
    public DavisSequenceSet(string root, string set, IReadOnlyList<DavisSequence> sequences)
    {
        Root = root;
        Set = set;
        Sequences = sequences;
    }

    /// <summary>The DAVIS root (holding <c>JPEGImages</c>, <c>Annotations</c>, <c>ImageSets</c>).</summary>
    public string Root { get; }

    /// <summary>The set's name (<c>val</c>, <c>train</c>, <c>test-dev</c>, ...), used in the CSV file names.</summary>
    public string Set { get; }

    public IReadOnlyList<DavisSequence> Sequences { get; }

    /// <summary>Notes the loader wants the user to see.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public DavisSequence? Find(string name) => Sequences.FirstOrDefault(s => s.Name == name);
}
