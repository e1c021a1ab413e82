namespace ReasonTrack.Datasets;

/// <summary>Loads one benchmark's layout. Implementations are stateless.</summary>
public interface IDatasetLoader
{
    /// <summary>Registry key, lower case (<c>lasot</c>, <c>tnllt</c>, <c>tnl2k</c>, <c>otb</c>, <c>got10k-val</c>, <c>vot</c>, <c>folder</c>).</summary>
    string Key { get; }

    /// <summary>One line on the layouts this loader reads.</summary>
    string Description { get; }

    /// <summary>Loads the dataset under <paramref name="root"/>. Bad files raise <see cref="IO.DataFormatException"/>.</summary>
    Dataset Load(string root, DatasetLoadOptions? options = null);
}
