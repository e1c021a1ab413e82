using System.Globalization;
using System.Text;
using ReasonTrack.IO;

namespace ReasonTrack.Tests.IO;

/// <summary>
/// The fast decimal path against the runtime's parser (the independent reference: IEEE correctly rounded since
/// .NET Core 3.0): whenever the fast path answers, the double is the runtime's bit for bit.
/// </summary>
public class DecimalTextTests
{
    private static double Runtime(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static bool Fast(string s, out double v) => DecimalText.TryParse(Encoding.ASCII.GetBytes(s), out v);

    [Theory]
    // 128-bit normalized powers of five as published in fast_float's table (also Rust's core::num::dec2flt).
    [InlineData(-64, 0xa87fea27a539e9a5UL, 0x3f2398d747b36224UL)]
    [InlineData(-28, 0xfd87b5f28300ca0dUL, 0x8bca9d6e188853fcUL)]
    [InlineData(-27, 0x9e74d1b791e07e48UL, 0x775ea264cf55347eUL)]
    [InlineData(-1, 0xccccccccccccccccUL, 0xcccccccccccccccdUL)]
    [InlineData(0, 0x8000000000000000UL, 0UL)]
    [InlineData(28, 0x813f3978f8940984UL, 0x4000000000000000UL)]
    [InlineData(55, 0xd0cf4b50cfe20765UL, 0xfff4b4e3f741cf6dUL)]
    [InlineData(59, 0xfee50b7025c36a08UL, 0x02f236d04753d5b4UL)]
    public void Powers_of_five_match_the_published_table(int q, ulong high, ulong low)
    {
        PowersOfFive.Get(q).ShouldBe((high, low));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("+0")]
    [InlineData("-0.0000")]
    [InlineData("0e-999999")]
    [InlineData("-0e400")]
    [InlineData("367")]
    [InlineData("-12.5")]
    [InlineData("+12.5")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("-.25e1")]
    [InlineData("1e3")]
    [InlineData("1E+03")]
    [InlineData("2.5e-1")]
    [InlineData("0.1")]
    [InlineData("0.3")]
    [InlineData("366.85545391239754")]
    [InlineData("15.615800406398833")]
    [InlineData("1.0000000000000002")]
    [InlineData("9007199254740992")] // 2^53
    [InlineData("9007199254740993")] // 2^53 + 1: a tie, rounds to even
    [InlineData("9007199254740995")] // tie, rounds up to even
    [InlineData("9007199254740993.0")]
    [InlineData("1234567890123456789")] // 19 significant digits
    [InlineData("0.0000000000000000000000000001234567890123456789")]
    [InlineData("000000000000000000000000000012.5")] // leading zeros are not significant
    [InlineData("12.50000000000000000")]
    [InlineData("1e22")]
    [InlineData("1e23")]
    [InlineData("8.98846567431158e+50")]
    [InlineData("4.4501477170144023e-40")]
    [InlineData("7.2057594037927933e+16")]
    [InlineData("1.00000000000000011102230246251565404236316680908203125")] // many digits: runtime
    [InlineData("2.2250738585072014e-308")] // far exponent: runtime
    [InlineData("1.7976931348623157e308")]
    [InlineData("4.9e-324")]
    [InlineData("1e400")]
    public void Agrees_with_the_runtime_bit_for_bit(string s)
    {
        double expected = Runtime(s);
        if (Fast(s, out double v)) BitConverter.DoubleToInt64Bits(v).ShouldBe(BitConverter.DoubleToInt64Bits(expected), s);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("366.85545391239754")]
    [InlineData("9007199254740993")]
    [InlineData("1234567890123456789")]
    [InlineData("-.25e1")]
    [InlineData("5.")]
    public void Takes_the_fast_path_for_plain_decimals(string s) => Fast(s, out _).ShouldBeTrue(s);

    [Theory]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("-.")]
    [InlineData("e5")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("1.2.3")]
    [InlineData("1..2")]
    [InlineData("--1")]
    [InlineData("+-1")]
    [InlineData("nan")]
    [InlineData("NaN")]
    [InlineData("inf")]
    [InlineData("Infinity")]
    [InlineData("0x10")]
    [InlineData("1_000")]
    [InlineData("1,5")]
    [InlineData("1 ")]
    [InlineData(" 1")]
    [InlineData("1\r")]
    [InlineData("1\0")]
    [InlineData("1f")]
    [InlineData("1d")]
    [InlineData("12345678901234567890")] // 20 significant digits
    [InlineData("1e65")] // outside the table
    [InlineData("1e-330")]
    public void Leaves_everything_else_to_the_runtime(string s) => Fast(s, out _).ShouldBeFalse(s);

