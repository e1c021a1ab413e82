namespace ReasonTrack.Evaluation.Masks;

/// <summary>What a result PNG holding an id above the sequence's object count (255 included) does.</summary>
public enum DavisExtraObjectPolicy
{
    /// <summary>An error naming the file (the toolkit prints a line and exits with code 0, writing nothing).</summary>
    Error,

    /// <summary>Ours: the extra ids are ignored (treated as background), and a warning names the first file.</summary>
    Ignore,
}
