using System.Globalization;

namespace ReasonTrack.Geometry;

/// <summary>Text form of boxes: invariant culture, shortest round-trip numbers, NaN written as <c>nan</c> or <c>NaN</c>.</summary>
public static class BoxText
{
    /// <param name="integers">Write whole numbers, truncated toward zero as Python's <c>'%d'</c> does.</param>
    public static string Format(Box b, string delimiter, bool integers = false, string nanText = "NaN")
    {
        return string.Join(delimiter, Num(b.X), Num(b.Y), Num(b.W), Num(b.H));

        string Num(double v)
        {
            if (double.IsNaN(v)) return nanText;
            // Python's '%d' (numpy savetxt fmt='%d', pytracking's writer) truncates toward zero.
            if (integers) return Math.Truncate(v).ToString("0", CultureInfo.InvariantCulture);
            return v.ToString("R", CultureInfo.InvariantCulture);
        }
    }
}
