using ReasonTrack.Datasets;
using ReasonTrack.Media;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Tests.Reasoning;
using ReasonTrack.Tests.Reasoning.Modes;

namespace ReasonTrack.Tests.Cli;

/// <summary>
/// Issue 11 item 8: which reading of a TNLLT <c>language.txt</c> each mode is given. VPTracker's evaluation reads the
/// whole file unstripped (<c>evaluation/tnllt_dataset.py</c> ~59, <c>f.read()</c>); the other modes keep the first line.
/// </summary>
public sealed class VpTrackerLanguageCommandTests : IDisposable
{
    private const string LanguageFile = "  the red square\r\n on the left \n";
    private const string WholeText = "  the red square\n on the left \n"; // Python text mode: \r\n read as \n

    private readonly string _dir = Directory.CreateTempSubdirectory("rt-vplang-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string MakeTnllt()
    {
        string seq = Path.Combine(_dir, "tnllt", "seqA");
        Directory.CreateDirectory(Path.Combine(seq, "imgs"));
        for (int i = 1; i <= 3; i++)
        {
            var frame = new ImageFrame(64, 48, PixelFormat.Rgb24);
            frame.Pixels.Fill((byte)(40 * i));
            File.WriteAllBytes(Path.Combine(seq, "imgs", $"{i:00000}.png"), PngEncoder.Encode(frame));
        }
        File.WriteAllText(Path.Combine(seq, "groundtruth.txt"), "10,10,20,15\n10,10,20,15\n10,10,20,15\n");
        File.WriteAllBytes(Path.Combine(seq, "language.txt"), System.Text.Encoding.UTF8.GetBytes(LanguageFile));
        return Path.Combine(_dir, "tnllt");
    }

    [Fact]
    public async Task Run_with_vptracker_sends_the_whole_language_file_unstripped()
    {
        if (!File.Exists("/usr/bin/ffmpeg") && Environment.GetEnvironmentVariable("REASONTRACK_FFMPEG") is null)
            Assert.Skip("ffmpeg not installed (./setup.sh installs it)");
        var ct = TestContext.Current.CancellationToken;
        string root = MakeTnllt();
        await using var server = await FakeVlmServer.StartAsync("vptracker-4b", ct);
        server.DefaultReply = FakeReply.Text("```json\n{\"visible\": \"yes\", \"bbox\": [10, 10, 30, 25]}\n```");

        var o = await Task.Run(() => CliRunner.Run("run", "--dataset", "tnllt", "--root", root, "--out", Path.Combine(_dir, "out"),
            "--reasoner", "vptracker", "--vlm-url", server.BaseUrl.ToString(), "--model", "vptracker-4b"), ct);

        o.ExitCode.ShouldBe(0, o.Stdout + o.Stderr);
        server.Requests.Count.ShouldBe(2);
        foreach (var request in server.Requests)
        {
            string text = string.Concat(ModeFixtures.UserParts(request).Where(p => p.Type == "text").Select(p => p.Text));
            text.ShouldContain("<ref>" + WholeText + "</ref>");
        }
        // The reading is part of the recorded configuration (a resume over first-line results is refused).
        string record = Directory.GetFiles(Path.Combine(_dir, "out"), "reasontrack-run.json", SearchOption.AllDirectories).Single();
        File.ReadAllText(record).ShouldContain("\"language_reading\": \"whole-file\"");
    }

    [Fact]
    public void Each_mode_reads_the_language_file_as_released()
    {
        var s = new Sequence("seqA", [new(10, 10, 20, 15)]) { Language = "the red square", LanguageText = WholeText };
        LanguageReading For(ReasonerKind kind, LanguageReading? choice = null) =>
            ReasoningSetup.LanguageReadingFor(new ReasoningSetupOptions { Kind = kind, Model = "m", LanguageReading = choice });
        For(ReasonerKind.VpTracker).ShouldBe(LanguageReading.WholeFile);
        For(ReasonerKind.ReasoningTrack).ShouldBe(LanguageReading.FirstLine);
        For(ReasonerKind.R1Track).ShouldBe(LanguageReading.FirstLine);
        For(ReasonerKind.Hybrid).ShouldBe(LanguageReading.FirstLine);
        For(ReasonerKind.VpTracker, LanguageReading.FirstLine).ShouldBe(LanguageReading.FirstLine);
        s.LanguageAs(For(ReasonerKind.VpTracker)).ShouldBe(WholeText);
        s.LanguageAs(For(ReasonerKind.ReasoningTrack)).ShouldBe("the red square");
        new Sequence("b", [new(1, 1, 1, 1)]) { Language = "only a line" }.LanguageAs(LanguageReading.WholeFile).ShouldBe("only a line");
    }
}
