using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReasonTrack.Tests.Reports.Html;

/// <summary>
/// The HTML report in a real browser (Debian's headless Chromium over the DevTools protocol): every page loads with no
/// console error and no failed request, the leaderboard sorts on a header click, a timeline call opens with its raw
/// reply, the XSS probe shows as text and never runs, and screenshots of each page kind are not blank. Skipped with a
/// message when no Chromium is installed (./setup.sh installs it).
/// </summary>
public sealed class HtmlReportBrowserTests
{
    /// <summary>Where screenshots are kept when REASONTRACK_SCREENSHOTS names a folder (docs/ was filled that way).</summary>
    private static string? ShotFolder => Environment.GetEnvironmentVariable("REASONTRACK_SCREENSHOTS");

    [Fact]
    public async Task Every_page_loads_without_console_errors_or_failed_requests()
    {
        var ct = TestContext.Current.CancellationToken;
        var site = await ReportSite.Get(ct);
        await using var browser = await HeadlessChromium.Start(ct);
        var pages = new List<string> { "index.html", "attributes.html", "sequences.html" };
        pages.AddRange(Directory.GetFiles(Path.Combine(site.Report, "seq"), "*.html").Select(p => "seq/" + Path.GetFileName(p)).Order(StringComparer.Ordinal));
        pages.Count.ShouldBe(3 + site.Sequences.Count);
        foreach (string page in pages)
        {
            await browser.Navigate(ReportSite.Url(Path.Combine(site.Report, page)), ct);
            await browser.WaitFor("document.documentElement.getAttribute('data-ready') === '1'", ct);
            if (page.StartsWith("seq/", StringComparison.Ordinal))
            {
                // The video plays in this browser: its metadata loads (an unsupported codec would set video.error).
                await browser.WaitFor("(() => { const v = document.getElementById('video'); return v && (v.readyState >= 1 || v.error); })()", ct);
                (await browser.Evaluate("document.getElementById('video').error === null && document.getElementById('video').duration > 0", ct))!.GetValue<bool>().ShouldBeTrue(page);
                (await browser.Evaluate("document.querySelectorAll('#charts figure.chart').length", ct))!.GetValue<int>().ShouldBe(2, page); // IoU and score
            }
            // Images (plots) decoded.
            (await browser.Evaluate("[...document.images].every(i => i.loading === 'lazy' || (i.complete && i.naturalWidth > 0))", ct))!.GetValue<bool>().ShouldBeTrue(page);
            browser.Problems.ShouldBeEmpty(page);
        }
    }

    [Fact]
    public async Task The_leaderboard_sorts_when_a_header_is_clicked()
    {
        var ct = TestContext.Current.CancellationToken;
        var site = await ReportSite.Get(ct);
        await using var browser = await HeadlessChromium.Start(ct);
        await browser.Navigate(ReportSite.Url(site.Index), ct);
        await browser.WaitFor("document.documentElement.getAttribute('data-ready') === '1'", ct);
        const string names = "[...document.querySelectorAll('table.leaderboard tbody tr td.tracker')].map(td => td.textContent)";
        const string aucs = "[...document.querySelectorAll('table.leaderboard tbody tr')].map(tr => parseFloat(tr.cells[2].getAttribute('data-v')))";

        await browser.Click("table.leaderboard th:nth-child(2)", ct); // Tracker: text, ascending first
        Strings(await browser.Evaluate(names, ct)).ShouldBe([ReportSite.ReasoningTracker, "held", "shifted"]);
        await browser.Click("table.leaderboard th:nth-child(2)", ct);
        Strings(await browser.Evaluate(names, ct)).ShouldBe(["shifted", "held", ReportSite.ReasoningTracker]);

        await browser.Click("table.leaderboard th:nth-child(3)", ct); // AUC: numbers, descending first
        var down = Numbers(await browser.Evaluate(aucs, ct));
        down.ShouldBe(down.OrderByDescending(v => v).ToArray());
        await browser.Click("table.leaderboard th:nth-child(3)", ct);
        var up = Numbers(await browser.Evaluate(aucs, ct));
        up.ShouldBe(down.Reverse().ToArray());
        (await browser.Evaluate("document.querySelector('table.leaderboard th:nth-child(3)').getAttribute('aria-sort')", ct))!.GetValue<string>().ShouldBe("ascending");
        browser.Problems.ShouldBeEmpty();
        await Shot(browser, "report-index.png", ct);
    }

