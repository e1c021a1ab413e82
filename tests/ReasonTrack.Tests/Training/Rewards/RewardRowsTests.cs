using ReasonTrack.IO;
using ReasonTrack.Training.Rewards;

namespace ReasonTrack.Tests.Training.Rewards;

/// <summary>Reading rows: JSON array or JSON lines, with the line of each row and of each fault.</summary>
public sealed class RewardRowsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("reasontrack-rows-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        string p = Path.Combine(_dir, name);
        File.WriteAllText(p, content);
        return p;
    }

    [Fact]
    public void Json_lines_keep_their_line_numbers_and_skip_blank_lines()
    {
        var rows = RewardRows.Read(Write("a.jsonl", "{\"response\": \"x\"}\n\n  \n{\"response\": \"y\"}\r\n"));
        rows.Select(r => (r.Number, r.Line)).ShouldBe([(1, 1), (2, 4)]);
        rows[1].Data.GetProperty("response").GetString().ShouldBe("y");
    }

    [Fact]
    public void A_json_array_gives_each_row_the_line_it_starts_on()
    {
        var rows = RewardRows.Read(Write("a.json", "\uFEFF[\n  {\"output\": \"x\"},\n  {\n    \"output\": \"y\"\n  }\n]\n"));
        rows.Select(r => (r.Number, r.Line)).ShouldBe([(1, 2), (2, 3)]);
        rows[1].Data.GetProperty("output").GetString().ShouldBe("y");
    }

    [Theory]
    [InlineData("{\"response\": \"x\"}\n{\"response\": \"y\"\n", 2, "invalid JSON line")]
    [InlineData("{\"response\": \"x\"}\n[1, 2]\n", 2, "row 2 is a JSON Array, not an object")]
    [InlineData("[\n{\"output\": 1},\n3\n]", 3, "row 2 is a JSON Number, not an object")]
    [InlineData("[\n{\"output\": 1},\n{\"output\": }\n]", 3, "invalid JSON")]
    [InlineData("[\n{\"output\": 1}\n", 3, "")]
    public void Bad_input_names_the_file_and_line(string content, int line, string reason)
    {
        string path = Write("bad.jsonl", content);
        var e = Should.Throw<DataFormatException>(() => RewardRows.Read(path));
        e.FilePath.ShouldBe(path);
        e.Line.ShouldBe(line);
        e.Reason.ShouldContain(reason);
    }

    [Fact]
    public void Empty_and_missing_files_are_errors()
    {
        Should.Throw<DataFormatException>(() => RewardRows.Read(Write("empty.jsonl", " \n"))).Reason.ShouldContain("empty");
        Should.Throw<DataFormatException>(() => RewardRows.Read(Write("none.json", "[]"))).Reason.ShouldContain("no rows");
        Should.Throw<DataFormatException>(() => RewardRows.Read(Path.Combine(_dir, "missing.jsonl"))).Reason.ShouldContain("not found");
    }
}