    [Fact]
    public void Random_decimals_agree_with_the_runtime_and_mostly_take_the_fast_path()
    {
        var rng = new Random(15);
        var sb = new StringBuilder();
        int fast = 0, total = 200_000;
        for (int k = 0; k < total; k++)
        {
            sb.Clear();
            int r = rng.Next(4);
            if (r == 0) sb.Append('-'); else if (r == 1 && rng.Next(4) == 0) sb.Append('+');
            int intDigits = rng.Next(0, 12), fracDigits = rng.Next(0, 14);
            if (intDigits + fracDigits == 0) intDigits = 1;
            for (int i = 0; i < intDigits; i++) sb.Append((char)('0' + rng.Next(10)));
            if (fracDigits > 0 || rng.Next(8) == 0) sb.Append('.');
            for (int i = 0; i < fracDigits; i++) sb.Append((char)('0' + rng.Next(10)));
            if (rng.Next(3) == 0) sb.Append(rng.Next(2) == 0 ? 'e' : 'E').Append(rng.Next(3) switch { 0 => "-", 1 => "+", _ => "" }).Append(rng.Next(0, 40));
            string s = sb.ToString();
            double expected = Runtime(s);
            if (Fast(s, out double v))
            {
                fast++;
                if (BitConverter.DoubleToInt64Bits(v) != BitConverter.DoubleToInt64Bits(expected))
                    throw new ShouldAssertException($"{s}: fast {v:R} runtime {expected:R}");
            }
        }
        // Every token here has at most 25 digits and a small exponent: nearly all are in the fast grammar.
        fast.ShouldBeGreaterThan(total * 8 / 10);
    }

    [Fact]
    public void Random_doubles_as_trackers_write_them_agree_with_the_runtime()
    {
        var rng = new Random(16);
        string[] formats = ["R", "G17", "G15", "F4", "F2", "F0", "E6", "E16", "0.################"];
        for (int k = 0; k < 100_000; k++)
        {
            // Pixel coordinates and sizes, tiny and huge magnitudes, and raw bit patterns.
            double d = (k % 4) switch
            {
                0 => rng.NextDouble() * 2000 - 200,
                1 => Math.Round(rng.NextDouble() * 1000, rng.Next(6)),
                2 => Math.Pow(10, rng.Next(-20, 20)) * rng.NextDouble(),
                _ => BitConverter.Int64BitsToDouble(((long)rng.Next() << 32 | (uint)rng.Next()) & 0x7FFF_FFFF_FFFF_FFFFL),
            };
            if (!double.IsFinite(d)) continue;
            foreach (string f in formats)
            {
                string s = d.ToString(f, CultureInfo.InvariantCulture);
                double expected = Runtime(s);
                if (Fast(s, out double v) && BitConverter.DoubleToInt64Bits(v) != BitConverter.DoubleToInt64Bits(expected))
                    throw new ShouldAssertException($"{s}: fast {v:R} runtime {expected:R}");
            }
        }
    }

    [Fact]
    public void Near_halfway_values_agree_with_the_runtime()
    {
        // Decimal expansions just around the midpoint of two neighbouring doubles: the cases Eisel-Lemire must get right.
        var rng = new Random(17);
        for (int k = 0; k < 20_000; k++)
        {
            double a = rng.NextDouble() * Math.Pow(10, rng.Next(-10, 12));
            double b = Math.BitIncrement(a);
            decimal mid = ((decimal)a + (decimal)b) / 2; // decimal keeps 28-29 digits
            foreach (string s in new[] { mid.ToString(CultureInfo.InvariantCulture), (mid * 1.0000000000000000001m).ToString(CultureInfo.InvariantCulture) })
            {
                string t = s.Length > 20 ? s[..20] : s;
                foreach (string u in new[] { s, t })
                {
                    if (u.EndsWith('.')) continue;
                    double expected = Runtime(u);
                    if (Fast(u, out double v) && BitConverter.DoubleToInt64Bits(v) != BitConverter.DoubleToInt64Bits(expected))
                        throw new ShouldAssertException($"{u}: fast {v:R} runtime {expected:R}");
                }
            }
        }
    }

    [Fact]
    public void Every_split_of_integer_and_fraction_digits_agrees_with_the_runtime()
    {
        // The fraction is read 8 and 4 digits at a time while the mantissa stays within 19 digits: every integer
        // length (including none and leading zeros) against every fraction length crosses each of those boundaries,
        // with random digits, zeros and nines (carries), and followed by a separator as in a file.
        var rng = new Random(154);
        var sb = new StringBuilder();
        int fast = 0, total = 0;
        for (int intDigits = 0; intDigits <= 21; intDigits++)
            for (int fracDigits = 0; fracDigits <= 24; fracDigits++)
                for (int k = 0; k < 40; k++)
                {
                    sb.Clear();
                    char fill = (k % 4) switch { 0 => '0', 1 => '9', _ => 'r' };
                    for (int i = 0; i < intDigits; i++) sb.Append(fill == 'r' || (i == 0 && k % 8 < 4) ? (char)('0' + rng.Next(10)) : fill);
                    sb.Append('.');
                    for (int i = 0; i < fracDigits; i++) sb.Append(fill == 'r' ? (char)('0' + rng.Next(10)) : fill);
                    if (intDigits + fracDigits == 0) sb.Append('0');
                    string s = sb.ToString();
                    double expected = Runtime(s);
                    var bytes = Encoding.ASCII.GetBytes(s + ",1");
                    int at = 0;
                    total++;
                    if (!DecimalText.TryScan(bytes, ref at, out double v)) continue;
                    fast++;
                    at.ShouldBe(s.Length, s);
                    if (BitConverter.DoubleToInt64Bits(v) != BitConverter.DoubleToInt64Bits(expected))
                        throw new ShouldAssertException($"{s}: fast {v:R} runtime {expected:R}");
                }
        fast.ShouldBeGreaterThan(total * 4 / 10); // more than 19 significant digits go to the runtime
    }
}