    [Fact]
    public async Task A_timeline_call_opens_with_its_raw_reply_and_the_probe_stays_text()
    {
        var ct = TestContext.Current.CancellationToken;
        var site = await ReportSite.Get(ct);
        await using var browser = await HeadlessChromium.Start(ct);
        await browser.Navigate(ReportSite.Url(Path.Combine(site.Report, "seq", ReportSite.SupersededSequence + ".html")), ct);
        await browser.WaitFor("document.documentElement.getAttribute('data-ready') === '1'", ct);
        await Shot(browser, "report-sequence.png", ct);

        // The superseded and rejected calls are drawn hollow; the others as answered.
        (await browser.Evaluate("document.querySelectorAll('#timelines g.call.hollow').length", ct))!.GetValue<int>().ShouldBe(2);
        (await browser.Evaluate("document.querySelectorAll('#timelines g.call.status-superseded').length", ct))!.GetValue<int>().ShouldBe(1);
        (await browser.Evaluate("document.querySelectorAll('#timelines g.call.status-rejected').length", ct))!.GetValue<int>().ShouldBe(1);

        await browser.Click("#timelines g.call[data-i='0']", ct);
        await browser.WaitFor("!document.getElementById('call').hidden", ct);
        (await browser.Evaluate("document.querySelector('#call details.raw').open", ct))!.GetValue<bool>().ShouldBeFalse(); // collapsed until asked
        await browser.Click("#call details.raw summary", ct);
        await browser.WaitFor("document.querySelector('#call details.raw').open", ct);
        (await browser.Evaluate("document.querySelector('#call pre.reply').textContent", ct))!.GetValue<string>().ShouldBe(ReportSite.Probe);
        // The new description is shown as text too, and the band's tooltip carries it as text.
        string detail = (await browser.Evaluate("document.getElementById('call').textContent", ct))!.GetValue<string>();
        detail.ShouldContain(ReportSite.ProbeDescription);
        detail.ShouldContain("frame asked41"); // dt/dd text: 0-based frame 40 is asked as frame 41
        (await browser.Evaluate("[...document.querySelectorAll('#timelines rect.band title')].some(t => t.textContent.includes('<script>window.__xss=4</script>'))", ct))!.GetValue<bool>().ShouldBeTrue();

        // The images the model saw: two thumbnails (the frame of the last update and the check frame), decoded.
        await browser.WaitFor("[...document.querySelectorAll('#call .thumbs img')].every(i => i.complete)", ct);
        (await browser.Evaluate("[...document.querySelectorAll('#call .thumbs img')].filter(i => i.naturalWidth > 0).length", ct))!.GetValue<int>().ShouldBe(2);

        // Nothing of the probe ran or became markup.
        (await browser.Evaluate("typeof window.__xss", ct))!.GetValue<string>().ShouldBe("undefined");
        (await browser.Evaluate("document.querySelectorAll('main script, #call img[src=\"x\"], a[href^=\"javascript:\"], [onerror]').length", ct))!.GetValue<int>().ShouldBe(0);
        (await browser.Evaluate("document.querySelectorAll('script').length", ct))!.GetValue<int>().ShouldBe(2); // report.js and the page's JSON block only
        browser.Problems.ShouldBeEmpty();
        await Shot(browser, "report-timeline.png", ct, "#timelines");
    }

    /// <summary>Takes a screenshot (scrolled to <paramref name="scrollTo"/> when given), checks it is not blank, keeps it when asked.</summary>
    internal static async Task Shot(HeadlessChromium browser, string name, CancellationToken ct, string? scrollTo = null)
    {
        if (scrollTo is not null)
            await browser.Evaluate($"document.querySelector({JsonSerializer.Serialize(scrollTo)}).scrollIntoView({{block: 'start'}})", ct);
        byte[] png = await browser.Screenshot(ct);
        png.Length.ShouldBeGreaterThan(1000);
        png.AsSpan(0, 8).ToArray().ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        // Decoded by the browser itself: many distinct colours and a fair share of non-background pixels.
        string stats = $$"""
            new Promise(resolve => {
              const img = new Image();
              img.onload = () => {
                const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
                const g = c.getContext('2d'); g.drawImage(img, 0, 0);
                const d = g.getImageData(0, 0, c.width, c.height).data;
                const colours = new Set(); let ink = 0, n = 0;
                for (let i = 0; i < d.length; i += 4 * 7) { n++; colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]); if (d[i] + d[i + 1] + d[i + 2] < 600) ink++; }
                resolve([colours.size, ink / n, c.width, c.height]);
              };
              img.onerror = () => resolve([0, 0, 0, 0]);
              img.src = 'data:image/png;base64,{{Convert.ToBase64String(png)}}';
            })
            """;
        var s = (JsonArray)(await browser.Evaluate(stats, ct))!;
        s[2]!.GetValue<int>().ShouldBe(1280);
        s[0]!.GetValue<int>().ShouldBeGreaterThan(30, name);
        s[1]!.GetValue<double>().ShouldBeGreaterThan(0.03, name);
        if (ShotFolder is { } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, name), png, ct);
        }
    }

    private static string[] Strings(JsonNode? n) => ((JsonArray)n!).Select(x => x!.GetValue<string>()).ToArray();

    private static double[] Numbers(JsonNode? n) => ((JsonArray)n!).Select(x => x!.GetValue<double>()).ToArray();
}
