using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReasonTrack.Datasets;
using ReasonTrack.Evaluation;
using ReasonTrack.Evaluation.Protocols;
using ReasonTrack.Geometry;
using ReasonTrack.Geometry.Masks;
using ReasonTrack.Media;
using ReasonTrack.Reports.Html;
using ReasonTrack.Results;
using ReasonTrack.Results.Masks;

namespace ReasonTrack.Tests.Reports.Html;

/// <summary>
/// Masks on the report's sequence pages (issue 16 item 5): J per frame against ground-truth masks (hand-computed
/// values), masks found beside the boxes or in a named folder, unreadable masks a warning naming the file, and the
/// video overlay's pixels (the chosen tracker's masks in their DAVIS palette colour, the ground truth outlined white).
/// </summary>
public sealed partial class HtmlReportMasksTests : IDisposable
{
    private const int W = 20, H = 16, N = 5;
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-html-masks-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Mask Rect(int x, int y, int w, int h) => Mask.FromBox(new Box(x, y, w, h), W, H);

    /// <summary>
    /// Ground truth: object 1 a 4x4 square at (2, 2) in frames 0-3, gone in frame 4; object 2 a 2x2 square at (12, 10) in every frame.
    /// Tracker "a" (boxes beside masks): object 1 only, the square shifted right by 2 in frames 0-2, exact in frame 3, nothing in frame 4.
    /// </summary>
    private (Dataset Dataset, List<ResultSource> Sources, EvaluationReport Report, string Annotations, string ResultsA) Setup()
    {
        var gtBoxes = Enumerable.Range(0, N).Select(_ => new Box(2, 2, 4, 4)).ToArray();
        var seq = new Sequence("s1", gtBoxes);
        var ds = new Dataset("otb", "Masks", _dir, [seq]);
        var gt = new SequenceMasks(W, H);
        for (int f = 0; f < N; f++)
        {
            if (f < 4) gt.Set(f, 1, Rect(2, 2, 4, 4));
            gt.Set(f, 2, Rect(12, 10, 2, 2));
        }
        string annotations = Path.Combine(_dir, "Annotations", "480p");
        DavisPngFolder.Write(Path.Combine(annotations, "s1"), gt);

        var sources = new List<ResultSource>();
        string a = Path.Combine(_dir, "a"), b = Path.Combine(_dir, "b");
        foreach (var dir in new[] { a, b })
        {
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "s1.txt"), string.Concat(Enumerable.Repeat("2,2,4,4\n", N)));
        }
        var ra = new SequenceMasks(W, H);
        for (int f = 0; f < 3; f++) ra.Set(f, 1, Rect(4, 2, 4, 4));
        ra.Set(3, 1, Rect(2, 2, 4, 4));
        ra.EnsureFrames(N);
        DavisPngFolder.Write(Path.Combine(a, "s1"), ra);
        sources.Add(ResultLocator.Locate("a", a, ["s1"]));
        sources.Add(ResultLocator.Locate("b", b, ["s1"]));
        var report = Evaluator.Evaluate(ds, sources, ProtocolRegistry.Get("otb"));
        return (ds, sources, report, annotations, a);
    }

    [Fact]
    public void J_per_frame_is_the_mean_over_the_first_frames_objects_of_the_mask_iou()
    {
        var (ds, sources, report, annotations, _) = Setup();
        string site = Path.Combine(_dir, "site");
        // The DAVIS root is accepted as well as Annotations/480p itself.
        var result = new HtmlReportBuilder(new HtmlReportOptions { OutputDirectory = site, Dataset = ds, Results = sources, Masks = new HtmlReportMasks { Annotations = _dir } }).Build(report);
        result.Warnings.ShouldBeEmpty();
        var data = PageDataBlock.Read(File.ReadAllText(Path.Combine(site, "seq", "s1.html")));
        int scale = data.GetProperty("scale").GetInt32();
        var j = data.GetProperty("series").EnumerateArray().Where(s => s.GetProperty("key").GetString() == "J").ToList();
        j.Select(s => s.GetProperty("tracker").GetString()).ShouldBe(["a"]); // b has no masks: no line
        // Frames 0-2: object 1 overlaps 2 of 4 columns, J = 8 / 24; object 2 missing from the result, J = 0: mean 1/6.
        // Frame 3: object 1 exact (1), object 2 missing (0): 1/2. Frame 4: object 1 absent in both (1), object 2 0: 1/2.
        double[] expected = [1.0 / 6, 1.0 / 6, 1.0 / 6, 0.5, 0.5];
        j[0].GetProperty("values").EnumerateArray().Select(v => v.GetInt64()).ShouldBe(expected.Select(e => (long)Math.Round(e * scale)));
        j[0].GetProperty("min").GetDouble().ShouldBe(0);
        j[0].GetProperty("max").GetDouble().ShouldBe(1);
        // F: object 2 missing from the result scores 0 (an empty boundary against a non-empty one), object 1 exact
        // (frame 3) or absent in both (frame 4) scores 1: 1/2 there; frames 0-2 the shifted square scores in (0, 1).
        var keys = data.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("key").GetString()).Distinct().ToList();
        keys.ShouldBe(["iou", "J", "F"]); // no _scores.txt: no score chart
        var fv = data.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "F").GetProperty("values").EnumerateArray().Select(v => v.GetInt64()).ToList();
        fv[3].ShouldBe((long)Math.Round(0.5 * scale));
        fv[4].ShouldBe((long)Math.Round(0.5 * scale));
        fv[0].ShouldBeInRange(1, scale / 2 - 1);
        fv[1].ShouldBe(fv[0]);
        fv[2].ShouldBe(fv[0]);

        // Without annotations: no J chart (the overlay only).
        string site2 = Path.Combine(_dir, "site2");
        new HtmlReportBuilder(new HtmlReportOptions { OutputDirectory = site2, Dataset = ds, Results = sources, Masks = new HtmlReportMasks() }).Build(report);
        PageDataBlock.Read(File.ReadAllText(Path.Combine(site2, "seq", "s1.html"))).GetProperty("series").EnumerateArray().Select(s => s.GetProperty("key").GetString()).Distinct().ShouldBe(["iou"]);
    }

    [Fact]
    public void Masks_kept_elsewhere_are_found_by_tracker_and_an_unreadable_png_is_a_warning_naming_it()
    {
        var (ds, sources, report, annotations, a) = Setup();
        string elsewhere = Path.Combine(_dir, "elsewhere");
        var rb = new SequenceMasks(W, H);
        for (int f = 0; f < N; f++) rb.Set(f, 1, Rect(2, 2, 4, 4));
        DavisPngFolder.Write(Path.Combine(elsewhere, "s1"), rb);
        File.WriteAllText(Path.Combine(a, "s1", "00002.png"), "not a png");
        string site = Path.Combine(_dir, "site");
        var result = new HtmlReportBuilder(new HtmlReportOptions
        {
            OutputDirectory = site, Dataset = ds, Results = sources,
            Masks = new HtmlReportMasks { Annotations = annotations, ResultFolders = [("b", elsewhere)] },
        }).Build(report);
        result.Warnings.Count.ShouldBe(1);
        result.Warnings[0].ShouldContain(Path.Combine(a, "s1", "00002.png"));
        var j = PageDataBlock.Read(File.ReadAllText(Path.Combine(site, "seq", "s1.html"))).GetProperty("series").EnumerateArray().Where(s => s.GetProperty("key").GetString() == "J").ToList();
        j.Select(s => s.GetProperty("tracker").GetString()).ShouldBe(["b"]);
        // b: object 1 exact in frames 0-3 (1) and predicted present in frame 4 where it is gone (0); object 2 missing (0).
        int scale = PageDataBlock.Read(File.ReadAllText(Path.Combine(site, "seq", "s1.html"))).GetProperty("scale").GetInt32();
        j[0].GetProperty("values").EnumerateArray().Select(v => v.GetInt64()).ShouldBe(new[] { 0.5, 0.5, 0.5, 0.5, 0 }.Select(e => (long)Math.Round(e * scale)));
    }

    [Fact]
    public void The_overlay_fills_the_first_trackers_masks_in_their_palette_colour_and_outlines_the_ground_truth_in_white()
    {
        var (ds, sources, report, annotations, _) = Setup();
        var trackers = sources.Select((s, i) => new TrackerFrames { Tracker = s.TrackerName, Colour = "#ffffff", ResultPath = s.Runs[0]["s1"].Path, Boxes = [] }).ToList();
        var ctx = new SequencePageContext { Report = report, Sequence = ds.Sequences[0], Trackers = trackers };
        var overlay = new MaskVideoOverlay(new HtmlReportMasks { Annotations = annotations, Opacity = 0.5, OutlineWidth = 1 });
        using var frame = new ImageFrame(W, H, PixelFormat.Rgb24);
        frame.Pixels.Fill(100);
        overlay.Draw(frame, 0, ctx);
        byte[] Px(int x, int y) => frame.Row(y).Slice(x * 3, 3).ToArray();
        // Tracker a's square, columns 4..7, rows 2..5, colour (128, 0, 0), a = 128: interior (100 * 128 + 128 * 128 + 128) >> 8 = 114, (100 * 128 + 128) >> 8 = 50.
        Px(6, 3).ShouldBe(new byte[] { 114, 50, 50 });
        Px(7, 4).ShouldBe(new byte[] { 128, 0, 0 });     // its right edge
        // The ground truth's square (columns 2..5) outlined white over everything: its left edge, and its right edge inside a's fill.
        Px(2, 3).ShouldBe(new byte[] { 255, 255, 255 });
        Px(5, 4).ShouldBe(new byte[] { 255, 255, 255 });
        Px(3, 3).ShouldBe(new byte[] { 100, 100, 100 }); // inside the ground truth, outside a: untouched
        Px(12, 10).ShouldBe(new byte[] { 255, 255, 255 }); // object 2's 2x2 square is all edge
        Px(15, 1).ShouldBe(new byte[] { 100, 100, 100 });
    }
}
