using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReasonTrack.Geometry;

namespace ReasonTrack.Reasoning.Parsing;

/// <summary>Reading four box coordinates out of JSON values and, for cut-off replies, out of raw text.</summary>
internal static class BoxJson
{
    private const string Num = @"(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)";
    private static readonly Regex KeyedList = new(@"""(bbox_2d|bbox|box)""\s*:\s*\[\s*" + Num + @"\s*,\s*" + Num + @"\s*,\s*" + Num + @"\s*,\s*" + Num + @"\s*\]",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
    private static readonly Regex BareList = new(@"\[\s*" + Num + @"\s*,\s*" + Num + @"\s*,\s*" + Num + @"\s*,\s*" + Num + @"\s*\]",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));

    /// <summary>
    /// The element as <c>[x1, y1, x2, y2]</c>: a JSON array of exactly four finite numbers, or null with the reason
    /// logged as a fallback.
    /// </summary>
    public static BoxXyxy? ReadFour(JsonElement e, ParseLog log, string what)
    {
        if (e.ValueKind != JsonValueKind.Array)
        {
            log.Fallback(ParseIssue.WrongCount, $"{what} is a JSON {e.ValueKind}, not a list of 4 numbers");
            return null;
        }
        int n = e.GetArrayLength();
        if (n != 4)
        {
            log.Fallback(ParseIssue.WrongCount, $"{what} has {n} values, not 4");
            return null;
        }
        Span<double> v = stackalloc double[4];
        int i = 0;
        foreach (var item in e.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out v[i]) || !double.IsFinite(v[i]))
            {
                log.Fallback(ParseIssue.NotNumbers, $"{what} value {i} is not a finite number ({item.GetRawText()})");
                return null;
            }
            i++;
        }
        return new BoxXyxy(v[0], v[1], v[2], v[3]);
    }

    /// <summary>All <c>"bbox_2d": [a, b, c, d]</c> (or bbox/box) lists in raw text, for salvaging cut-off JSON.</summary>
    public static List<(BoxXyxy Box, int Position)> SalvageKeyed(string text)
    {
        var list = new List<(BoxXyxy, int)>();
        foreach (Match m in KeyedList.Matches(text)) list.Add((FromGroups(m, 2), m.Index));
        return list;
    }

    /// <summary>The first bare <c>[a, b, c, d]</c> list of numbers in raw text, or null.</summary>
    public static BoxXyxy? SalvageBare(string text)
    {
        var m = BareList.Match(text);
        return m.Success ? FromGroups(m, 1) : null;
    }

    private static BoxXyxy FromGroups(Match m, int first) => new(
        double.Parse(m.Groups[first].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[first + 1].Value, CultureInfo.InvariantCulture),
        double.Parse(m.Groups[first + 2].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[first + 3].Value, CultureInfo.InvariantCulture));
}
