using System.Text.Json;
using ReasonTrack.Tests.Datasets;
using ReasonTrack.Training.Data;
using ReasonTrack.Training.Data.Formats;

namespace ReasonTrack.Tests.Training.Data;

/// <summary>Each output layout holds the keys its trainer reads, with the rows' content and relative image paths.</summary>
public class TrainingSetWriterTests
{
    private static readonly TrainingSample[] Rows =
    [
        new() { Id = "v/0000", Images = ["images/v/0000_template.jpg", "images/v/0000_search.jpg"], Prompt = "<image> <image>where is it? ü", Answer = "[1,2,3,4]",
                Extra = [new ExtraColumn("bbox1", "1,2,3,4"), new ExtraColumn("pic1", "images/v/0000_template.jpg")] },
        new() { Id = "v/0001", Images = ["a.jpg", "b.jpg"], Prompt = "<image><image>text", Answer = "x", System = "sys", Instruction = "do it" },
    ];

    private static JsonElement Parse(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();

    private static List<JsonElement> Lines(string path) => File.ReadLines(path).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public void EasyR1_jsonl_rows_have_image_paths_problem_answer_then_the_extra_columns()
    {
        using var tmp = new TempTree();
        TrainingSetWriters.Get("easyr1-jsonl").Write(tmp.Root, Rows, "set").ShouldBe(["train.jsonl"]);
        var lines = Lines(tmp["train.jsonl"]);
        lines[0].EnumerateObject().Select(p => p.Name).ShouldBe(["images", "problem", "answer", "bbox1", "pic1"]);
        lines[0].GetProperty("problem").GetString().ShouldBe("<image> <image>where is it? ü");
        lines[0].GetProperty("images")[1].GetString().ShouldBe("images/v/0000_search.jpg");
        lines[1].GetProperty("problem").GetString().ShouldBe("do it\n<image><image>text");
        // Readable text: the image tags are not escaped.
        File.ReadAllText(tmp["train.jsonl"]).ShouldContain("<image> <image>where is it? ü");
    }

    [Fact]
    public void Alpaca_rows_and_their_dataset_info_entry()
    {
        using var tmp = new TempTree();
        new LlamaFactoryAlpacaWriter().Write(tmp.Root, Rows, "reasontrack_x").ShouldBe(["train.json", "dataset_info.json"]);
        var rows = Parse(tmp["train.json"]);
        rows.GetArrayLength().ShouldBe(2);
        rows[0].GetProperty("instruction").GetString().ShouldBe(Rows[0].Prompt);
        rows[0].GetProperty("input").GetString().ShouldBe("");
        rows[0].GetProperty("output").GetString().ShouldBe("[1,2,3,4]");
        rows[1].GetProperty("instruction").GetString().ShouldBe("do it");
        rows[1].GetProperty("input").GetString().ShouldBe("<image><image>text");
        rows[1].GetProperty("system").GetString().ShouldBe("sys");
        var info = Parse(tmp["dataset_info.json"]).GetProperty("reasontrack_x");
        info.GetProperty("file_name").GetString().ShouldBe("train.json");
        info.GetProperty("formatting").GetString().ShouldBe("alpaca");
        var columns = info.GetProperty("columns");
        columns.GetProperty("prompt").GetString().ShouldBe("instruction");
        columns.GetProperty("query").GetString().ShouldBe("input");
        columns.GetProperty("response").GetString().ShouldBe("output");
        columns.GetProperty("images").GetString().ShouldBe("images");
        columns.GetProperty("system").GetString().ShouldBe("system");
    }

    [Fact]
    public void Sharegpt_rows_are_human_gpt_conversations_with_their_dataset_info_entry()
    {
        using var tmp = new TempTree();
        new LlamaFactorySharegptWriter().Write(tmp.Root, Rows[..1], "s");
        var row = Parse(tmp["train.json"])[0];
        var turns = row.GetProperty("conversations");
        turns[0].GetProperty("from").GetString().ShouldBe("human");
        turns[0].GetProperty("value").GetString().ShouldBe(Rows[0].Prompt);
        turns[1].GetProperty("from").GetString().ShouldBe("gpt");
        turns[1].GetProperty("value").GetString().ShouldBe("[1,2,3,4]");
        row.TryGetProperty("system", out _).ShouldBeFalse();
        var info = Parse(tmp["dataset_info.json"]).GetProperty("s");
        info.GetProperty("formatting").GetString().ShouldBe("sharegpt");
        info.GetProperty("columns").GetProperty("messages").GetString().ShouldBe("conversations");
    }

    [Fact]
    public void Swift_rows_are_role_messages_with_images()
    {
        using var tmp = new TempTree();
        new SwiftWriter().Write(tmp.Root, Rows, "s");
        var lines = Lines(tmp["train.jsonl"]);
        var m0 = lines[0].GetProperty("messages");
        m0.GetArrayLength().ShouldBe(2);
        m0[0].GetProperty("role").GetString().ShouldBe("user");
        m0[1].GetProperty("role").GetString().ShouldBe("assistant");
        m0[1].GetProperty("content").GetString().ShouldBe("[1,2,3,4]");
        lines[0].GetProperty("images").GetArrayLength().ShouldBe(2);
        var m1 = lines[1].GetProperty("messages");
        m1[0].GetProperty("role").GetString().ShouldBe("system");
        m1[1].GetProperty("content").GetString().ShouldBe("do it\n<image><image>text");
    }

    [Fact]
    public void Formats_are_found_by_key_and_unknown_keys_list_the_valid_ones()
    {
        TrainingSetWriters.Get("EasyR1").ShouldBeOfType<EasyR1Writer>();
        Should.Throw<InvalidSettingException>(() => TrainingSetWriters.Get("csv")).Message.ShouldContain("llamafactory-alpaca");
    }

    public static TheoryData<string> Writers => new(TrainingSetWriters.All.Select(w => w.Key));

    [Theory]
    [MemberData(nameof(Writers))]
    public void Every_writer_refuses_a_row_whose_image_tags_do_not_match_its_images(string key)
    {
        using var tmp = new TempTree();
        var writer = TrainingSetWriters.Get(key);
        // Tags may sit in the instruction or the prompt; both count. One tag short, and one tag too many.
        TrainingSample[] ok = [Rows[0], Rows[1] with { Instruction = "<image>do it", Prompt = "<image>text" }];
        if (key == "swift-vptracker") // the fork's layout needs VPTracker rows
            ok = [.. ok.Select(r => r with { VisualPrompt = new VpTrackerVisualPrompt { Scale = 2, TemplateBbox = [0, 0, 1, 1], SearchBbox = [0, 0, 1, 1] } })];
        foreach (string image in ok.SelectMany(r => r.Images)) tmp.Write(Path.Combine("ok", image), "image bytes"); // easyr1 embeds them
        writer.Write(tmp["ok"], ok, "set").ShouldNotBeEmpty();
        var short_ = Rows[0] with { Id = "v/short", Prompt = "<image>where is it?" };
        var extra = Rows[1] with { Id = "v/extra", Instruction = "<image>do it" };
        Should.Throw<ReasonTrackException>(() => writer.Write(tmp["a"], [Rows[0], short_], "set")).Message.ShouldContain("row v/short: its user turn has 1 <image> tag(s) for 2 image(s)");
        Should.Throw<ReasonTrackException>(() => writer.Write(tmp["b"], [extra], "set")).Message.ShouldContain("row v/extra: its user turn has 3 <image> tag(s)");
        (Directory.Exists(tmp["a"]) ? Directory.EnumerateFiles(tmp["a"]).Count() : 0).ShouldBe(0, "a refused write left files");
    }
}
