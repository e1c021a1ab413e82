namespace ReasonTrack.Datasets;

/// <summary>
/// The loaders of benchmarks that come in two layouts: the dataset as downloaded and the annotation folders of their
/// Matlab evaluation toolkit (LaSOT, TNLLT, TNL2K). Which layout a root holds is detected; what differs between the
/// benchmarks is configuration. A folder that carries another of these benchmarks' signature (see
/// <see cref="LayoutSignature"/>) is refused with a <see cref="DatasetMismatchException"/> naming both.
/// </summary>
public abstract class ToolkitBenchmarkLoader : IDatasetLoader
{
    public abstract string Key { get; }

    public abstract string Description { get; }

    /// <summary>Name figures print, e.g. "LaSOT".</summary>
    protected abstract string DisplayName { get; }

    /// <summary>Protocol key of the benchmark's official toolkit.</summary>
    protected abstract string DefaultProtocol { get; }

    protected abstract IReadOnlyList<string> Attributes { get; }

    protected abstract IReadOnlyList<string> AttributeShorts { get; }

    /// <summary>How this benchmark's toolkit folders are laid out.</summary>
    internal abstract ToolkitLayout ToolkitLayout { get; }

    /// <summary>Loads the dataset-as-downloaded layout.</summary>
    protected abstract List<Sequence> LoadDatasetLayout(string root, DatasetLoadOptions options, List<string> notes);

    public Dataset Load(string root, DatasetLoadOptions? options = null)
    {
        options ??= new DatasetLoadOptions();
        root = DatasetFiles.RequireFolder(root);
        var notes = new List<string>();
        string? annos = ToolkitLayout.FindAnnos(root);
        if (annos is not null && options.VerifyLayout) LayoutSignature.CheckToolkitFolders(Key, root, annos, ToolkitLayout.BoxFolder == "gt_rect");
        var sequences = annos is not null
            ? ToolkitLayout.Load(annos, options, notes)
            : LoadDatasetLayout(root, options, notes);
        if (options.VerifyLayout) LayoutSignature.CheckLoaded(Key, root, annos, ToolkitLayout.AbsentOneMeansVisible, sequences);
        return new Dataset(Key, DisplayName, root, sequences)
        {
            AttributeNames = Attributes,
            AttributeShortNames = AttributeShorts,
            DefaultProtocol = DefaultProtocol,
            Notes = notes,
        };
    }
}
