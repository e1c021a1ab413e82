using System.Globalization;
using System.Text;
using System.Text.Json;
using ReasonTrack.Tests.Cli;
using ReasonTrack.Tests.Reasoning;

namespace ReasonTrack.Tests.Reports.Html;

/// <summary>
/// One HTML report built once per test run through the real CLI, shared by the site and browser tests: the ten shared
/// sequences (otb layout, with frames: every page gets a video), three trackers (the ground truth shifted by a hand-made
/// offset pattern, the first box held, and a scripted ReasoningTrack run with thumbnails kept whose model reply is the
/// XSS probe), plus one superseded call appended to a log as the realtime scheduler writes it.
/// </summary>
internal sealed class ReportSite
{
    /// <summary>What the scripted model answers: every way a reply could try to run script in the page.</summary>
    public const string Probe = "<think>still </textarea><script>window.__xss = 1</script> it</think><d>yes</d>" +
                                "<answer>the car <img src=x onerror=\"window.__xss=2\"> <a href=\"javascript:window.__xss=3\">go</a> </script><script>window.__xss=4</script>\u2028end</answer>";

    /// <summary>The description the probe's answer sets (what the refiner takes from &lt;answer&gt;).</summary>
    public const string ProbeDescription = "the car <img src=x onerror=\"window.__xss=2\"> <a href=\"javascript:window.__xss=3\">go</a> </script><script>window.__xss=4</script>\u2028end";

    public const string ReasoningTracker = "dcf-reasoningtrack";
    public const string SupersededSequence = "Crossing";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ReportSite? _built;

    private ReportSite(string root, string report, string results, IReadOnlyList<string> sequences)
    {
        Root = root;
        Report = report;
        Results = results;
        Sequences = sequences;
    }

    /// <summary>The folder holding everything.</summary>
    public string Root { get; }

    /// <summary>The report's folder (index.html inside).</summary>
    public string Report { get; }

    /// <summary>The reasoning run's results folder.</summary>
    public string Results { get; }

    public IReadOnlyList<string> Sequences { get; }

    public string Index => Path.Combine(Report, "index.html");

    public static string Url(string path) => new Uri(path).AbsoluteUri;

    /// <summary>The site, built on first use (skips when the shared sequences or ffmpeg are missing).</summary>
    public static async Task<ReportSite> Get(CancellationToken ct)
    {
        string data = SharedData.Require("data/sequences");
        if (!File.Exists("/usr/bin/ffmpeg") && Environment.GetEnvironmentVariable("REASONTRACK_FFMPEG") is null)
            Assert.Skip("ffmpeg not installed (./setup.sh installs it): the report's videos and the reasoning run need it");
        await Gate.WaitAsync(ct);
        try
        {
            return _built ??= await Build(data, ct);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<ReportSite> Build(string data, CancellationToken ct)
    {
        string root = Path.Combine(Path.GetTempPath(), "rt-html-site-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(root);
        var sequences = Directory.GetDirectories(data).Select(Path.GetFileName).Where(n => File.Exists(Path.Combine(data, n!, "groundtruth_rect.txt"))).Order(StringComparer.Ordinal).ToList();

        // Two trackers written by hand: the ground truth moved by a fixed pattern of offsets, and the first box held.
        string shifted = Path.Combine(root, "shifted"), held = Path.Combine(root, "held");
        Directory.CreateDirectory(shifted);
        Directory.CreateDirectory(held);
        foreach (string s in sequences!)
        {
            var gt = File.ReadAllLines(Path.Combine(data, s!, "groundtruth_rect.txt")).Where(l => l.Trim().Length > 0).ToList();
            var a = new StringBuilder();
            var b = new StringBuilder();
            for (int i = 0; i < gt.Count; i++)
            {
                var v = gt[i].Split([',', '\t', ' '], StringSplitOptions.RemoveEmptyEntries).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
                double dx = (i / 25 % 4) switch { 0 => 0, 1 => 0.3, 2 => 0.9, _ => 1.2 } * v[2];
                a.Append(CultureInfo.InvariantCulture, $"{v[0] + dx},{v[1]},{v[2]},{v[3]}\n");
                b.Append(gt[0].Replace('\t', ',')).Append('\n');
            }
            File.WriteAllText(Path.Combine(shifted, s + ".txt"), a.ToString());
            File.WriteAllText(Path.Combine(held, s + ".txt"), b.ToString());
        }

        // The reasoning run, against the scripted server, keeping thumbnails.
        string results = Path.Combine(root, "reasoning");
        await using (var server = await FakeVlmServer.StartAsync("reasoningtrack-3b", ct))
        {
            server.DefaultReply = FakeReply.Text(Probe);
            var run = await Task.Run(() => CliRunner.Run("run", "--dataset", "otb", "--root", data, "--out", results, "--jobs", "1",
                "--reasoner", "reasoningtrack", "--vlm-url", server.BaseUrl.ToString(), "--model", "reasoningtrack-3b",
                "--text", "the target", "--trigger", "interval", "--interval", "40", "--vlm-thumbnails"), ct);
            run.ExitCode.ShouldBe(0, run.Stdout + run.Stderr);
        }
        // A call the realtime scheduler superseded (as ReasoningSession's OnSuperseded writes it) and one rejected.
        string log = Path.Combine(results, SupersededSequence + "_reasoning.jsonl");
        File.AppendAllText(log, JsonSerializer.Serialize(new { frame = 61, mode = "reasoningtrack", trigger = "interval", status = "superseded" }) + "\n");
        File.AppendAllText(log, JsonSerializer.Serialize(new { frame = 90, mode = "reasoningtrack", trigger = "interval", status = "rejected", raw_reply = "<d>no</d>" }) + "\n");

        string report = Path.Combine(root, "report");
        var o = await Task.Run(() => CliRunner.Run("report", "--dataset", "otb", "--annotations", data, "-r", "shifted=" + shifted, "-r", "held=" + held,
            "-r", ReasoningTracker + "=" + results, "--out", report), ct);
        o.ExitCode.ShouldBe(0, o.Stdout + o.Stderr);
        return new ReportSite(root, report, results, sequences!);
    }
}
