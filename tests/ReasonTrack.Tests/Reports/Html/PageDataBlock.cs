using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReasonTrack.Tests.Reports.Html;

/// <summary>The JSON data block a report page carries (<c>&lt;script type="application/json" id="page-data"&gt;</c>), as the page's script reads it.</summary>
internal static partial class PageDataBlock
{
    /// <summary>The block's raw text; fails the test when the page has none.</summary>
    public static string Text(string html)
    {
        var m = Pattern().Match(html);
        m.Success.ShouldBeTrue("the page has no page-data block");
        return m.Groups[1].Value;
    }

    public static JsonElement Read(string html) => JsonDocument.Parse(Text(html)).RootElement.Clone();

    [GeneratedRegex("<script type=\"application/json\" id=\"page-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
