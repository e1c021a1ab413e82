using System.Text.Json;
using Apache.Arrow.Types;
using ReasonTrack.Media;
using ReasonTrack.Tests.Datasets;
using ReasonTrack.Training.Data;
using ReasonTrack.Training.Data.Formats;

namespace ReasonTrack.Tests.Training.Data;

/// <summary>
/// Issue 11 item 9: <c>--format easyr1</c> is Parquet with the images embedded, what the released EasyR1 forks load
/// (<c>load_dataset("parquet")</c>; <c>process_image</c> takes <c>{"bytes": ...}</c>, bytes or PIL, never a path).
/// Every file is read back by ParquetSharp (Arrow C++), not by the library that wrote it.
/// </summary>
public class EasyR1WriterTests
{
    /// <summary>A small picture whose pixels depend on <paramref name="k"/> (so every image differs).</summary>
    private static ImageFrame Picture(int k)
    {
        var f = new ImageFrame(16 + k % 5, 12, PixelFormat.Rgb24);
        for (int y = 0; y < f.Height; y++)
            for (int x = 0; x < f.Width; x++)
            {
                var p = f.Row(y).Slice(x * 3, 3);
                p[0] = (byte)(x * 13 + k); p[1] = (byte)(y * 17 + 3 * k); p[2] = (byte)((x ^ y) + 7 * k);
            }
        return f;
    }

    private static (TrainingSample[] Rows, Dictionary<string, ImageFrame> Pixels) Build(string folder, int count)
    {
        var store = new TrainingImageStore(folder, ImageFileFormat.Png);
        var pixels = new Dictionary<string, ImageFrame>();
        var rows = new TrainingSample[count];
        for (int i = 0; i < count; i++)
        {
            string video = $"video {i / 10}"; // a space: stored under the safe name video_0
            var a = Picture(2 * i);
            var b = Picture(2 * i + 1);
            string pa = store.Save(a, video, $"{i:D4}_1"), pb = store.Save(b, video, $"{i:D4}_2");
            pixels[pa] = a;
            pixels[pb] = b;
            rows[i] = new TrainingSample
            {
                Id = $"{video}/{i}", Images = [pa, pb], Prompt = $"<image><image>row {i}: where is it? ü", Answer = $"{i},2,3,4",
                Extra = [new ExtraColumn("bbox1", $"1,{i},3,4"), new ExtraColumn("pic1", pa), new ExtraColumn("pic2", pb)],
            };
        }
        return (rows, pixels);
    }

    [Fact]
    public void Easyr1_writes_parquet_with_the_images_embedded_as_the_hugging_face_image_struct()
    {
        using var tmp = new TempTree();
        var (rows, pixels) = Build(tmp.Root, 250);
        rows[3] = rows[3] with { Instruction = "do it" };
        TrainingSetWriters.Get("easyr1").Write(tmp.Root, rows, "set").ShouldBe(["train.parquet"]);

        var table = ParquetTable.Read(tmp["train.parquet"]);
        // Schema: the columns the forks' config names (problem, answer, images) and the reward's extra columns.
        table.Schema.FieldsList.Select(f => f.Name).ShouldBe(["images", "problem", "answer", "bbox1", "pic1", "pic2"]);
        var images = table.Schema.FieldsList[0].DataType.ShouldBeOfType<ListType>();
        var item = images.ValueDataType.ShouldBeOfType<StructType>();
        item.Fields.Select(f => f.Name).ShouldBe(["bytes", "path"]);
        item.Fields[0].DataType.ShouldBeOfType<BinaryType>(); // binary, not large_binary: datasets' Image struct
        item.Fields[1].DataType.ShouldBeOfType<StringType>();
        foreach (var f in table.Schema.FieldsList.Skip(1)) f.DataType.ShouldBeOfType<StringType>(f.Name);
        table.RowCount.ShouldBe(250);
        table.RowGroups.ShouldBe(3); // 100 rows a group
        table.Rows.Count.ShouldBe(250);

        // datasets' own metadata: images typed as a list of Image features, the rest as string values.
        using var hf = JsonDocument.Parse(table.Metadata["huggingface"]);
        var features = hf.RootElement.GetProperty("info").GetProperty("features");
        features.EnumerateObject().Select(p => p.Name).ShouldBe(["images", "problem", "answer", "bbox1", "pic1", "pic2"]);
        features.GetProperty("images")[0].GetProperty("_type").GetString().ShouldBe("Image");
        features.GetProperty("images").GetArrayLength().ShouldBe(1);
        features.GetProperty("pic2").GetProperty("dtype").GetString().ShouldBe("string");
        features.GetProperty("pic2").GetProperty("_type").GetString().ShouldBe("Value");

        for (int i = 0; i < rows.Length; i++)
        {
            var r = table.Rows[i];
            r.Images.Select(im => im.Path).ShouldBe(rows[i].Images);
            foreach (var im in r.Images) im.Bytes.ShouldBe(File.ReadAllBytes(Path.Combine(tmp.Root, im.Path!)), im.Path);
            r.Strings["problem"].ShouldBe(i == 3 ? "do it\n" + rows[i].Prompt : rows[i].Prompt);
            r.Strings["answer"].ShouldBe($"{i},2,3,4");
            r.Strings["bbox1"].ShouldBe($"1,{i},3,4");
            r.Strings["pic2"].ShouldBe(rows[i].Images[1]);
        }

        // The embedded bytes decode (ffmpeg) to the pixels that were stored.
        string decoded = tmp["decoded"];
        Directory.CreateDirectory(decoded);
        var picked = new[] { table.Rows[0].Images[0], table.Rows[137].Images[1], table.Rows[249].Images[0] };
        var files = picked.Select((im, k) => { string f = Path.Combine(decoded, $"{k}.png"); File.WriteAllBytes(f, im.Bytes!); return f; }).ToArray();
        for (int k = 0; k < picked.Length; k++)
        {
            // One ffmpeg pass per file: a pass over several files has one frame size (the first file's).
            using var got = FrameLoader.Load([files[k]], [0], TestContext.Current.CancellationToken)[0];
            var want = pixels[picked[k].Path!];
            (got.Width, got.Height).ShouldBe((want.Width, want.Height));
            got.Pixels.ToArray().ShouldBe(want.Pixels.ToArray(), picked[k].Path);
        }
        foreach (var p in pixels.Values) p.Dispose();
    }

