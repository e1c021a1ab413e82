using System.Globalization;
using System.Text.Json;
using ReasonTrack.Geometry;

namespace ReasonTrack.Tests.Cli;

/// <summary>
/// GOT-10k end to end through the CLI: a val-layout fixture (meta_info.ini resolution, cover and absence labels), a
/// submission with two runs and time files, the got10k protocol; AO/SR checked against a direct computation of the
/// got10k-toolkit's rules written here (clip to the image, skip frame 1 and cover-0 frames, pool all frames of all
/// runs and sequences).
/// </summary>
public sealed class Got10kEvalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rt-got-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Ao_and_success_rates_pool_frames_over_runs_and_sequences()
    {
        var rng = new Random(5);
        string val = Path.Combine(_dir, "val");
        string sub = Path.Combine(_dir, "submission");
        var pooled = new List<double>();
        var times = new List<double>();
        var names = new[] { "GOT-10k_Val_000001", "GOT-10k_Val_000002" };
        foreach (var (name, n) in names.Zip(new[] { 30, 45 }))
        {
            string seqDir = Directory.CreateDirectory(Path.Combine(val, name)).FullName;
            var gt = Enumerable.Range(0, n).Select(i => new Box(20 + i, 30, 60, 40)).ToArray();
            var cover = Enumerable.Range(0, n).Select(i => i % 7 == 3 ? 0 : 8).ToArray();
            File.WriteAllLines(Path.Combine(seqDir, "groundtruth.txt"), gt.Select(b => BoxText.Format(b, ",")));
            File.WriteAllLines(Path.Combine(seqDir, "cover.label"), cover.Select(c => c.ToString(CultureInfo.InvariantCulture)));
            File.WriteAllLines(Path.Combine(seqDir, "absence.label"), cover.Select(c => c == 0 ? "1" : "0"));
            File.WriteAllText(Path.Combine(seqDir, "meta_info.ini"), "[METAINFO]\nobject_class: car\nresolution: (100, 80)\n");
            for (int run = 1; run <= 2; run++)
            {
                var pred = gt.Select(b => new Box(b.X + rng.Next(-15, 16), b.Y + rng.Next(-10, 11), b.W, b.H)).ToArray();
                string runDir = Directory.CreateDirectory(Path.Combine(sub, name)).FullName;
                File.WriteAllLines(Path.Combine(runDir, $"{name}_{run:000}.txt"), pred.Select(b => BoxText.Format(b, ",")));
                for (int i = 1; i < n; i++)
                    if (cover[i] > 0) pooled.Add(ReferenceIou(pred[i], gt[i], 100, 80));
            }
            var t = Enumerable.Range(0, n).Select(_ => 0.01 + rng.NextDouble() * 0.02).ToArray();
            File.WriteAllLines(Path.Combine(sub, name, $"{name}_time.txt"), t.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            times.AddRange(t.Concat(t)); // the time file belongs to every run
        }
        File.WriteAllLines(Path.Combine(val, "list.txt"), names);

        string json = Path.Combine(_dir, "r.json");
        var o = CliRunner.Run("eval", "-d", "got10k-val", "-a", _dir, "-r", "Mine=" + sub, "--json", json);
        o.ExitCode.ShouldBe(0, o.Stderr);
        o.Stdout.ShouldContain("AO (got10k)");
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var tr = doc.RootElement.GetProperty("trackers")[0];
        tr.GetProperty("runs").GetInt32().ShouldBe(2);
        tr.GetProperty("ao").GetDouble().ShouldBe(pooled.Average(), 1e-12);
        tr.GetProperty("sr50").GetDouble().ShouldBe(pooled.Count(v => v > 0.5) / (double)pooled.Count, 1e-12);
        tr.GetProperty("sr75").GetDouble().ShouldBe(pooled.Count(v => v > 0.75) / (double)pooled.Count, 1e-12);
        tr.GetProperty("fps").GetDouble().ShouldBe(times.Average(t => 1 / t), 1e-9);
    }

    /// <summary>
    /// Issue 10 item 5: a NaN row on a counted frame makes got10k-toolkit's AO NaN (its IoU is NaN, np.mean NaN)
    /// while SR stays a number. That is no AO: an error naming the file and line, never a silent null.
    /// </summary>
    [Fact]
    public void A_nan_row_on_a_counted_frame_is_an_error_naming_file_and_line()
    {
        string name = "GOT-10k_Val_000001";
        string seqDir = Directory.CreateDirectory(Path.Combine(_dir, "val", name)).FullName;
        var gt = Enumerable.Range(0, 20).Select(i => new Box(20 + i, 30, 40, 30)).ToArray();
        File.WriteAllLines(Path.Combine(seqDir, "groundtruth.txt"), gt.Select(b => BoxText.Format(b, ",")));
        File.WriteAllLines(Path.Combine(seqDir, "cover.label"), gt.Select(_ => "8"));
        File.WriteAllText(Path.Combine(seqDir, "meta_info.ini"), "[METAINFO]\nresolution: (100, 80)\n");
        File.WriteAllLines(Path.Combine(_dir, "val", "list.txt"), [name]);
        string runDir = Directory.CreateDirectory(Path.Combine(_dir, "sub", name)).FullName;
        var lines = gt.Select(b => BoxText.Format(b, ",")).ToArray();
        lines[7] = "nan,nan,nan,nan";
        File.WriteAllLines(Path.Combine(runDir, $"{name}_001.txt"), lines);

        var o = CliRunner.Run("eval", "-d", "got10k-val", "-a", _dir, "-r", Path.Combine(_dir, "sub"), "--json", Path.Combine(_dir, "r.json")).ShouldFailCleanly();
        o.Stderr.ShouldContain($"{name}_001.txt:8:");
        o.Stderr.ShouldContain("AO");
        File.Exists(Path.Combine(_dir, "r.json")).ShouldBeFalse();
    }

    /// <summary>got10k-toolkit's rect_iou with bound, written out plainly.</summary>
    private static double ReferenceIou(Box a, Box b, double w, double h)
    {
        static Box Clip(Box r, double w, double h)
        {
            double x = Math.Clamp(r.X, 0, w), y = Math.Clamp(r.Y, 0, h);
            return new Box(x, y, Math.Clamp(r.W, 0, w - x), Math.Clamp(r.H, 0, h - y));
        }
        a = Clip(a, w, h);
        b = Clip(b, w, h);
        double iw = Math.Max(Math.Min(a.X + a.W, b.X + b.W) - Math.Max(a.X, b.X), 0);
        double ih = Math.Max(Math.Min(a.Y + a.H, b.Y + b.H) - Math.Max(a.Y, b.Y), 0);
        double inter = iw * ih;
        return Math.Clamp(inter / (a.W * a.H + b.W * b.H - inter + 2.220446049250313e-16), 0, 1);
    }
}
