using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace ReasonTrack.Tests.Training.Data;

/// <summary>
/// Reads a Parquet file with an <b>independent</b> reader: ParquetSharp, the .NET binding of Apache Arrow's C++
/// Parquet library, the one pyarrow (and so Hugging Face datasets) is built on, not the library that wrote it.
/// </summary>
internal sealed class ParquetTable
{
    public required Schema Schema { get; init; }
    public required IReadOnlyDictionary<string, string> Metadata { get; init; }
    public required long RowCount { get; init; }
    public required int RowGroups { get; init; }
    public required List<Row> Rows { get; init; }

    public sealed record Image(byte[]? Bytes, string? Path);

    public sealed record Row(IReadOnlyList<Image> Images, IReadOnlyDictionary<string, string?> Strings, IReadOnlyList<string> ColumnOrder);

    public static ParquetTable Read(string file)
    {
        using var reader = new ParquetSharp.Arrow.FileReader(file);
        var meta = reader.ParquetReader.FileMetaData;
        var schema = reader.Schema;
        var rows = new List<Row>();
        using var batches = reader.GetRecordBatchReader();
        while (batches.ReadNextRecordBatchAsync().AsTask().GetAwaiter().GetResult() is { } batch)
        {
            using (batch)
            {
                for (int i = 0; i < batch.Length; i++)
                {
                    var images = new List<Image>();
                    var strings = new Dictionary<string, string?>();
                    for (int c = 0; c < schema.FieldsList.Count; c++)
                    {
                        var field = schema.FieldsList[c];
                        switch (batch.Column(c))
                        {
                            case ListArray list when list.Values is StructArray st:
                                var bytes = (BinaryArray)st.Fields[st.Data.DataType is StructType t ? t.GetFieldIndex("bytes") : 0];
                                var paths = (StringArray)st.Fields[((StructType)st.Data.DataType).GetFieldIndex("path")];
                                for (int j = list.ValueOffsets[i]; j < list.ValueOffsets[i + 1]; j++)
                                    images.Add(new Image(bytes.IsNull(j) ? null : bytes.GetBytes(j).ToArray(), paths.GetString(j)));
                                break;
                            case StringArray s:
                                strings[field.Name] = s.GetString(i);
                                break;
                            default:
                                throw new InvalidDataException($"{file}: column {field.Name} has type {field.DataType}, not one this reader expects");
                        }
                    }
                    rows.Add(new Row(images, strings, schema.FieldsList.Select(f => f.Name).ToList()));
                }
            }
        }
        return new ParquetTable
        {
            Schema = schema,
            Metadata = meta.KeyValueMetadata.ToDictionary(kv => kv.Key, kv => kv.Value),
            RowCount = meta.NumRows,
            RowGroups = meta.NumRowGroups,
            Rows = rows,
        };
    }

    /// <summary>The rows as the JSONL layout writes them (images as their paths), for tests that check row content.</summary>
    public static List<JsonElement> RowsAsJson(string file) => Read(file).Rows.Select(r =>
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (string name in r.ColumnOrder)
            {
                if (name == "images")
                {
                    w.WriteStartArray(name);
                    foreach (var im in r.Images) w.WriteStringValue(im.Path);
                    w.WriteEndArray();
                }
                else w.WriteString(name, r.Strings[name]);
            }
            w.WriteEndObject();
        }
        return JsonDocument.Parse(buffer.ToArray()).RootElement.Clone();
    }).ToList();
}
