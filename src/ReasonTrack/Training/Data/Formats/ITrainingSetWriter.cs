namespace ReasonTrack.Training.Data.Formats;

/// <summary>
/// One trainer's file layout for a data set's rows. Writers only lay out text: images are already on disk beside
/// the files, referenced by paths relative to the data set folder. Output is a pure function of the rows (fixed
/// property order, <c>\n</c> line ends, no timestamps), so equal rows give equal bytes.
/// </summary>
public interface ITrainingSetWriter
{
    /// <summary>The <c>--format</c> value.</summary>
    string Key { get; }

    /// <summary>One line for <c>--help</c>.</summary>
    string Description { get; }

    /// <summary>Writes the rows (atomically) into <paramref name="folder"/>; returns the file names written.</summary>
    /// <param name="datasetName">Name under which a trainer's registry knows the set (LLaMA-Factory's <c>dataset_info.json</c> key).</param>
    IReadOnlyList<string> Write(string folder, IReadOnlyList<TrainingSample> rows, string datasetName);
}
