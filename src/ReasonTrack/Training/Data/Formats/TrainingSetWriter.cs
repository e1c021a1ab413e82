namespace ReasonTrack.Training.Data.Formats;

/// <summary>
/// One trainer's file layout for a data set's rows. Images are already on disk beside the files, referenced by paths
/// relative to the data set folder; a writer either references them (the JSON layouts) or embeds their bytes (EasyR1
/// Parquet). Output is a pure function of the rows (fixed
/// property order, <c>\n</c> line ends, no timestamps), so equal rows give equal bytes. The base class checks what
/// every layout needs before a writer sees the rows, so a new layout cannot skip it.
/// </summary>
public abstract class TrainingSetWriter
{
    /// <summary>The <c>--format</c> value.</summary>
    public abstract string Key { get; }

    /// <summary>One line for <c>--help</c>.</summary>
    public abstract string Description { get; }

    /// <summary>
    /// True for GRPO layouts (EasyR1), whose <c>answer</c> is the ground truth a reward reads rather than a reply to
    /// imitate; rows that only make sense so (R1-Track's think prompt) are allowed only in these.
    /// </summary>
    public virtual bool RewardRows => false;

    /// <summary>Writes the rows (atomically) into <paramref name="folder"/>; returns the file names written.</summary>
    /// <param name="datasetName">Name under which a trainer's registry knows the set (LLaMA-Factory's <c>dataset_info.json</c> key).</param>
    /// <exception cref="InvalidOperationException">A row's <c>&lt;image&gt;</c> tags do not match its images (<see cref="TrainingSample.RequireImageTags"/>); nothing is written.</exception>
    public IReadOnlyList<string> Write(string folder, IReadOnlyList<TrainingSample> rows, string datasetName)
    {
        ArgumentNullException.ThrowIfNull(rows);
        TrainingSample.RequireImageTags(rows);
        return WriteRows(folder, rows, datasetName);
    }

    /// <summary>Lays out rows that passed the checks of <see cref="Write"/>.</summary>
    protected abstract IReadOnlyList<string> WriteRows(string folder, IReadOnlyList<TrainingSample> rows, string datasetName);
}
