using System.Text;
using ReasonTrack.IO;

namespace ReasonTrack.Tests.IO;

/// <summary>
/// The reader against <see cref="ReferenceNumericTable"/> (the reader as it was before the fast path): the same
/// values bit for bit, the same rows, columns, line numbers and irregularities, and the same error messages
/// (file:line), on hand-picked edge cases and on random files mixing every liberty real files take.
/// </summary>
public class NumericTableReferenceTests
{
    private static readonly NumericTableOptions[] AllOptions =
    [
        NumericTableOptions.Strict,
        NumericTableOptions.Dlmread,
        new() { EmptyFieldIsZero = true },
        new() { PadShortRows = true },
        new() { SkipInteriorBlankLines = true },
    ];

    private static string Outcome(Func<object> read)
    {
        try
        {
            return Describe(read());
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static string Describe(object table)
    {
        var sb = new StringBuilder();
        switch (table)
        {
            case NumericTable t:
                sb.Append($"{t.FilePath} {t.RowCount}x{t.Columns} blank@{t.FirstSkippedBlankLine}\n");
                for (int r = 0; r < t.RowCount; r++)
                {
                    sb.Append(t.LineOf(r)).Append(':');
                    foreach (double v in t.Row(r)) sb.Append(' ').Append(BitConverter.DoubleToInt64Bits(v).ToString("x16"));
                    sb.Append('\n');
                }
                foreach (var i in t.Irregularities) sb.Append(i.ToString(t.FilePath)).Append(' ').Append(i.Kind).Append('\n');
                break;
            case ReferenceNumericTable t:
                sb.Append($"{t.FilePath} {t.RowCount}x{t.Columns} blank@{t.FirstSkippedBlankLine}\n");
                for (int r = 0; r < t.RowCount; r++)
                {
                    sb.Append(t.LineOf(r)).Append(':');
                    foreach (double v in t.Row(r)) sb.Append(' ').Append(BitConverter.DoubleToInt64Bits(v).ToString("x16"));
                    sb.Append('\n');
                }
                foreach (var i in t.Irregularities) sb.Append(i.ToString(t.FilePath)).Append(' ').Append(i.Kind).Append('\n');
                break;
        }
        return sb.ToString();
    }

    private static void Same(byte[] text)
    {
        foreach (var o in AllOptions)
        {
            string expected = Outcome(() => ReferenceNumericTable.Parse("r.txt", text, o));
            string actual = Outcome(() => NumericTable.Parse("r.txt", text, o));
            if (actual != expected)
                throw new ShouldAssertException($"input {Convert.ToHexString(text)} ({Encoding.UTF8.GetString(text)}) options {o}:\nexpected\n{expected}\nactual\n{actual}");
        }
    }

    [Theory]
    [InlineData("1,2,3,4\n5,6,7,8\n")]
    [InlineData("1\t2\t3\t4\r\n5\t6\t7\t8\r\n")]
    [InlineData("1 2  3 4\n5 6 7 8")]
    [InlineData("1, 2, 3, 4\n5, 6, 7, 8\n\n\n")]
    [InlineData("\uFEFF1;2;3;4\n5;6;7;8\n")]
    [InlineData("\uFEFF")]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("\r\n \t\r\n")]
    [InlineData("nan,NaN,NA,1e3\ninf,-Inf,Infinity,-2.5E-1\n")]
    [InlineData("+nan,-nan,+inf,+infinity\n-infinity,-INF,nA,Na\n")]
    [InlineData("1e400,-1e400,1e-400,4.9e-324\n")]
    [InlineData("-0,+0,-0.0,0e5\n")]
    [InlineData("1.5e+02,1.5E-02,.5,5.\n")]
    [InlineData("367.0,101.0,41.0,16.0\r\n366.85545391239754,104.1326337497847,44.89159376991564,15.615800406398833\r\n")]
    [InlineData("1,,3,4\n")]
    [InlineData(",2,3,4\n")]
    [InlineData("1,2,3,4,\n1,2,3,4,\n")]
    [InlineData("1,2,3\n1,2,3,4\n1,2\n")]
    [InlineData("1,2,3,4\n\n5,6,7,8\n")]
    [InlineData("1,2,3,4\n \t \n5,6,7,8\n\n")]
    [InlineData("1,2,x,4\n")]
    [InlineData("1,2,3,4\n5,6,7,1.2.3\n")]
    [InlineData("1,2,3,4\n5,6,7,0x10\n")]
    [InlineData("1,2,3,4\n5,6,7,abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz\n")]
    [InlineData("1,2,3,4\n5,6,7,1e\n")]
    [InlineData("1;2;3;4\n5\t6\t7\t8\n9 10 11 12\n")]
    [InlineData("1 ,2 , 3,4\n")]
    [InlineData("1,2,3,4\r\r\n")]
    [InlineData("1,2,3,4\n\r\n")]
    [InlineData("12345678901234567890,1.00000000000000011102230246251565404236316680908203125,2.2250738585072014e-308,1\n")]
    [InlineData("1\v2\f3\n")]
    [InlineData("1\u00a02\n")]
    [InlineData("٣,2\n")]
    public void Edge_cases_read_as_the_reference_reads_them(string text) => Same(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Random_files_read_as_the_reference_reads_them()
    {
        var rng = new Random(1515);
        string[] seps = [",", ", ", "\t", " ", "  ", ";", " ,", ",,"];
        string[] odd = ["nan", "NaN", "NA", "-nan", "inf", "-Inf", "Infinity", "1e400", "-0", "x", "1.2.3", "", "1e", ".", "+", "0x1F", "1d", " "];
        for (int file = 0; file < 3000; file++)
        {
            var sb = new StringBuilder();
            if (rng.Next(10) == 0) sb.Append('\uFEFF');
            string nl = rng.Next(4) == 0 ? "\r\n" : "\n";
            string sep = seps[rng.Next(seps.Length)];
            int rows = rng.Next(0, 8), cols = rng.Next(1, 6);
            double oddRate = rng.Next(3) == 0 ? 0.1 : 0.0;
            for (int r = 0; r < rows; r++)
            {
                int c = rng.Next(6) == 0 ? rng.Next(1, 7) : cols;
                for (int k = 0; k < c; k++)
                {
                    if (k > 0) sb.Append(rng.Next(20) == 0 ? seps[rng.Next(seps.Length)] : sep);
                    if (rng.NextDouble() < oddRate) { sb.Append(odd[rng.Next(odd.Length)]); continue; }
                    double v = (rng.NextDouble() - 0.2) * Math.Pow(10, rng.Next(-3, 5));
                    sb.Append(rng.Next(5) switch
                    {
                        0 => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                        1 => v.ToString("F4", System.Globalization.CultureInfo.InvariantCulture),
                        2 => Math.Round(v).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        3 => v.ToString("E3", System.Globalization.CultureInfo.InvariantCulture),
                        _ => v.ToString("G17", System.Globalization.CultureInfo.InvariantCulture),
                    });
                }
                if (rng.Next(15) == 0) sb.Append(sep);
                sb.Append(nl);
                if (rng.Next(12) == 0) sb.Append(rng.Next(2) == 0 ? "" : " \t").Append(nl);
            }
            for (int b = rng.Next(-2, 3); b > 0; b--) sb.Append(nl);
            if (rng.Next(5) == 0 && sb.Length > 0) sb.Length--; // no final newline (or half a CRLF)
            Same(Encoding.UTF8.GetBytes(sb.ToString()));
        }
    }

    [Fact]
    public void Synthetic_result_files_of_every_style_read_as_the_reference_reads_them()
    {
        // The styles bench/peers/make_lasot_results.py writes: 17 significant digits, %.4f, tab-separated integers.
        var rng = new Random(49);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        for (int file = 0; file < 50; file++)
        {
            var sb = new StringBuilder();
            int style = file % 3;
            for (int r = 0; r < 400; r++)
            {
                double x = rng.NextDouble() * 1280 - 20, y = rng.NextDouble() * 720 - 20, w = rng.NextDouble() * 300, h = rng.NextDouble() * 300;
                sb.Append(style switch
                {
                    0 => string.Join(',', new[] { x, y, w, h }.Select(v => v.ToString("R", inv))),
                    1 => string.Join(',', new[] { x, y, w, h }.Select(v => v.ToString("F4", inv))),
                    _ => string.Join('\t', new[] { x, y, w, h }.Select(v => Math.Round(v).ToString(inv))),
                });
                sb.Append(file % 7 == 0 ? "\r\n" : "\n");
            }
            Same(Encoding.UTF8.GetBytes(sb.ToString()));
        }
    }
}
