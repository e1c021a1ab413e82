using System.Text;
using ReasonTrack.IO;

namespace ReasonTrack.Tests.IO;

public class NumericTableTests
{
    private static NumericTable Parse(string text, NumericTableOptions? o = null) => NumericTable.Parse("f.txt", Encoding.UTF8.GetBytes(text), o);

    [Theory]
    [InlineData("1,2,3,4\n5,6,7,8\n")]
    [InlineData("1\t2\t3\t4\r\n5\t6\t7\t8\r\n")]
    [InlineData("1 2  3 4\n5 6 7 8")]
    [InlineData("1, 2, 3, 4\n5, 6, 7, 8\n\n\n")]
    [InlineData("\uFEFF1;2;3;4\n5;6;7;8\n")]
    public void Reads_every_common_delimiter(string text)
    {
        var t = Parse(text);
        t.RowCount.ShouldBe(2);
        t.Columns.ShouldBe(4);
        t[1, 3].ShouldBe(8);
        t.LineOf(1).ShouldBe(2);
    }

    [Fact]
    public void Reads_nan_and_infinity_in_any_case()
    {
        var t = Parse("nan,NaN,NA,1e3\ninf,-Inf,Infinity,-2.5E-1\n");
        double.IsNaN(t[0, 0]).ShouldBeTrue();
        double.IsNaN(t[0, 2]).ShouldBeTrue();
        t[0, 3].ShouldBe(1000);
        t[1, 1].ShouldBe(double.NegativeInfinity);
        t[1, 3].ShouldBe(-0.25);
    }

    [Fact]
    public void A_non_number_names_file_line_and_field()
    {
        var e = Should.Throw<DataFormatException>(() => Parse("1,2,3,4\n1,2,x3,4\n"));
        e.Message.ShouldBe("f.txt:2: field 3 is not a number: 'x3'");
        e.Line.ShouldBe(2);
    }

    [Fact]
    public void Ragged_rows_and_empty_fields_are_errors_unless_dlmread_rules_apply()
    {
        Should.Throw<DataFormatException>(() => Parse("1,2,3,4\n1,2,3\n")).Message.ShouldContain("f.txt:2");
        Should.Throw<DataFormatException>(() => Parse("1,,3,4\n")).Message.ShouldContain("field 2 is empty");
        var d = Parse("1,,3,4\n1,2,3\n", NumericTableOptions.Dlmread);
        d[0, 1].ShouldBe(0);
        d[1, 3].ShouldBe(0);
    }

    [Fact]
    public void Interior_blank_lines_are_reported_trailing_ones_ignored()
    {
        Should.Throw<DataFormatException>(() => Parse("1,2,3,4\n\n5,6,7,8\n")).Line.ShouldBe(2);
        Parse("1,2,3,4\n\n5,6,7,8\n", NumericTableOptions.Dlmread).RowCount.ShouldBe(2);
        Parse("").RowCount.ShouldBe(0);
        Parse("\n\n").RowCount.ShouldBe(0);
    }

    [Fact]
    public void Lenient_reads_list_every_line_and_what_was_assumed()
    {
        var t = Parse("1,2,3,4\n1,2,3\n\n1,2,3,4,5\n1,,inf,4\n1,2,3,4\n", NumericTableOptions.Dlmread);
        t.RowCount.ShouldBe(5);
        t.Columns.ShouldBe(5);
        t.Irregularities.Select(i => (i.Line, i.Kind)).ShouldBe([
            (2, TableIrregularityKind.ShortRow), (3, TableIrregularityKind.BlankLine), (4, TableIrregularityKind.LongRow),
            (5, TableIrregularityKind.EmptyField), (5, TableIrregularityKind.Infinite)]);
        t.Irregularities[0].ToString("f.txt").ShouldStartWith("f.txt:2: 3 fields, the other rows 4: padded with zeros");
        t.FirstSkippedBlankLine.ShouldBe(3);
        Parse("1,2,3,4\n5,6,7,8\n\n").Irregularities.ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var e = Should.Throw<DataFormatException>(() => NumericTable.Read("/nonexistent/dir/gt.txt"));
        e.Message.ShouldStartWith("/nonexistent/dir/gt.txt:");
    }
}
