using System.Numerics;

namespace ReasonTrack.IO;

/// <summary>
/// 128-bit approximations of 5^q, normalized so that the top bit is set, for the Eisel-Lemire conversion in
/// <see cref="DecimalText"/> (Lemire, "Number Parsing at a Gigabyte per Second", 2021, section 5). Built once per
/// process from exact integers, by the same rule as the fast_float library's table script: for q &gt;= 0 the
/// truncated 5^q; for q &lt; 0 the value floor(2^b / 5^-q) + 1 (b chosen so it has 128 bits, then truncated).
/// Only the range numbers in annotation and result files use is built (assumption: |q| &lt;= 64; other exponents go
/// to the runtime's parser).
/// </summary>
internal static class PowersOfFive
{
    public const int Smallest = -64;
    public const int Largest = 64;

    private static readonly ulong[] Table = Build();

    /// <summary>The high and low 64 bits of the normalized 5^q; q in [<see cref="Smallest"/>, <see cref="Largest"/>].</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static (ulong High, ulong Low) Get(int q)
    {
        int i = 2 * (q - Smallest);
        return (Table[i], Table[i + 1]);
    }

    private static ulong[] Build()
    {
        var table = new ulong[2 * (Largest - Smallest + 1)];
        var two128 = BigInteger.One << 128;
        var two127 = BigInteger.One << 127;
        var mask = (BigInteger.One << 64) - 1;
        for (int q = Smallest; q <= Largest; q++)
        {
            BigInteger c;
            if (q < 0)
            {
                var power5 = BigInteger.Pow(5, -q);
                int z = 0;
                while ((BigInteger.One << z) < power5) z++;
                if (q >= -27)
                {
                    c = (BigInteger.One << (z + 127)) / power5 + 1;
                }
                else
                {
                    c = (BigInteger.One << (2 * z + 128)) / power5 + 1;
                    while (c >= two128) c >>= 1;
                }
            }
            else
            {
                c = BigInteger.Pow(5, q);
                while (c < two127) c <<= 1;
                while (c >= two128) c >>= 1;
            }
            int i = 2 * (q - Smallest);
            table[i] = (ulong)(c >> 64);
            table[i + 1] = (ulong)(c & mask);
        }
        return table;
    }
}
