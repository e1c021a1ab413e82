using ReasonTrack.IO;

namespace ReasonTrack.Datasets;

/// <summary>
/// A folder whose layout does not match the dataset key it was loaded with (e.g. LaSOT annotations loaded as TNLLT,
/// which reads their absence flags with the opposite polarity). Names the key given, the folder and the layout it
/// looks like.
/// </summary>
public sealed class DatasetMismatchException : DataFormatException
{
    public DatasetMismatchException(string folder, string givenKey, string likelyKey, string evidence)
        : base(folder, $"this folder does not match dataset '{givenKey}': it looks like {evidence}; load it as dataset '{likelyKey}'")
    {
        GivenKey = givenKey;
        LikelyKey = likelyKey;
    }

    /// <summary>The dataset key the folder was loaded with.</summary>
    public string GivenKey { get; }

    /// <summary>The key whose layout the folder looks like.</summary>
    public string LikelyKey { get; }
}
