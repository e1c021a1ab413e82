using System.Text;
using System.Text.Json;
using Parquet;
using Parquet.Schema;
using Parquet.Serialization;
using ReasonTrack.IO;

namespace ReasonTrack.Training.Data.Formats;

/// <summary>
/// <c>easyr1</c>: what the released EasyR1 forks load: <c>train.parquet</c> with the images <b>embedded</b>.
/// Both forks (ReasoningTrack: <c>ReasoningTrack/Reinforcement Learning/verl/utils/dataset.py</c> lines 116-123;
/// R1-Track: <c>EasyR1/verl/utils/dataset.py</c> lines 112-118) read a local path only with
/// <c>load_dataset("parquet", ...)</c>, and their <c>process_image</c> (lines 58-62 / 56-60) opens a dict's
/// <c>"bytes"</c>, raw bytes or a PIL image, never a path. Columns, in order:
/// <list type="bullet">
/// <item><c>images</c>: <c>list&lt;struct&lt;bytes: binary, path: string&gt;&gt;</c>, the Hugging Face datasets
/// <c>Image</c> struct; <c>bytes</c> = the stored image file's bytes (JPEG or PNG as written under <c>images/</c>),
/// <c>path</c> = its path relative to the folder (a name only: the bytes are what is read);</item>
/// <item><c>problem</c>, <c>answer</c>, then the extra columns (ReasoningTrack's <c>bbox1</c>, <c>pic1</c>,
/// <c>pic2</c>; R1-Track's <c>video</c>, <c>frames</c>, ...), all strings as in the JSON layouts (a row without
/// one of the table's extra columns has a null there).</item>
/// </list>
/// The file carries Hugging Face's <c>huggingface</c> key-value metadata (<c>{"info": {"features": {"images":
/// [{"_type": "Image"}], ...: {"dtype": "string", "_type": "Value"}}}}</c>), the form <c>datasets</c> writes itself,
/// so <c>datasets</c> types <c>images</c> as a list of <c>Image</c> features and hands the trainer PIL images (the
/// hub data sets EasyR1 was written against arrive so). The forks' <c>process_image</c> copes either way: PIL
/// images with the metadata, <c>{"bytes", "path"}</c> dicts without it (our choice: with, so that any
/// <c>datasets</c>-based tool shows images). Row groups of 100 rows (the size <c>datasets</c> uses for image
/// columns), Snappy compression (the Parquet default; the JPEG/PNG bytes barely shrink). Give the trainer the file,
/// <c>data.train_files=&lt;folder&gt;/train.parquet</c>: the folder also holds JSON and image files, which a
/// folder-wide <c>data_dir</c> load would try to read too. The bytes are a pure function of the rows and the stored
/// images (no timestamps; Parquet.Net's <c>created_by</c> names only its version).
/// </summary>
public sealed class EasyR1Writer : TrainingSetWriter
{
    public const string FileName = "train.parquet";

    /// <summary>Rows per row group (and per batch read from disk, so memory stays bounded on large sets).</summary>
    public const int RowGroupRows = 100;

    /// <summary>The key of Hugging Face datasets' schema metadata.</summary>
    public const string HuggingFaceMetadataKey = "huggingface";

    public override string Key => "easyr1";

    public override string Description =>
        "EasyR1 Parquet, what the released forks load (ReasoningTrack's and R1-Track's verl/utils/dataset.py: load_dataset(\"parquet\"), images only as bytes): train.parquet with images embedded as the Hugging Face Image struct {bytes, path}, problem, answer, extra columns as strings; data.train_files=<out>/train.parquet";

    public override bool RewardRows => true;

    protected override IReadOnlyList<string> WriteRows(string folder, IReadOnlyList<TrainingSample> rows, string datasetName)
    {
        var extra = EasyR1Columns.ExtraNames(rows);
        var schema = Schema(extra);
        var metadata = new Dictionary<string, string> { [HuggingFaceMetadataKey] = FeaturesJson(extra) };
        string root = Path.GetFullPath(folder);
        AtomicFile.Write(Path.Combine(root, FileName), fs =>
        {
            // Parquet.Net appends a row group to the file already in the stream (it rereads the footer), so only
            // one group's images are in memory at a time. An empty set is one empty row group: a valid table.
            for (int start = 0; start == 0 || start < rows.Count; start += RowGroupRows)
            {
                var group = new List<IDictionary<string, object?>>(Math.Min(RowGroupRows, rows.Count - start));
                for (int i = start; i < rows.Count && i < start + RowGroupRows; i++) group.Add(Row(root, rows[i], extra));
                fs.Position = 0;
                var options = new ParquetOptions { Append = start > 0, RowGroupSize = RowGroupRows };
                ParquetSerializer.SerializeUntypedAsync(group, schema, fs, options, metadata).GetAwaiter().GetResult();
            }
        });
        return [FileName];
    }

    /// <summary>The table's schema: the images list of Image structs, problem, answer, then the extra columns.</summary>
    public static ParquetSchema Schema(IReadOnlyList<string> extraColumns)
    {
        ArgumentNullException.ThrowIfNull(extraColumns);
        var fields = new List<Field>
        {
            // The three-level LIST layout (images / list / element), as pyarrow writes it.
            new ListField(EasyR1Columns.Images, new StructField("element", new DataField<byte[]>("bytes"), new DataField<string>("path"))),
            new DataField<string>(EasyR1Columns.Problem),
            new DataField<string>(EasyR1Columns.Answer),
        };
        fields.AddRange(extraColumns.Select(n => new DataField<string>(n)));
        return new ParquetSchema(fields);
    }

    /// <summary>The <c>huggingface</c> metadata value: the table's <c>datasets</c> features.</summary>
    public static string FeaturesJson(IReadOnlyList<string> extraColumns)
    {
        ArgumentNullException.ThrowIfNull(extraColumns);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("info");
            w.WriteStartObject("features");
            // A one-element JSON list is datasets' form for a list feature; every datasets version reads it.
            w.WriteStartArray(EasyR1Columns.Images);
            w.WriteStartObject();
            w.WriteString("_type", "Image");
            w.WriteEndObject();
            w.WriteEndArray();
            foreach (string name in new[] { EasyR1Columns.Problem, EasyR1Columns.Answer }.Concat(extraColumns))
            {
                w.WriteStartObject(name);
                w.WriteString("dtype", "string");
                w.WriteString("_type", "Value");
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Dictionary<string, object?> Row(string root, TrainingSample r, IReadOnlyList<string> extra)
    {
        var images = new List<IDictionary<string, object?>>(r.Images.Count);
        foreach (string relative in r.Images)
        {
            string file = Path.GetFullPath(Path.Combine(root, relative));
            if (Path.IsPathRooted(relative) || !file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new ReasonTrackException($"row {r.Id}: image '{relative}' is not a path inside the data set folder {root}");
            if (!File.Exists(file))
                throw new ReasonTrackException($"row {r.Id}: image {file} is missing; rerun make-data (a deleted image is not rebuilt unless its video's part under parts/ is deleted too)");
            images.Add(new Dictionary<string, object?> { ["bytes"] = (ReadOnlyMemory<byte>)File.ReadAllBytes(file), ["path"] = relative });
        }
        var row = new Dictionary<string, object?>
        {
            [EasyR1Columns.Images] = images,
            [EasyR1Columns.Problem] = EasyR1Columns.ProblemText(r),
            [EasyR1Columns.Answer] = r.Answer,
        };
        foreach (string name in extra) row[name] = null;
        foreach (var e in r.Extra) row[e.Name] = e.Value;
        return row;
    }
}
