using ReasonTrack.Geometry;
using ReasonTrack.IO;

namespace ReasonTrack.Reports.Html;

/// <summary>
/// Reads result files for display (ours): a fast path for the plain shape every toolkit writes (rows of decimal numbers
/// separated by commas, tabs or spaces, '\n' or "\r\n" line ends), parsed straight from the bytes; anything else (an
/// exponent, nan, a blank line inside, a short row) goes to <see cref="NumericTable"/> with the protocol's rules. Values
/// are not guaranteed to be the correctly rounded doubles (a last-bit difference is invisible on a chart); the
/// evaluation never reads through here.
/// </summary>
internal static class DisplayNumbers
{
    /// <summary>The boxes of a result file: the first four values of each row.</summary>
    public static Box[] ReadBoxes(string path, NumericTableOptions fallback)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var values = new List<double>(bytes.Length / 6);
        if (TryParse(bytes, 4, values)) 
        {
            var boxes = new Box[values.Count / 4];
            for (int r = 0; r < boxes.Length; r++) boxes[r] = new Box(values[4 * r], values[4 * r + 1], values[4 * r + 2], values[4 * r + 3]);
            return boxes;
        }
        return NumericTable.Parse(path, bytes, fallback).ToBoxes();
    }

    /// <summary>One value per line (a score file).</summary>
    public static double[] ReadColumn(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var values = new List<double>(bytes.Length / 4);
        return TryParse(bytes, 1, values) ? values.ToArray() : NumericTable.Parse(path, bytes, NumericTableOptions.Dlmread).Flatten();
    }

    /// <summary>Rows of exactly <paramref name="columns"/> plain decimals; false at the first thing outside that shape.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> s, int columns, List<double> values)
    {
        int i = 0, n = s.Length;
        if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) i = 3;
        while (i < n)
        {
            for (int c = 0; c < columns; c++)
            {
                while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
                if (!Number(s, ref i, out double v)) return false;
                values.Add(v);
                while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
                if (c < columns - 1)
                {
                    if (i < n && s[i] == ',') i++;
                    else if (i >= n || s[i] is (byte)'\n' or (byte)'\r') return false;
                }
            }
            if (i < n && s[i] == '\r') i++;
            if (i < n && s[i] != '\n') return false;
            i++;
            // A blank line is fine only at the very end.
            if (i < n && (s[i] == '\n' || s[i] == '\r'))
            {
                for (int j = i; j < n; j++) if (s[j] is not ((byte)'\n' or (byte)'\r' or (byte)' ' or (byte)'\t')) return false;
                return true;
            }
        }
        return true;
    }

    private static readonly double[] Pow10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17];

    private static bool Number(ReadOnlySpan<byte> s, ref int i, out double value)
    {
        value = 0;
        int n = s.Length;
        bool negative = false;
        if (i < n && (s[i] == '-' || s[i] == '+')) { negative = s[i] == '-'; i++; }
        long mantissa = 0;
        int digits = 0, scale = 0;
        while (i < n && (uint)(s[i] - '0') <= 9) { if (digits < 17) { mantissa = mantissa * 10 + (s[i] - '0'); digits++; } else scale--; i++; }
        if (i < n && s[i] == '.')
        {
            i++;
            while (i < n && (uint)(s[i] - '0') <= 9) { if (digits < 17) { mantissa = mantissa * 10 + (s[i] - '0'); digits++; scale++; } i++; }
        }
        if (digits == 0) return false;
        if (i < n && (s[i] | 0x20) == 'e') return false;
        if (scale < 0 || scale >= Pow10.Length) return false;
        value = mantissa / Pow10[scale];
        if (negative) value = -value;
        return true;
    }
}
