using System.Text.Json;
using ReasonTrack.IO;

namespace ReasonTrack.Training.Data.Formats;

/// <summary>
/// LLaMA-Factory's <c>dataset_info.json</c>, which registers a data file under a name (<c>--dataset &lt;name&gt;</c> with
/// <c>--dataset_dir</c> = the data set folder; image paths are resolved against it, the default <c>media_dir</c>).
/// Written beside the data with only this set's entry; to train on several, merge the entries into one file.
/// </summary>
internal static class LlamaFactoryDatasetInfo
{
    public const string FileName = "dataset_info.json";

    /// <param name="columns">LLaMA-Factory column role to the data file's key, in order.</param>
    public static void Write(string folder, string datasetName, string dataFile, string formatting, IReadOnlyList<(string Role, string Key)> columns)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, TrainingJson.Options(indented: true)))
        {
            w.WriteStartObject();
            w.WriteStartObject(datasetName);
            w.WriteString("file_name", dataFile);
            w.WriteString("formatting", formatting);
            w.WriteStartObject("columns");
            foreach (var (role, key) in columns) w.WriteString(role, key);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        AtomicFile.WriteAllBytes(Path.Combine(folder, FileName), buffer.ToArray());
    }
}
