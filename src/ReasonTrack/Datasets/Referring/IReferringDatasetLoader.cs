namespace ReasonTrack.Datasets.Referring;

/// <summary>
/// A loader of a referring benchmark (videos + expressions + masks). Registered in <see cref="DatasetRegistry"/> like
/// every loader; its <see cref="IDatasetLoader.Load"/> gives the plain view (<see cref="ReferringDataset.ToDataset"/>).
/// </summary>
public interface IReferringDatasetLoader : IDatasetLoader
{
    /// <summary>Loads the benchmark under <paramref name="root"/>. Bad files raise <see cref="IO.DataFormatException"/> naming the file (and line).</summary>
    ReferringDataset LoadReferring(string root, ReferringLoadOptions? options = null);
}
