using System.Globalization;
using ReasonTrack.IO;
using ReasonTrack.Reports.Html;

namespace ReasonTrack.Tests.Reports.Html;

public sealed class DisplayNumbersTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-display-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string text)
    {
        string p = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".txt");
        System.IO.File.WriteAllText(p, text);
        return p;
    }

    [Fact]
    public void Plain_decimal_rows_read_as_double_Parse_reads_them_to_the_last_bit_or_so()
    {
        var rng = new Random(7);
        var lines = new List<string>();
        var expected = new List<double>();
        for (int i = 0; i < 2000; i++)
        {
            var row = Enumerable.Range(0, 4).Select(_ => Math.Round((rng.NextDouble() - 0.2) * 2000, rng.Next(0, 5))).ToArray();
            expected.AddRange(row);
            lines.Add(string.Join(i % 3 == 0 ? "," : i % 3 == 1 ? "\t" : ", ", row.Select(v => v.ToString(CultureInfo.InvariantCulture))));
        }
        var boxes = DisplayNumbers.ReadBoxes(File(string.Join("\r\n", lines) + "\r\n"), NumericTableOptions.Strict);
        boxes.Length.ShouldBe(2000);
        var got = boxes.SelectMany(b => new[] { b.X, b.Y, b.W, b.H }).ToArray();
        for (int i = 0; i < got.Length; i++) got[i].ShouldBe(expected[i], Math.Abs(expected[i]) * 1e-15 + 1e-12);
    }

    [Theory]
    [InlineData("1,2,3,4\n5e0,6,7,8\n")]      // an exponent
    [InlineData("1,2,3,4\nnan,nan,nan,nan\n")] // NaN rows (absent target)
    [InlineData("1,2,3,4\n\n5,6,7,8\n")]       // an interior blank line
    [InlineData("1,2,3,4\n5,6,7\n")]           // a short row (dlmread pads it)
    public void Anything_else_is_read_by_the_protocols_table_reader(string text)
    {
        string p = File(text);
        var expected = NumericTable.Read(p, NumericTableOptions.Dlmread).ToBoxes();
        DisplayNumbers.ReadBoxes(p, NumericTableOptions.Dlmread).ShouldBe(expected);
    }

    [Fact]
    public void Score_columns_read_one_value_per_line()
    {
        DisplayNumbers.ReadColumn(File("1\n0.25\n-0.5\n")).ShouldBe([1, 0.25, -0.5]);
        DisplayNumbers.ReadColumn(File("1\nNaN\n")).Length.ShouldBe(2);
    }
}
