using ReasonTrack.Datasets.Davis;

namespace ReasonTrack.Datasets;

/// <summary>
/// A loader of a benchmark whose ground truth is masks in the DAVIS layout (one palette PNG per frame, one id per
/// object). Besides the box view of <see cref="IDatasetLoader.Load"/>, it gives the mask sequences that mask
/// protocols (<c>davis2017</c>) evaluate.
/// </summary>
public interface IMaskDatasetLoader : IDatasetLoader
{
    /// <summary>The mask protocol this benchmark's official toolkit uses (e.g. <c>davis2017</c>).</summary>
    string DefaultMaskProtocol { get; }

    /// <summary>The sequences of the split (<see cref="DatasetLoadOptions.Split"/>) in the list's order.</summary>
    /// <exception cref="IO.DataFormatException">A missing folder, list or annotation, naming it.</exception>
    DavisSequenceSet LoadMasks(string root, DatasetLoadOptions? options = null);
}
