using System.Globalization;
using ReasonTrack.Media.Synthetic;
using ReasonTrack.Tests.Cli;

namespace ReasonTrack.Tests.Reports.Html;

/// <summary>
/// The report with masks in a real browser (issue 16 item 5), made end to end by the CLI: a generated ellipse sequence
/// (<see cref="SyntheticMaskSequence"/>, OTB layout, DAVIS annotations), <c>run --segmenter colour --report
/// --mask-annotations</c> and <c>run --segmenter box</c>, then <c>report</c> over both. The sequence page loads with no
/// console error or failed request, its video plays, and it has the J and F charts beside IoU and score (one line per
/// segmenter). Skipped without Chromium or ffmpeg.
/// </summary>
public sealed class HtmlReportMasksBrowserTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-html-masks-site-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_page_with_masks_loads_without_console_errors_and_shows_the_mask_charts()
    {
        var ct = TestContext.Current.CancellationToken;
        if (!File.Exists("/usr/bin/ffmpeg") && Environment.GetEnvironmentVariable("REASONTRACK_FFMPEG") is null)
            Assert.Skip("ffmpeg not installed (./setup.sh installs it)");
        if (HeadlessChromium.Locate() is null) Assert.Skip("chromium not installed (./setup.sh installs it)");
        string data = Path.Combine(_dir, "data"), davis = Path.Combine(_dir, "davis", "Annotations", "480p");
        new SyntheticMaskSequence(new SyntheticMaskSequenceOptions { Frames = 60 }).WriteOtbAndDavis(data, davis, "ellipse");

        string colour = Path.Combine(_dir, "colour"), box = Path.Combine(_dir, "box"), runReport = Path.Combine(_dir, "run-report");
        var c = CliRunner.Run("run", "-d", "otb", "-a", data, "-o", colour, "--segmenter", "colour", "--report", runReport, "--mask-annotations", davis);
        c.ExitCode.ShouldBe(0, c.Stdout + c.Stderr);
        var b = CliRunner.Run("run", "-d", "otb", "-a", data, "-o", box, "--segmenter", "box");
        b.ExitCode.ShouldBe(0, b.Stdout + b.Stderr);
        string report = Path.Combine(_dir, "report");
        var r = CliRunner.Run("report", "-d", "otb", "-a", data, "-r", "colour=" + colour, "-r", "box=" + box, "--mask-annotations", Path.Combine(_dir, "davis"), "-o", report);
        r.ExitCode.ShouldBe(0, r.Stdout + r.Stderr);
        r.Stdout.ShouldNotContain("warning:");

        await using var browser = await HeadlessChromium.Start(ct);
        foreach (var (page, lines, drawn) in new[] { (Path.Combine(runReport, "seq", "ellipse.html"), 1, "default"), (Path.Combine(report, "seq", "ellipse.html"), 2, "colour") })
        {
            await browser.Navigate(ReportSite.Url(page), ct);
            await browser.WaitFor("document.documentElement.getAttribute('data-ready') === '1'", ct);
            await browser.WaitFor("(() => { const v = document.getElementById('video'); return v && (v.readyState >= 1 || v.error); })()", ct);
            (await browser.Evaluate("document.getElementById('video').error === null && document.getElementById('video').duration > 0", ct))!.GetValue<bool>().ShouldBeTrue(page);
            var titles = await browser.Evaluate("[...document.querySelectorAll('#charts figure.chart')].map(f => f.textContent)", ct);
            var shown = ((System.Text.Json.Nodes.JsonArray)titles!).Select(t => t!.GetValue<string>()).ToList();
            shown.Count.ShouldBe(4, page); // IoU, score, J, F
            shown[2].ShouldStartWith("J (region similarity");
            shown[3].ShouldStartWith("F (boundary measure");
            // One line per tracker with masks in the J chart.
            (await browser.Evaluate("document.querySelectorAll('#charts figure.chart')[2].querySelectorAll('path.line').length", ct))!.GetValue<int>().ShouldBe(lines, page);
            (await browser.Evaluate("document.querySelectorAll('#charts figure.chart')[3].querySelectorAll('path.line').length", ct))!.GetValue<int>().ShouldBe(lines, page);
            // The page says whose masks the video shows.
            (await browser.Evaluate("[...document.querySelectorAll('p.hint')].map(p => p.textContent).join('|')", ct))!.GetValue<string>()
                .ShouldContain($"Masks on the video: {drawn} (translucent fill and outline, each object in its DAVIS palette colour); ground-truth masks outlined in white.");
            browser.Problems.ShouldBeEmpty(page);
        }
        // The screenshot shows frame 9 (the overlay on the target, before the default tracker drifts off this rotating ellipse).
        await browser.Evaluate("new Promise(r => { const v = document.getElementById('video'); v.addEventListener('seeked', () => r(true), {once: true}); v.currentTime = " +
                               (8.5 / 30).ToString("R", CultureInfo.InvariantCulture) + "; })", ct);
        await browser.WaitFor("document.getElementById('video').readyState >= 2", ct);
        // Headless Chromium keeps the player's loading spinner over a seeked frame: the controls are hidden for the picture.
        await browser.Evaluate("document.getElementById('video').controls = false", ct);
        await Task.Delay(200, ct);
        await HtmlReportBrowserTests.Shot(browser, "report-masks.png", ct);
        browser.Problems.ShouldBeEmpty();
    }
}
