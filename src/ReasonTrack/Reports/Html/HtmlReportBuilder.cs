using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using ReasonTrack.Datasets;
using ReasonTrack.Evaluation;
using ReasonTrack.Geometry;
using ReasonTrack.IO;
using ReasonTrack.Media;
using ReasonTrack.Reports.Svg;
using ReasonTrack.Results;

namespace ReasonTrack.Reports.Html;

/// <summary>
/// Writes the HTML report (ours): a static site opened from disk, with no server, no network and nothing from a CDN.
/// <list type="bullet">
/// <item><c>index.html</c>: a leaderboard per protocol (every number names its protocol; columns sort on click) and the
/// success / precision / normalized precision plots (<see cref="PlotWriter"/>'s SVG, <c>plots/</c>).</item>
/// <item><c>attributes.html</c>: per-attribute scores as sortable tables (trackers x attributes, one per metric), each
/// attribute's plots below, loaded lazily.</item>
/// <item><c>sequences.html</c>: every sequence with its per-tracker AUC, linking to <c>seq/&lt;name&gt;.html</c>: the
/// annotated video (<c>video/</c>), per-frame series (IoU, score, and whatever <see cref="HtmlReportOptions.SeriesProviders"/>
/// add) with absent frames shaded, the worst segments, and for reasoning runs the timeline of every model call with the
/// thumbnails of what the model saw (<c>thumbs/</c>).</item>
/// </list>
/// Each page carries only its own data (a JSON block, escaped by <see cref="HtmlText"/>); everything from a model or a
/// file is inserted as text. The scripts (<c>assets/report.js</c>) build the charts and tables from that data with DOM
/// text nodes only, and no inline event handlers exist.
/// </summary>
public sealed class HtmlReportBuilder
{
    private static readonly string[] AssetNames = ["report.css", "report.js"];

    private readonly HtmlReportOptions _options;

