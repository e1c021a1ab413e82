using System.Globalization;
using System.Text.Json;
using ReasonTrack.IO;
using ReasonTrack.Media.Synthetic;
using ReasonTrack.Tests.Segmentation;

namespace ReasonTrack.Tests.Cli;

/// <summary>
/// <c>--segmenter</c> on <c>track</c> and <c>run</c> (issue 16 item 2): masks written as DAVIS PNGs beside the boxes,
/// the segmenter recorded in <c>reasontrack-run.json</c> (another segmenter is not resumed over), a sequence whose masks
/// are missing tracked again, and a bad <c>onnx:</c> file refused with its name (exit 2) before anything is written.
/// Data: generated ellipses and diamonds (<see cref="SyntheticMaskSequence"/>) in the OTB layout, PNG frames.
/// </summary>
public sealed class SegmenterCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-segcli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void RequireFfmpeg()
    {
        if (!File.Exists("/usr/bin/ffmpeg") && Environment.GetEnvironmentVariable("REASONTRACK_FFMPEG") is null)
            Assert.Skip("ffmpeg not installed (./setup.sh installs it)");
    }

    private const int Frames = 8;

    /// <summary>Two small generated sequences, OTB layout under data/, DAVIS masks under davis/.</summary>
    private string Data()
    {
        string data = Path.Combine(_dir, "data");
        foreach (var (name, shape, seed) in new[] { ("ell", SyntheticShape.Ellipse, 1UL), ("dia", SyntheticShape.Diamond, 2UL) })
            new SyntheticMaskSequence(new SyntheticMaskSequenceOptions { Width = 96, Height = 72, Frames = Frames, Seed = seed, Shape = shape, SemiMajor = 16, SemiMinor = 9 })
                .WriteOtbAndDavis(data, Path.Combine(_dir, "davis"), name);
        return data;
    }

    private static JsonElement Record(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "reasontrack-run.json"))).RootElement.Clone();

    [Fact]
    public void Track_with_the_box_segmenter_writes_a_davis_png_per_frame_whose_first_mask_is_the_initial_box()
    {
        RequireFfmpeg();
        string data = Data();
        string gt = Path.Combine(data, "ell", "groundtruth_rect.txt");
        string outDir = Path.Combine(_dir, "out");
        var o = CliRunner.Run("track", "-i", Path.Combine(data, "ell"), "-g", gt, "--segmenter", "box", "-o", outDir);
        o.ExitCode.ShouldBe(0, o.Stdout + o.Stderr);
        string masks = Path.Combine(outDir, "ell");
        o.Stdout.ShouldContain($"masks: {masks}{Path.DirectorySeparatorChar} ({Frames} DAVIS PNGs, object id 1");
        var files = Directory.GetFiles(masks).Order(StringComparer.Ordinal).ToList();
        files.Select(Path.GetFileName).ShouldBe(Enumerable.Range(0, Frames).Select(i => i.ToString("D5", CultureInfo.InvariantCulture) + ".png"));
        var png = DavisPngProbe.Read(files);
        png.Values.ShouldAllBe(p => p.Mode == "P" && p.Width == 96 && p.Height == 72 && p.Counts.Keys.All(k => k == 0 || k == 1));
        // Frame 1 is segmented from the initial box, the first ground-truth row (integers): exactly that rectangle.
        var b = File.ReadLines(gt).First().Split(',').Select(v => (int)double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var first = png[files[0]];
        first.Counts[1].ShouldBe((long)b[2] * b[3]);
        first.Boxes[1].ShouldBe([b[0], b[1], b[0] + b[2] - 1, b[1] + b[3] - 1]);
        // Later frames: the tracker's box (found on every frame here), a rectangle of the box's pixel count.
        var boxes = NumericTable.Read(Path.Combine(outDir, "ell.txt")).ToBoxes();
        for (int i = 1; i < Frames; i++)
        {
            var bb = png[files[i]].Boxes[1];
            png[files[i]].Counts[1].ShouldBe((long)(bb[2] - bb[0] + 1) * (bb[3] - bb[1] + 1), $"frame {i + 1} is a rectangle");
            Math.Abs(bb[0] - boxes[i].X).ShouldBeLessThanOrEqualTo(1.0, $"frame {i + 1}");
        }
    }

    [Fact]
    public void Run_records_the_segmenter_resumes_only_with_it_and_tracks_again_a_sequence_whose_masks_are_missing()
    {
        RequireFfmpeg();
        string data = Data();
        string outDir = Path.Combine(_dir, "run");
        var first = CliRunner.Run("run", "-d", "otb", "-a", data, "-o", outDir, "--segmenter", "colour");
        first.ExitCode.ShouldBe(0, first.Stdout + first.Stderr);
        Record(outDir).GetProperty("segmenter").GetString().ShouldBe("colour");
        foreach (string s in new[] { "dia", "ell" })
        {
            var files = Directory.GetFiles(Path.Combine(outDir, s), "*.png").Order(StringComparer.Ordinal).ToList();
            files.Count.ShouldBe(Frames, s);
            DavisPngProbe.Read(files).Values.ShouldAllBe(p => p.Mode == "P" && p.Width == 96 && p.Counts.Keys.All(k => k == 0 || k == 1));
        }

        // Another segmenter over these results is another configuration: refused naming the field, nothing tracked.
        var other = CliRunner.Run("run", "-d", "otb", "-a", data, "-o", outDir, "--segmenter", "box").ShouldFailCleanly();
        other.Stderr.ShouldContain("segmenter: \"colour\" -> \"box\"");
        var none = CliRunner.Run("run", "-d", "otb", "-a", data, "-o", outDir).ShouldFailCleanly();
        none.Stderr.ShouldContain("segmenter: \"colour\" -> (none)");

        // The same configuration resumes; a sequence whose last mask is gone is not done.
        File.Delete(Path.Combine(outDir, "ell", (Frames - 1).ToString("D5", CultureInfo.InvariantCulture) + ".png"));
        var again = CliRunner.Run("run", "-d", "otb", "-a", data, "-o", outDir, "--segmenter", "colour");
        again.ExitCode.ShouldBe(0, again.Stdout + again.Stderr);
        again.Stdout.ShouldContain("1 already done, 1 to track");
        Directory.GetFiles(Path.Combine(outDir, "ell"), "*.png").Length.ShouldBe(Frames);
    }

    [Fact]
    public void Track_report_charts_j_against_one_sequences_folder_of_annotations()
    {
        RequireFfmpeg();
        string data = Data();
        string seq = Path.Combine(data, "ell"), gt = Path.Combine(seq, "groundtruth_rect.txt"), annotations = Path.Combine(_dir, "davis", "ell");
        string outDir = Path.Combine(_dir, "out"), report = Path.Combine(_dir, "html");
        var alone = CliRunner.Run("track", "-i", seq, "-g", gt, "--segmenter", "colour", "-o", outDir, "--mask-annotations", annotations).ShouldFailCleanly();
        alone.Stderr.ShouldContain("--report");
        var o = CliRunner.Run("track", "-i", seq, "-g", gt, "--segmenter", "colour", "-o", outDir, "--report", report, "--mask-annotations", annotations);
        o.ExitCode.ShouldBe(0, o.Stdout + o.Stderr);
        o.Stdout.ShouldNotContain("warning:");
        string page = File.ReadAllText(Path.Combine(report, "seq", "ell.html"));
        page.ShouldContain("\"key\":\"J\"");
        page.ShouldContain("\"tracker\":\"default\"");
    }

    [Fact]
    public void A_missing_onnx_file_is_refused_naming_it_before_anything_is_written()
    {
        RequireFfmpeg();
        string data = Data();
        string enc = Path.Combine(_dir, "no-such-encoder.onnx"), dec = Path.Combine(_dir, "no-such-decoder.onnx");
        string trackOut = Path.Combine(_dir, "t");
        var t = CliRunner.Run("track", "-i", Path.Combine(data, "ell"), "-g", Path.Combine(data, "ell", "groundtruth_rect.txt"),
            "--segmenter", $"onnx:{enc},{dec}", "-o", trackOut).ShouldFailCleanly();
        t.Stderr.ShouldContain(enc);
        File.Exists(Path.Combine(trackOut, "ell.txt")).ShouldBeFalse();

        string runOut = Path.Combine(_dir, "r");
        var r = CliRunner.Run("run", "-d", "otb", "-a", data, "-o", runOut, "--segmenter", $"onnx:{enc},{dec}").ShouldFailCleanly();
        r.Stderr.ShouldContain(enc);
        r.Stdout.ShouldNotContain("done:");
        (Directory.Exists(runOut) ? Directory.GetFiles(runOut, "*.txt") : []).ShouldBeEmpty();

        // A file that exists but is not an ONNX model is named too.
        File.WriteAllText(enc, "not onnx");
        File.WriteAllText(dec, "not onnx");
        var broken = CliRunner.Run("run", "-d", "otb", "-a", data, "-o", runOut, "--segmenter", $"onnx:{enc},{dec}").ShouldFailCleanly();
        broken.Stderr.ShouldContain(enc);
        // And a malformed value is a usage error naming the form.
        var form = CliRunner.Run("track", "-i", Path.Combine(data, "ell"), "--init", "1,1,5,5", "--segmenter", "onnx:only-one.onnx");
        form.ExitCode.ShouldNotBe(0);
        (form.Stdout + form.Stderr).ShouldContain("onnx:<encoder.onnx>,<decoder.onnx>");
    }
}
