using System.Globalization;
using System.Text;

namespace ReasonTrack.Reports.Svg;

/// <summary>XML escaping, invariant coordinates and a text-width estimate for sans-serif labels.</summary>
internal static class SvgText
{
    /// <summary>
    /// Escapes text for XML content and attribute values. Characters XML 1.0 forbids (control characters, lone
    /// surrogates, U+FFFE/U+FFFF) are replaced by U+FFFD so the document always parses.
    /// </summary>
    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&apos;"); break;
                case '\t' or '\n' or '\r': sb.Append(' '); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                    {
                        sb.Append(c).Append(s[++i]);
                    }
                    else if (c < 0x20 || char.IsSurrogate(c) || c == '\uFFFE' || c == '\uFFFF')
                    {
                        sb.Append('\uFFFD');
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A coordinate with at most two decimals, invariant culture.</summary>
    public static string N(double v) => (Math.Round(v, 2) + 0.0).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A tick label: the shortest invariant form of a value already rounded to 10 decimals.</summary>
    public static string Tick(double v) => (v + 0.0).ToString("0.##########", CultureInfo.InvariantCulture);

    /// <summary>
    /// Approximate rendered width of <paramref name="s"/> in a Helvetica/Arial-like font of size
    /// <paramref name="fontSize"/>: per-character advance widths (in em) for the common classes of characters.
    /// Errs on the wide side so boxes sized from it do not clip.
    /// </summary>
    public static double Width(string s, double fontSize)
    {
        double em = 0;
        foreach (var rune in s.EnumerateRunes())
        {
            int c = rune.Value;
            em += c switch
            {
                ' ' => 0.28,
                '.' or ',' or ':' or ';' or '!' or '|' or '\'' or 'i' or 'j' or 'l' => 0.25,
                'f' or 't' or 'r' or 'I' or '[' or ']' or '(' or ')' or '-' or '/' => 0.36,
                'm' or 'w' => 0.86,
                'M' or 'W' => 0.9,
                >= '0' and <= '9' => 0.56,
                >= 'A' and <= 'Z' => 0.69,
                >= 'a' and <= 'z' => 0.56,
                < 0x80 => 0.6,
                >= 0x1100 => 1.0, // CJK and wide symbols
                _ => 0.7,
            };
        }
        return em * fontSize * 1.04;
    }
}