    public HtmlReportBuilder(HtmlReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.OutputDirectory)) throw new ReasonTrackException("HtmlReportOptions.OutputDirectory is required");
        if (!(options.VideoFps > 0 && options.VideoFps <= 1000)) throw new ReasonTrackException($"HtmlReportOptions.VideoFps must be in (0, 1000], not {options.VideoFps}");
        if (options.MaxSeriesPoints < 100) throw new ReasonTrackException($"HtmlReportOptions.MaxSeriesPoints must be at least 100, not {options.MaxSeriesPoints}");
        if (options.WorstSegmentCount < 0) throw new ReasonTrackException("HtmlReportOptions.WorstSegmentCount must not be negative");
        _options = options;
        // Masks (when asked for) add their J/F series after the given ones and their layer over the given overlays.
        _providers = options.Masks is { } m ? [.. options.SeriesProviders, .. m.SeriesProviders()] : options.SeriesProviders;
        _overlays = options.Masks is { } n ? [.. options.Overlays, n.Overlay()] : options.Overlays;
    }

    private readonly IReadOnlyList<IFrameSeriesProvider> _providers;
    private readonly IReadOnlyList<IFrameOverlay> _overlays;

    public HtmlReportResult Build(EvaluationReport report) => Build([report]);

    /// <summary>Builds the site from one report per protocol (the first one orders trackers and drives the sequence pages).</summary>
    public HtmlReportResult Build(IReadOnlyList<EvaluationReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count == 0) throw new ReasonTrackException("the HTML report needs at least one evaluation");
        string root = Path.GetFullPath(_options.OutputDirectory);
        Directory.CreateDirectory(root);
        var warnings = new ConcurrentBag<string>();
        var pages = new List<string>();
        var main = reports[0];
        string title = _options.Title ?? $"{ReportMetrics.DatasetTitle(main)} results";

        foreach (string a in AssetNames) AtomicFile.WriteAllText(Path.Combine(root, "assets", a), Asset(a));

        var ranked = ReportRanking.BySuccessAuc(main.Trackers);
        var colours = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < ranked.Count; i++) colours.TryAdd(ranked[i].Tracker, SeriesPalette.At(i).Colour);

        var seqFiles = SequenceFileNames(main.Sequences);
        bool sequencePages = _options.Dataset is not null && _options.Results.Count > 0;

        // Plots: one folder per protocol when there are several.
        var plotFolders = new List<string>();
        foreach (var r in reports)
        {
            string folder = reports.Count == 1 ? "plots" : "plots/" + PlotWriter.SafeFileTag(r.Protocol);
            for (int k = 2; plotFolders.Contains(folder); k++) folder = $"plots/{PlotWriter.SafeFileTag(r.Protocol)}_{k}";
            plotFolders.Add(folder);
            foreach (var f in PlotWriter.Render(r))
                AtomicFile.WriteAllText(Path.Combine(root, folder, f.RelativePath), f.Content);
        }

        Write(root, "index.html", IndexPage(reports, plotFolders, title, sequencePages), pages);
        Write(root, "attributes.html", AttributesPage(reports, plotFolders, title), pages);
        Write(root, "sequences.html", SequencesPage(main, ranked, seqFiles, title, sequencePages), pages);

        int seqPages = 0, videos = 0;
        var thumbs = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        if (sequencePages)
        {
            var seqPageList = new ConcurrentBag<string>();
            var byName = _options.Results.GroupBy(r => r.TrackerName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var reading = _options.BoxReading ?? NumericTableOptions.Dlmread;
            Parallel.For(0, main.Sequences.Count, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism ?? Environment.ProcessorCount }, i =>
            {
                string name = main.Sequences[i];
                var seq = _options.Dataset!.Find(name);
                if (seq is null) { warnings.Add($"sequence {name} is not in the dataset given: no page"); return; }
                var ctx = Context(main, seq, ranked, byName, colours, reading, warnings);
                string file = "seq/" + seqFiles[name] + ".html";
                string? video = WriteVideo(root, seqFiles[name], ctx, warnings);
                if (video is not null) Interlocked.Increment(ref videos);
                foreach (var t in ctx.Trackers)
                    if (t.Reasoning is { } tl)
                        foreach (var (n, p) in tl.Thumbnails) thumbs.TryAdd(n, p);
                AtomicFile.WriteAllText(Path.Combine(root, file), SequencePage(ctx, title, video is null ? null : "../video/" + video));
                seqPageList.Add(file);
                Interlocked.Increment(ref seqPages);
            });
            pages.AddRange(seqPageList.OrderBy(p => p, StringComparer.Ordinal));
        }
        foreach (var (n, p) in thumbs)
        {
            string target = Path.Combine(root, "thumbs", n);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(p, target, overwrite: true);
        }
        return new HtmlReportResult(Path.Combine(root, "index.html"), seqPages, videos, thumbs.Count, warnings.OrderBy(w => w, StringComparer.Ordinal).ToList()) { Pages = pages };
    }

    private static void Write(string root, string relative, string content, List<string> pages)
    {
        AtomicFile.WriteAllText(Path.Combine(root, relative), content);
        pages.Add(relative);
    }

    internal static string Asset(string name)
    {
        using var s = typeof(HtmlReportBuilder).Assembly.GetManifestResourceStream("ReasonTrack.Reports.Html.Assets." + name)
            ?? throw new InvalidOperationException($"embedded asset {name} missing");
        using var r = new StreamReader(s, Encoding.UTF8);
        return r.ReadToEnd();
    }

    /// <summary>File names for sequence pages: letters, digits, '-', '_' and '.' kept, anything else '_', unique ignoring case.</summary>
    internal static Dictionary<string, string> SequenceFileNames(IReadOnlyList<string> sequences)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string s in sequences)
        {
            if (map.ContainsKey(s)) continue;
            var sb = new StringBuilder(s.Length);
            foreach (char c in s) sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
            string stem = sb.Length == 0 ? "sequence" : sb.ToString();
            string f = stem;
            for (int k = 2; !used.Add(f); k++) f = $"{stem}_{k}";
            map[s] = f;
        }
        return map;
    }

    // ---------------------------------------------------------------- pages

    private static string Page(string title, string heading, string up, string active, string body, string? dataJson = null)
    {
        var sb = new StringBuilder(body.Length + 2048);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        // No network, no inline script: everything comes from this folder.
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>").Append(HtmlText.Escape(heading + " - " + title)).Append("</title>\n");
        sb.Append("<link rel=\"stylesheet\" href=\"").Append(up).Append("assets/report.css\">\n");
        sb.Append("<script src=\"").Append(up).Append("assets/report.js\" defer></script>\n</head>\n<body>\n");
        sb.Append("<header><span class=\"site\">").Append(HtmlText.Escape(title)).Append("</span><nav>");
        foreach (var (href, label) in new[] { ("index.html", "Leaderboard"), ("attributes.html", "Attributes"), ("sequences.html", "Sequences") })
        {
            sb.Append("<a href=\"").Append(up).Append(href).Append('"');
            if (label == active) sb.Append(" class=\"active\"");
            sb.Append('>').Append(label).Append("</a>");
        }
        sb.Append("</nav></header>\n<main>\n<h1>").Append(HtmlText.Escape(heading)).Append("</h1>\n");
        sb.Append(body);
        sb.Append("</main>\n");
        if (dataJson is not null) sb.Append("<script type=\"application/json\" id=\"page-data\">").Append(dataJson).Append("</script>\n");
        sb.Append("<footer>ReasonTrack HTML report (ours). Figures computed by the named protocols; per-frame charts are for display.</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static string Num(double v, string format = "0.000") => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "";

    private static void Cell(StringBuilder sb, double v, bool percent = true)
    {
        sb.Append("<td class=\"n\" data-v=\"").Append(double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "").Append("\">");
        sb.Append(HtmlText.Escape(percent ? ReportMetrics.Percent(v) : ReportMetrics.OneDecimal(v))).Append("</td>");
    }

    private static void Header(StringBuilder sb, string label, string protocol, string kind, string? tip = null)
    {
        sb.Append("<th data-sort=\"").Append(kind).Append("\" tabindex=\"0\"");
        if (tip is not null) sb.Append(" title=\"").Append(HtmlText.Escape(tip)).Append('"');
        sb.Append('>').Append(HtmlText.Escape(label));
        if (protocol.Length > 0) sb.Append("<span class=\"proto\">").Append(HtmlText.Escape(protocol)).Append("</span>");
        sb.Append("</th>");
    }

    private string IndexPage(IReadOnlyList<EvaluationReport> reports, List<string> plotFolders, string title, bool sequencePages)
    {
        var sb = new StringBuilder();
        for (int r = 0; r < reports.Count; r++)
        {
            var rep = reports[r];
            string p = rep.Protocol;
            sb.Append("<section class=\"protocol\" id=\"protocol-").Append(HtmlText.Escape(PlotWriter.SafeFileTag(p))).Append("\">\n");
            sb.Append("<h2>Leaderboard <span class=\"proto\">").Append(HtmlText.Escape(p)).Append("</span></h2>\n");
            sb.Append("<p class=\"desc\">").Append(HtmlText.Escape($"{ReportMetrics.DatasetTitle(rep)}, {rep.Sequences.Count} sequences, {rep.Trackers.Count} trackers. {rep.ProtocolDescription}")).Append("</p>\n");
            bool got = rep.Trackers.Any(t => t.Overall.AverageOverlap is not null);
            bool fps = rep.Trackers.Any(t => t.Overall.FramesPerSecond is not null);
            sb.Append("<table class=\"sortable leaderboard\" data-protocol=\"").Append(HtmlText.Escape(p)).Append("\">\n<thead><tr>");
            Header(sb, "Rank", "", "num");
            Header(sb, "Tracker", "", "text");
            Header(sb, "AUC", p, "num", "area under the success curve");
            Header(sb, ReportMetrics.ScoreName(rep, CurveKind.Precision), p, "num", "precision");
            Header(sb, ReportMetrics.ScoreName(rep, CurveKind.NormalizedPrecision), p, "num", "normalized precision");
            Header(sb, "SR@" + ReportMetrics.HeadlineThreshold(rep.SuccessGrid), p, "num", "success rate at the headline overlap");
            if (got) { Header(sb, "AO", p, "num"); Header(sb, "SR50", p, "num"); Header(sb, "SR75", p, "num"); }
            if (fps) Header(sb, "fps", p, "num", "mean frames per second from the time files");
            Header(sb, "Sequences", p, "num", "sequences evaluated");
            sb.Append("</tr></thead>\n<tbody>\n");
            var ranked = ReportRanking.BySuccessAuc(rep.Trackers);
            for (int i = 0; i < ranked.Count; i++)
            {
                var t = ranked[i];
                var o = t.Overall;
                sb.Append("<tr><td class=\"n\" data-v=\"").Append(i + 1).Append("\">").Append(i + 1).Append("</td>");
                sb.Append("<td class=\"tracker\" data-v=\"").Append(HtmlText.Escape(t.Tracker)).Append("\"><span class=\"swatch\" data-colour=\"")
                    .Append(SeriesPalette.At(i).Colour).Append("\"></span>").Append(HtmlText.Escape(t.Tracker)).Append("</td>");
                Cell(sb, o.Success.Auc);
                Cell(sb, o.Precision.Score);
                Cell(sb, o.NormalizedPrecision.Score);
                Cell(sb, o.Success.AtHeadline);
                if (got) { Cell(sb, o.AverageOverlap ?? double.NaN); Cell(sb, o.SuccessRate50 ?? double.NaN); Cell(sb, o.SuccessRate75 ?? double.NaN); }
                if (fps) Cell(sb, o.FramesPerSecond ?? double.NaN, percent: false);
                int n = ReportMetrics.Evaluated(t);
                sb.Append("<td class=\"n\" data-v=\"").Append(n).Append("\">").Append(n).Append("</td></tr>\n");
            }
            sb.Append("</tbody></table>\n<p class=\"hint\">Scores in percent; click a column header to sort.</p>\n");
            sb.Append("<div class=\"plots\">");
            foreach (var kind in ReportMetrics.Kinds)
                sb.Append("<figure><img src=\"").Append(plotFolders[r]).Append('/').Append(PlotWriter.FileName(kind, null)).Append("\" alt=\"")
                    .Append(HtmlText.Escape($"{kind} plot ({p})")).Append("\" width=\"640\" height=\"480\"></figure>");
            sb.Append("</div>\n");
            if (rep.Warnings.Count > 0)
            {
                sb.Append("<details class=\"warnings\"><summary>").Append(rep.Warnings.Count).Append(" warning(s) of the evaluation</summary><ul>");
                foreach (var w in rep.Warnings.Take(200)) sb.Append("<li>").Append(HtmlText.Escape(w)).Append("</li>");
                sb.Append("</ul></details>\n");
            }
            sb.Append("</section>\n");
        }
        if (!sequencePages)
            sb.Append("<p class=\"hint\">No sequence pages: build the report with the dataset and the result folders to get per-sequence video, charts and timelines.</p>\n");
        return Page(title, "Leaderboard", "", "Leaderboard", sb.ToString());
    }

    private static string AttributesPage(IReadOnlyList<EvaluationReport> reports, List<string> plotFolders, string title)
    {
        var sb = new StringBuilder();
        for (int r = 0; r < reports.Count; r++)
        {
            var rep = reports[r];
            var attrs = ReportMetrics.Attributes(rep);
            sb.Append("<section class=\"protocol\"><h2>Per attribute <span class=\"proto\">").Append(HtmlText.Escape(rep.Protocol)).Append("</span></h2>\n");
            if (attrs.Count == 0) { sb.Append("<p>This dataset has no attributes.</p></section>\n"); continue; }
            var ranked = ReportRanking.BySuccessAuc(rep.Trackers);
            foreach (var kind in ReportMetrics.Kinds)
            {
                string metric = ReportMetrics.ScoreName(rep, kind);
                sb.Append("<h3>").Append(HtmlText.Escape(metric)).Append(" <span class=\"proto\">").Append(HtmlText.Escape(rep.Protocol)).Append("</span></h3>\n");
                sb.Append("<div class=\"scroll\"><table class=\"sortable attributes\"><thead><tr>");
                Header(sb, "Tracker", "", "text");
                Header(sb, "All", rep.Protocol, "num", $"{metric} over all sequences");
                foreach (var a in attrs) Header(sb, ReportMetrics.Key(a), "", "num", $"{a.Attribute} ({a.SequenceCount} sequences), {metric}, {rep.Protocol}");
                sb.Append("</tr></thead><tbody>\n");
                foreach (var t in ranked)
                {
                    sb.Append("<tr><td class=\"tracker\" data-v=\"").Append(HtmlText.Escape(t.Tracker)).Append("\">").Append(HtmlText.Escape(t.Tracker)).Append("</td>");
                    Cell(sb, ReportMetrics.Shown(t.Overall, kind));
                    foreach (var a in attrs)
                    {
                        var s = t.PerAttribute.FirstOrDefault(x => ReportMetrics.Key(x) == ReportMetrics.Key(a));
                        Cell(sb, s is null ? double.NaN : ReportMetrics.Shown(s.Summary, kind));
                    }
                    sb.Append("</tr>\n");
                }
                sb.Append("</tbody></table></div>\n");
            }
            sb.Append("<h3>Plots per attribute</h3>\n");
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var a in attrs)
            {
                string key = ReportMetrics.Key(a);
                string tag = PlotWriter.SafeFileTag(key);
                for (int k = 2; !used.Add(tag); k++) tag = PlotWriter.SafeFileTag(key) + "_" + k;
                sb.Append("<details class=\"attr\"><summary>").Append(HtmlText.Escape($"{a.Attribute} ({key}, {a.SequenceCount} sequences)")).Append("</summary><div class=\"plots\">");
                foreach (var kind in ReportMetrics.Kinds)
                    sb.Append("<img loading=\"lazy\" src=\"").Append(plotFolders[r]).Append('/').Append(PlotWriter.FileName(kind, tag)).Append("\" alt=\"")
                        .Append(HtmlText.Escape($"{kind} plot, {a.Attribute}")).Append("\" width=\"640\" height=\"480\">");
                sb.Append("</div></details>\n");
            }
            sb.Append("</section>\n");
        }
        return Page(title, "Attributes", "", "Attributes", sb.ToString());
    }

    private string SequencesPage(EvaluationReport rep, IReadOnlyList<TrackerEvaluation> ranked, Dictionary<string, string> files, string title, bool links)
    {
        var sb = new StringBuilder();
        sb.Append("<p class=\"desc\">Per-sequence AUC <span class=\"proto\">").Append(HtmlText.Escape(rep.Protocol)).Append("</span> of every tracker; click a header to sort, a name to open the sequence.</p>\n");
        sb.Append("<div class=\"scroll\"><table class=\"sortable sequences\"><thead><tr>");
        Header(sb, "Sequence", "", "text");
        Header(sb, "Frames", "", "num");
        if (_options.Dataset is not null) Header(sb, "Absent", "", "num", "frames where the target is absent");
        Header(sb, "Mean AUC", rep.Protocol, "num", "mean over trackers");
        foreach (var t in ranked) Header(sb, t.Tracker, rep.Protocol, "num", $"AUC of {t.Tracker}");
        sb.Append("</tr></thead><tbody>\n");
        for (int i = 0; i < rep.Sequences.Count; i++)
        {
            string name = rep.Sequences[i];
            sb.Append("<tr><td data-v=\"").Append(HtmlText.Escape(name)).Append("\">");
            if (links) sb.Append("<a href=\"seq/").Append(HtmlText.Escape(files[name])).Append(".html\">").Append(HtmlText.Escape(name)).Append("</a>");
            else sb.Append(HtmlText.Escape(name));
            sb.Append("</td>");
            var first = ranked.Count > 0 && i < ranked[0].Sequences.Count ? ranked[0].Sequences[i] : null;
            int frames = first?.Frames ?? 0;
            sb.Append("<td class=\"n\" data-v=\"").Append(frames).Append("\">").Append(frames).Append("</td>");
            if (_options.Dataset is not null)
            {
                var seq = _options.Dataset.Find(name);
                int absent = 0;
                if (seq is not null) for (int f = 0; f < seq.Length; f++) if (!seq.IsVisible(f)) absent++;
                sb.Append("<td class=\"n\" data-v=\"").Append(absent).Append("\">").Append(absent).Append("</td>");
            }
            double sum = 0;
            int count = 0;
            var aucs = new double[ranked.Count];
            for (int k = 0; k < ranked.Count; k++)
            {
                var c = i < ranked[k].Sequences.Count ? ranked[k].Sequences[i] : null;
                aucs[k] = c is null || c.Skipped ? double.NaN : ReportMetrics.Area(c.Success);
                if (double.IsFinite(aucs[k])) { sum += aucs[k]; count++; }
            }
            Cell(sb, count > 0 ? sum / count : double.NaN);
            foreach (double a in aucs) Cell(sb, a);
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody></table></div>\n");
        return Page(title, "Sequences", "", "Sequences", sb.ToString());
    }

    // ---------------------------------------------------------------- sequence pages

    private SequencePageContext Context(EvaluationReport rep, Sequence seq, IReadOnlyList<TrackerEvaluation> ranked, Dictionary<string, ResultSource> sources,
        Dictionary<string, string> colours, NumericTableOptions reading, ConcurrentBag<string> warnings)
    {
        var trackers = new List<TrackerFrames>();
        foreach (var t in ranked)
        {
            if (!sources.TryGetValue(t.Tracker, out var src) || src.Runs.Count == 0 || !src.Runs[0].TryGetValue(seq.Name, out var file)) continue;
            try
            {
                var boxes = DisplayNumbers.ReadBoxes(file.Path, reading);
                string dir = Path.GetDirectoryName(file.Path)!;
                string stem = Path.GetFileNameWithoutExtension(file.Path);
                string scorePath = Path.Combine(dir, stem + "_scores.txt");
                double[]? scores = File.Exists(scorePath) ? DisplayNumbers.ReadColumn(scorePath) : null;
                ReasoningTimeline? timeline = ReasoningTimeline.Beside(dir, stem);
                if (timeline is null)
                    foreach (var (name, folder) in _options.ReasoningFolders)
                        if (name == t.Tracker && (timeline = ReasoningTimeline.Beside(folder, seq.Name)) is not null) break;
                trackers.Add(new TrackerFrames { Tracker = t.Tracker, Colour = colours[t.Tracker], ResultPath = file.Path, Boxes = boxes, Scores = scores, Reasoning = timeline });
            }
            catch (DataFormatException e)
            {
                warnings.Add($"{seq.Name}, {t.Tracker}: {e.Message}");
            }
        }
        return new SequencePageContext { Report = rep, Sequence = seq, Trackers = trackers, Warn = warnings.Add };
    }

    /// <summary>The sequence's video under <c>video/</c> (its file name), or null when there is none.</summary>
    private string? WriteVideo(string root, string file, SequencePageContext ctx, ConcurrentBag<string> warnings)
    {
        var seq = ctx.Sequence;
        if (_options.Videos.TryGetValue(seq.Name, out var given))
        {
            string ext = Path.GetExtension(given).ToLowerInvariant() is ".mp4" or ".webm" ? Path.GetExtension(given).ToLowerInvariant() : ".mp4";
            Directory.CreateDirectory(Path.Combine(root, "video"));
            File.Copy(given, Path.Combine(root, "video", file + ext), overwrite: true);
            return file + ext;
        }
        if (_options.Video == HtmlReportVideo.None || seq.Length == 0 || seq.Frames.Count < seq.Length) return null;
        string path = Path.Combine(root, "video", file + ".mp4");
        try
        {
            var colours = ctx.Trackers.Select(t => ParseColour(t.Colour)).ToArray();
            using var source = FfmpegFrameSource.FromImages(seq.Frames.Take(seq.Length), new FrameSourceOptions { Name = seq.Name, Format = PixelFormat.Rgb24, FfmpegPath = _options.FfmpegPath });
            using var sink = new FfmpegVideoSink(path, _options.VideoFps, _options.FfmpegPath);
            using var annotator = new FrameAnnotator(_options.Annotation);
            int i = 0;
            foreach (var frame in source.ReadFrames())
            {
                if (i >= seq.Length) break;
                var gt = seq.GroundTruth[i];
                if (!ctx.IsAbsent(i)) Drawing.DrawRectangle(frame, gt, Rgb.White, 1);
                for (int k = 0; k < ctx.Trackers.Count; k++)
                {
                    var boxes = ctx.Trackers[k].Boxes;
                    if (i < boxes.Length && boxes[i].IsFinite && boxes[i].W > 0 && boxes[i].H > 0) Drawing.DrawRectangle(frame, boxes[i], colours[k], 2);
                }
                foreach (var o in _overlays) o.Draw(frame, i, ctx);
                annotator.DrawText(frame, 4, 4, (i + 1).ToString(CultureInfo.InvariantCulture) + (ctx.IsAbsent(i) ? " absent" : ""), Rgb.Yellow);
                sink.Write(frame);
                i++;
            }
            return i > 0 ? file + ".mp4" : null;
        }
        catch (Exception e) when (e is MediaException or DataFormatException or IOException)
        {
            warnings.Add($"{seq.Name}: no video ({e.Message})");
            return null;
        }
    }

    private static Rgb ParseColour(string hex) =>
        new(byte.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            byte.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            byte.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private string SequencePage(SequencePageContext ctx, string title, string? video)
    {
        var seq = ctx.Sequence;
        var series = new List<FrameSeries>();
        foreach (var p in _providers) series.AddRange(p.Series(ctx));
        var sb = new StringBuilder();
        sb.Append("<p class=\"desc\">").Append(ctx.Frames).Append(" frames");
        int absent = 0;
        for (int f = 0; f < ctx.Frames; f++) if (ctx.IsAbsent(f)) absent++;
        if (absent > 0) sb.Append(", target absent on ").Append(absent);
        if (seq.Attributes.Count > 0) sb.Append(". Attributes: ").Append(HtmlText.Escape(string.Join(", ", seq.Attributes)));
        if (seq.Language is { Length: > 0 } lang) sb.Append(". Description: <q>").Append(HtmlText.Escape(lang)).Append("</q>");
        sb.Append(".</p>\n");

        sb.Append("<ul class=\"legend\"><li><span class=\"swatch gt\"></span>ground truth</li>");
        foreach (var t in ctx.Trackers)
        {
            var c = ctx.Report.Trackers.FirstOrDefault(x => x.Tracker == t.Tracker)?.Sequences.FirstOrDefault(s => s.Sequence == seq.Name);
            sb.Append("<li><span class=\"swatch\" data-colour=\"").Append(t.Colour).Append("\"></span>").Append(HtmlText.Escape(t.Tracker));
            if (c is not null && !c.Skipped) sb.Append(" <span class=\"muted\">AUC ").Append(HtmlText.Escape(ReportMetrics.Percent(ReportMetrics.Area(c.Success)))).Append(" <span class=\"proto\">").Append(HtmlText.Escape(ctx.Report.Protocol)).Append("</span></span>");
            sb.Append("</li>");
        }
        sb.Append("</ul>\n");

        if (video is not null)
        {
            sb.Append("<div class=\"player\"><video id=\"video\" controls preload=\"auto\" src=\"").Append(HtmlText.Escape(video)).Append("\"></video><div class=\"frame-no\" id=\"frame-no\">frame 1</div></div>\n");
            // What the overlays drew (a video given ready-made was not drawn on here).
            if (!_options.Videos.ContainsKey(seq.Name))
                foreach (var o in _overlays)
                    if (o.Caption(ctx) is { Length: > 0 } caption) sb.Append("<p class=\"hint\">").Append(HtmlText.Escape(caption)).Append("</p>\n");
        }
        else
            sb.Append("<p class=\"hint\">No video: the dataset was given without frames (or the report without videos).</p>\n");

        sb.Append("<section><h2>Per frame</h2><div id=\"charts\" class=\"charts\"></div><p class=\"hint\">Shaded: target absent. Click a chart to go to that frame.</p></section>\n");

        // Worst segments, on every frame's IoU.
        sb.Append("<section><h2>Worst segments</h2><p class=\"desc\">").Append(HtmlText.Escape(
            $"Longest runs of frames with IoU below {_options.WorstSegmentThreshold.ToString(CultureInfo.InvariantCulture)} (absent frames end a run; ours)")).Append("</p>\n");
        sb.Append("<table class=\"sortable segments\"><thead><tr>");
        Header(sb, "Tracker", "", "text"); Header(sb, "From", "", "num"); Header(sb, "To", "", "num"); Header(sb, "Frames", "", "num"); Header(sb, "Mean IoU", "", "num");
        sb.Append("</tr></thead><tbody>\n");
        foreach (var t in ctx.Trackers)
        {
            var iou = ctx.Iou(t);
            foreach (var s in WorstSegment.Find(iou, _options.WorstSegmentThreshold, _options.WorstSegmentCount))
            {
                sb.Append("<tr><td data-v=\"").Append(HtmlText.Escape(t.Tracker)).Append("\">").Append(HtmlText.Escape(t.Tracker)).Append("</td>");
                sb.Append("<td class=\"n\" data-v=\"").Append(s.FirstFrame).Append("\"><button type=\"button\" class=\"seek\" data-frame=\"").Append(s.FirstFrame).Append("\">").Append(s.FirstFrame).Append("</button></td>");
                sb.Append("<td class=\"n\" data-v=\"").Append(s.LastFrame).Append("\">").Append(s.LastFrame).Append("</td>");
                sb.Append("<td class=\"n\" data-v=\"").Append(s.Length).Append("\">").Append(s.Length).Append("</td>");
                sb.Append("<td class=\"n\" data-v=\"").Append(s.MeanIou.ToString("R", CultureInfo.InvariantCulture)).Append("\">").Append(Num(s.MeanIou)).Append("</td></tr>\n");
            }
        }
        sb.Append("</tbody></table></section>\n");

        var timelines = ctx.Trackers.Where(t => t.Reasoning is not null).ToList();
        if (timelines.Count > 0)
        {
            sb.Append("<section><h2>Reasoning timeline</h2><p class=\"desc\">Every model call on the frame axis: a dot at the frame asked, a line to the frame its answer was applied. " +
                      "Hollow: superseded, stale or rejected; red: error or fallback. The band shows the description in force. Click a call to open it.</p>\n");
            sb.Append("<div id=\"timelines\"></div><div id=\"call\" class=\"call-detail\" hidden></div></section>\n");
        }

        string json = HtmlText.Json(w => PageData(w, ctx, series, timelines, video));
        return Page(title, seq.Name, "../", "Sequences", sb.ToString(), json);
    }

    private void PageData(Utf8JsonWriter w, SequencePageContext ctx, List<FrameSeries> series, List<TrackerFrames> timelines, string? video)
    {
        int n = ctx.Frames;
        int step = Math.Max(1, (n + _options.MaxSeriesPoints - 1) / _options.MaxSeriesPoints);
        w.WriteStartObject();
        w.WriteString("sequence", ctx.Sequence.Name);
        w.WriteNumber("frames", n);
        w.WriteNumber("fps", _options.VideoFps);
        w.WriteBoolean("video", video is not null);
        w.WriteNumber("step", step);
        w.WriteNumber("scale", 1000);
        w.WriteStartArray("absent");
        for (int f = 0; f < n; f++)
        {
            if (!ctx.IsAbsent(f)) continue;
            int a = f;
            while (f + 1 < n && ctx.IsAbsent(f + 1)) f++;
            w.WriteStartArray(); w.WriteNumberValue(a + 1); w.WriteNumberValue(f + 1); w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteStartArray("trackers");
        foreach (var t in ctx.Trackers) { w.WriteStartObject(); w.WriteString("name", t.Tracker); w.WriteString("colour", t.Colour); w.WriteEndObject(); }
        w.WriteEndArray();
        w.WriteStartArray("series");
        foreach (var s in series)
        {
            w.WriteStartObject();
            w.WriteString("key", s.Key);
            w.WriteString("label", s.Label);
            w.WriteString("tracker", s.Tracker);
            if (s.Min is double mn && double.IsFinite(mn)) w.WriteNumber("min", mn);
            if (s.Max is double mx && double.IsFinite(mx)) w.WriteNumber("max", mx);
            if (s.Note is not null) w.WriteString("note", s.Note);
            w.WriteStartArray("values");
            for (int i = 0; i < s.Values.Length; i += step)
            {
                double sum = 0;
                int c = 0;
                for (int j = i; j < Math.Min(s.Values.Length, i + step); j++) if (double.IsFinite(s.Values[j])) { sum += s.Values[j]; c++; }
                // Thousandths as integers (the page divides by "scale"): a third of the text of doubles, and written faster.
                if (c == 0) w.WriteNullValue();
                else w.WriteNumberValue((long)Math.Round(sum / c * 1000));
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("timelines");
        foreach (var t in timelines)
        {
            var tl = t.Reasoning!;
            w.WriteStartObject();
            w.WriteString("tracker", t.Tracker);
            w.WriteString("colour", t.Colour);
            w.WriteStartArray("calls");
            foreach (var c in tl.Calls)
            {
                w.WriteStartObject();
                w.WriteNumber("frame", c.Frame);
                if (c.AppliedAtFrame is int ap) w.WriteNumber("applied", ap);
                w.WriteString("mode", c.Mode);
                w.WriteString("trigger", c.Trigger);
                w.WriteString("status", c.Status);
                if (c.LatencyMs is double l) w.WriteNumber("latency_ms", l);
                Optional(w, "decision", c.Decision);
                Optional(w, "description", c.Description);
                Optional(w, "box", c.Box);
                Optional(w, "reply", c.RawReply);
                if (c.ReplyTruncated == true) w.WriteNumber("reply_length", c.ReplyLength ?? 0);
                Optional(w, "error", c.Error);
                Optional(w, "parse_note", c.ParseNote);
                Strings(w, "images", c.Images);
                Strings(w, "encodings", c.ImageEncodings);
                Strings(w, "thumbs", c.ImageThumbnails);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("descriptions");
            if (tl.Descriptions is { } d)
                for (int f = 0; f < d.Count; f++)
                {
                    int a = f;
                    while (f + 1 < d.Count && d[f + 1] == d[a]) f++;
                    w.WriteStartArray(); w.WriteNumberValue(a + 1); w.WriteNumberValue(f + 1); w.WriteStringValue(d[a]); w.WriteEndArray();
                }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
