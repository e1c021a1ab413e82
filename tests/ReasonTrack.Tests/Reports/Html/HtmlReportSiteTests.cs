using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReasonTrack.Tests.Reports.Html;

/// <summary>The site built from the shared sequences and the scripted reasoning run, checked on disk (no browser needed).</summary>
public sealed partial class HtmlReportSiteTests
{
    [Fact]
    public async Task The_run_kept_thumbnails_of_what_the_model_saw_and_the_log_names_them()
    {
        var ct = TestContext.Current.CancellationToken;
        var site = await ReportSite.Get(ct);
        var line = File.ReadLines(Path.Combine(site.Results, "Crossing_reasoning.jsonl")).First();
        var record = JsonDocument.Parse(line).RootElement;
        record.GetProperty("images").EnumerateArray().Select(e => e.GetString()).ShouldBe(["360x240", "360x240"]);
        var thumbs = record.GetProperty("image_thumbnails").EnumerateArray().Select(e => e.GetString()!).ToList();
        thumbs.Count.ShouldBe(2);
        foreach (string t in thumbs)
        {
            t.ShouldMatch("^vlm-thumbnails/[0-9a-f]{16}\\.jpg$");
            byte[] jpeg = File.ReadAllBytes(Path.Combine(site.Results, t));
            (jpeg[0], jpeg[1]).ShouldBe(((byte)0xFF, (byte)0xD8));
            JpegSize(jpeg).ShouldBe((320, 213)); // 360x240 scaled to a 320 px long side
            File.Exists(Path.Combine(site.Report, "thumbs", Path.GetFileName(t))).ShouldBeTrue();
        }
        thumbs[0].ShouldNotBe(thumbs[1]); // frame 1 (the last update) and frame 41 differ
    }

    [Fact]
    public async Task Each_sequence_page_is_small_and_holds_its_own_data_only()
    {
        var ct = TestContext.Current.CancellationToken;
        var site = await ReportSite.Get(ct);
        foreach (string s in site.Sequences)
        {
            string path = Path.Combine(site.Report, "seq", s + ".html");
            new FileInfo(path).Length.ShouldBeLessThan(1_000_000, s);
            File.Exists(Path.Combine(site.Report, "video", s + ".mp4")).ShouldBeTrue(s);
            string html = File.ReadAllText(path);
            string block = PageDataBlock.Text(html);
            block.ShouldNotContain("</");
            var data = JsonDocument.Parse(block).RootElement;
            data.GetProperty("sequence").GetString().ShouldBe(s);
            foreach (string other in site.Sequences.Where(o => o != s && !s.Contains(o, StringComparison.Ordinal)))
                block.ShouldNotContain("\"" + other + "\"");
            data.GetProperty("timelines").GetArrayLength().ShouldBe(1);
        }
    }

    /// <summary>Width and height from a JPEG's SOF marker (read by hand: the test has no decoder).</summary>
    private static (int W, int H) JpegSize(byte[] b)
    {
        int i = 2;
        while (i + 9 < b.Length)
        {
            if (b[i] != 0xFF) { i++; continue; }
            byte marker = b[i + 1];
            int len = (b[i + 2] << 8) | b[i + 3];
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return ((b[i + 7] << 8) | b[i + 8], (b[i + 5] << 8) | b[i + 6]);
            i += 2 + len;
        }
        throw new InvalidDataException("no SOF marker");
    }
}