    [Fact]
    public void The_file_is_a_pure_function_of_the_rows_and_an_empty_set_is_a_valid_empty_table()
    {
        using var tmp = new TempTree();
        var (rows, _) = Build(tmp.Root, 12);
        var writer = TrainingSetWriters.Get("easyr1");
        writer.Write(tmp.Root, rows, "set");
        byte[] first = File.ReadAllBytes(tmp["train.parquet"]);
        writer.Write(tmp.Root, rows, "other name");
        File.ReadAllBytes(tmp["train.parquet"]).ShouldBe(first);
        Directory.GetFiles(tmp.Root).Select(Path.GetFileName).ShouldBe(["train.parquet"]); // no temporary file left

        using var empty = new TempTree();
        writer.Write(empty.Root, [], "set");
        var table = ParquetTable.Read(empty["train.parquet"]);
        table.RowCount.ShouldBe(0);
        table.Schema.FieldsList.Select(f => f.Name).ShouldBe(["images", "problem", "answer"]);
    }

    [Fact]
    public void A_missing_image_or_a_row_with_other_columns_is_refused_and_the_file_there_is_kept()
    {
        using var tmp = new TempTree();
        var (rows, _) = Build(tmp.Root, 150);
        var writer = TrainingSetWriters.Get("easyr1");
        writer.Write(tmp.Root, rows, "set");
        byte[] before = File.ReadAllBytes(tmp["train.parquet"]);

        File.Delete(Path.Combine(tmp.Root, rows[120].Images[1]));
        var e = Should.Throw<ReasonTrackException>(() => writer.Write(tmp.Root, rows, "set"));
        e.Message.ShouldContain($"row {rows[120].Id}");
        e.Message.ShouldContain("0120_2.png is missing");
        File.ReadAllBytes(tmp["train.parquet"]).ShouldBe(before); // the failed write replaced nothing
        Directory.GetFiles(tmp.Root).Length.ShouldBe(1);

        var twice = new[] { rows[0] with { Extra = [new ExtraColumn("pic1", "x"), new ExtraColumn("pic1", "y")] } };
        Should.Throw<ReasonTrackException>(() => writer.Write(tmp.Root, twice, "set")).Message.ShouldContain($"row {rows[0].Id}: extra column 'pic1' clashes");
        var outside = new[] { rows[0] with { Images = ["../x.png", rows[0].Images[1]] } };
        Should.Throw<ReasonTrackException>(() => writer.Write(tmp.Root, outside, "set")).Message.ShouldContain("not a path inside the data set folder");
    }

    [Fact]
    public void Rows_with_other_extra_columns_share_one_table_with_nulls_where_a_row_has_none()
    {
        using var tmp = new TempTree();
        var (rows, _) = Build(tmp.Root, 3);
        rows[1] = rows[1] with { Extra = [new ExtraColumn("video", "v")] };
        rows[2] = rows[2] with { Extra = [] };
        TrainingSetWriters.Get("easyr1").Write(tmp.Root, rows, "set");
        var table = ParquetTable.Read(tmp["train.parquet"]);
        table.Schema.FieldsList.Select(f => f.Name).ShouldBe(["images", "problem", "answer", "bbox1", "pic1", "pic2", "video"]);
        table.Rows[0].Strings["video"].ShouldBeNull();
        table.Rows[1].Strings["video"].ShouldBe("v");
        table.Rows[1].Strings["bbox1"].ShouldBeNull();
        table.Rows[2].Strings["pic2"].ShouldBeNull();
    }

    [Fact]
    public void Think_rows_are_allowed_in_both_easyr1_layouts_only()
    {
        foreach (var w in TrainingSetWriters.All)
            w.RewardRows.ShouldBe(w.Key is "easyr1" or "easyr1-jsonl", w.Key);
    }
}
