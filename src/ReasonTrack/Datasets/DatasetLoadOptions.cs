namespace ReasonTrack.Datasets;

/// <summary>What to load and how. Loaders ignore options that do not apply to their benchmark.</summary>
public sealed record DatasetLoadOptions
{
    /// <summary>Only these sequences, in this order (names as the benchmark spells them). Null = the loader's default list.</summary>
    public IReadOnlyList<string>? Sequences { get; init; }

    /// <summary>
    /// Which split's list to use when the benchmark ships several (<c>test</c> for LaSOT/TNL2K/TNLLT, <c>val</c> for
    /// GOT-10k). Null = the loader's default.
    /// </summary>
    public string? Split { get; init; }

    /// <summary>
    /// Refuse a folder that looks like another benchmark's layout (LaSOT, TNLLT and TNL2K share file names; TNLLT's
    /// absence flags have the opposite polarity), with a <see cref="DatasetMismatchException"/>. False loads it as
    /// the key says, whatever it looks like.
    /// </summary>
    public bool VerifyLayout { get; init; } = true;

    /// <summary>List frame files (false = annotations only, faster, and works without images).</summary>
    public bool ListFrames { get; init; } = true;
}
