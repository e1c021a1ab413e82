using System.Globalization;
using System.Text;

namespace ReasonTrack.Reports.Svg;

/// <summary>
/// A line plot written as standalone SVG, in the look of the tracking toolkits' Matlab figures: boxed axes with
/// inward ticks, dotted grid lines (<c>GridLineStyle ':'</c>), a bold title with a smaller subtitle line (used for
/// the protocol), and a legend of <c>[score] label</c> entries ordered by score, best first. Curves get colours and
/// line styles by rank from <see cref="SeriesPalette"/> and are drawn worst first so the best lies on top.
/// </summary>
/// <remarks>
/// The legend goes in the <see cref="Legend"/> corner unless curves pass through the box there and another corner
/// is clearer: candidates are tried in the order preferred, opposite corner, the remaining two, and the first with
/// the fewest curve points under the box wins. Output depends only on the inputs (same plot, same bytes).
/// </remarks>
public sealed class SvgPlot
{
    public const int Width = 640;
    public const int Height = 480;

    // Axes rectangle in SVG pixels; the right edge moves left when the legend has to go outside the axes.
    private const double Left = 74, FullRight = 618, Top = 62, Bottom = 414;
    private const double LegendInset = 8;
    private const double MaxLabelWidth = 300;
    private const double MaxOutsideLabelWidth = 190;
    private const double OutsideGap = 10;

    private double _right = FullRight;

    private readonly List<PlotSeries> _series = [];

    public SvgPlot(string title, PlotAxis x, PlotAxis y)
    {
        Title = title;
        X = x;
        Y = y;
    }

    public string Title { get; }

    /// <summary>Second line under the title (e.g. <c>protocol: lasot-matlab</c>).</summary>
    public string? Subtitle { get; init; }

    public PlotAxis X { get; }
    public PlotAxis Y { get; }

    /// <summary>Preferred legend corner.</summary>
    public LegendPlacement Legend { get; init; } = LegendPlacement.LowerLeft;

    /// <summary>Format of the legend scores (3 decimals as the toolkits print them).</summary>
    public string ScoreFormat { get; init; } = "0.000";

    public IReadOnlyList<PlotSeries> Series => _series;

    public SvgPlot Add(PlotSeries series)
    {
        if (series.X.Count != series.Y.Count)
            throw new ArgumentException($"series '{series.Label}': {series.X.Count} x values but {series.Y.Count} y values", nameof(series));
        _series.Add(series);
        return this;
    }

    public SvgPlot Add(string label, IReadOnlyList<double> x, IReadOnlyList<double> y, double score) => Add(new PlotSeries(label, x, y, score));

    /// <summary>Series in legend order: score descending, NaN last, ties in the order added.</summary>
    public IReadOnlyList<PlotSeries> Ranked() =>
        _series.Select((s, i) => (s, i))
            .OrderBy(t => double.IsNaN(t.s.Score) ? 1 : 0)
            .ThenByDescending(t => double.IsNaN(t.s.Score) ? 0 : t.s.Score)
            .ThenBy(t => t.i)
            .Select(t => t.s)
            .ToList();

    /// <summary>The legend text of a series: <c>[0.584] Name</c>.</summary>
    public string LegendText(PlotSeries s) =>
        "[" + (double.IsNaN(s.Score) ? "n/a" : s.Score.ToString(ScoreFormat, CultureInfo.InvariantCulture)) + "] " + s.Label;

    public string Render()
    {
        var ranked = Ranked();
        _right = FullRight;
        var legend = ranked.Count > 0 ? LayoutLegend(ranked) : null;
        var sb = new StringBuilder(16_384);
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"Helvetica, Arial, sans-serif\">\n");
        sb.Append("<title>").Append(SvgText.Escape(Title)).Append("</title>\n");
        if (Subtitle is not null) sb.Append("<desc>").Append(SvgText.Escape(Subtitle)).Append("</desc>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>\n");
        sb.Append("<defs><clipPath id=\"plot-area\"><rect x=\"").Append(SvgText.N(Left - 2)).Append("\" y=\"").Append(SvgText.N(Top - 2))
          .Append("\" width=\"").Append(SvgText.N(_right - Left + 4)).Append("\" height=\"").Append(SvgText.N(Bottom - Top + 4)).Append("\"/></clipPath></defs>\n");

        var xTicks = X.Ticks();
        var yTicks = Y.Ticks();
        WriteGrid(sb, xTicks, yTicks);
        WriteCurves(sb, ranked);
        WriteAxes(sb, xTicks, yTicks);
        WriteTitles(sb);
        if (legend is not null) WriteLegend(sb, legend);
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private double Px(double x) => Left + (x - X.Min) / (X.Max - X.Min) * (_right - Left);
    private double Py(double y) => Bottom - (y - Y.Min) / (Y.Max - Y.Min) * (Bottom - Top);

    private void WriteGrid(StringBuilder sb, IReadOnlyList<double> xTicks, IReadOnlyList<double> yTicks)
    {
        sb.Append("<g class=\"grid\" stroke=\"#b4b4b4\" stroke-width=\"0.7\" stroke-dasharray=\"1 3\" fill=\"none\">\n");
        foreach (var t in xTicks)
        {
            double px = Px(t);
            if (px <= Left + 0.5 || px >= _right - 0.5) continue;
            sb.Append("<line x1=\"").Append(SvgText.N(px)).Append("\" y1=\"").Append(SvgText.N(Top)).Append("\" x2=\"").Append(SvgText.N(px))
              .Append("\" y2=\"").Append(SvgText.N(Bottom)).Append("\"/>\n");
        }
        foreach (var t in yTicks)
        {
            double py = Py(t);
            if (py <= Top + 0.5 || py >= Bottom - 0.5) continue;
            sb.Append("<line x1=\"").Append(SvgText.N(Left)).Append("\" y1=\"").Append(SvgText.N(py)).Append("\" x2=\"").Append(SvgText.N(_right))
              .Append("\" y2=\"").Append(SvgText.N(py)).Append("\"/>\n");
        }
        sb.Append("</g>\n");
    }

    private void WriteCurves(StringBuilder sb, IReadOnlyList<PlotSeries> ranked)
    {
        sb.Append("<g class=\"curves\" clip-path=\"url(#plot-area)\" fill=\"none\" stroke-width=\"2\" stroke-linejoin=\"round\">\n");
        for (int r = ranked.Count - 1; r >= 0; r--)
        {
            var s = ranked[r];
            var style = SeriesPalette.At(r);
            sb.Append("<path class=\"series\" data-rank=\"").Append((r + 1).ToString(CultureInfo.InvariantCulture))
              .Append("\" data-label=\"").Append(SvgText.Escape(s.Label)).Append("\" stroke=\"").Append(style.Colour).Append('"');
            if (style.DashArray is { } dash) sb.Append(" stroke-dasharray=\"").Append(dash).Append('"');
            sb.Append(" d=\"").Append(PathData(s)).Append("\"><title>").Append(SvgText.Escape(LegendText(s))).Append("</title></path>\n");
        }
        sb.Append("</g>\n");
    }

    private string PathData(PlotSeries s)
    {
        var d = new StringBuilder();
        bool pen = false;
        for (int i = 0; i < s.X.Count; i++)
        {
            double x = s.X[i], y = s.Y[i];
            if (!double.IsFinite(x) || !double.IsFinite(y)) { pen = false; continue; }
            if (d.Length > 0) d.Append(' ');
            d.Append(pen ? 'L' : 'M').Append(SvgText.N(Px(x))).Append(',').Append(SvgText.N(Py(y)));
            pen = true;
        }
        return d.ToString();
    }

    private void WriteAxes(StringBuilder sb, IReadOnlyList<double> xTicks, IReadOnlyList<double> yTicks)
    {
        const double tick = 5;
        sb.Append("<g class=\"axes\" stroke=\"#262626\" stroke-width=\"1\" fill=\"none\">\n");
        sb.Append("<rect x=\"").Append(SvgText.N(Left)).Append("\" y=\"").Append(SvgText.N(Top)).Append("\" width=\"").Append(SvgText.N(_right - Left))
          .Append("\" height=\"").Append(SvgText.N(Bottom - Top)).Append("\"/>\n");
        foreach (var t in xTicks)
        {
            string px = SvgText.N(Px(t));
            sb.Append("<line x1=\"").Append(px).Append("\" y1=\"").Append(SvgText.N(Bottom)).Append("\" x2=\"").Append(px).Append("\" y2=\"").Append(SvgText.N(Bottom - tick)).Append("\"/>");
            sb.Append("<line x1=\"").Append(px).Append("\" y1=\"").Append(SvgText.N(Top)).Append("\" x2=\"").Append(px).Append("\" y2=\"").Append(SvgText.N(Top + tick)).Append("\"/>\n");
        }
        foreach (var t in yTicks)
        {
            string py = SvgText.N(Py(t));
            sb.Append("<line x1=\"").Append(SvgText.N(Left)).Append("\" y1=\"").Append(py).Append("\" x2=\"").Append(SvgText.N(Left + tick)).Append("\" y2=\"").Append(py).Append("\"/>");
            sb.Append("<line x1=\"").Append(SvgText.N(_right)).Append("\" y1=\"").Append(py).Append("\" x2=\"").Append(SvgText.N(_right - tick)).Append("\" y2=\"").Append(py).Append("\"/>\n");
        }
        sb.Append("</g>\n");

        const double fs = 12;
        sb.Append(CultureInfo.InvariantCulture, $"<g class=\"tick-labels\" font-size=\"{fs}\" fill=\"#262626\">\n");
        foreach (var t in xTicks)
            Text(sb, Px(t), Bottom + 17, SvgText.Tick(t), "middle");
        foreach (var t in yTicks)
            Text(sb, Left - 7, Py(t) + fs * 0.35, SvgText.Tick(t), "end");
        sb.Append("</g>\n");

        double yLabelWidth = yTicks.Max(t => SvgText.Width(SvgText.Tick(t), fs));
        sb.Append("<g class=\"axis-titles\" font-size=\"14\" fill=\"#262626\">\n");
        sb.Append("<text class=\"x-title\" x=\"").Append(SvgText.N((Left + _right) / 2)).Append("\" y=\"").Append(SvgText.N(Bottom + 41))
          .Append("\" text-anchor=\"middle\">").Append(SvgText.Escape(X.Title)).Append("</text>\n");
        double yTitleX = Math.Max(16, Left - 7 - yLabelWidth - 12);
        sb.Append("<text class=\"y-title\" transform=\"translate(").Append(SvgText.N(yTitleX)).Append(',').Append(SvgText.N((Top + Bottom) / 2))
          .Append(") rotate(-90)\" text-anchor=\"middle\">").Append(SvgText.Escape(Y.Title)).Append("</text>\n");
        sb.Append("</g>\n");
    }

    /// <summary>
    /// The title on one line at up to 16 px; a title that would need less than 13 px and has a " - " part (the
    /// attribute plots') goes on two lines, split at the last " - ", and the subtitle moves down under it.
    /// </summary>
    private void WriteTitles(StringBuilder sb)
    {
        const double maxWidth = Width - 40;
        double fs = FitFont(Title, 16, maxWidth, 10);
        double subtitleY = 46;
        int split = Title.LastIndexOf(" - ", StringComparison.Ordinal);
        if (fs < 13 && split > 0)
        {
            string first = Title[..split], second = Title[(split + 3)..];
            fs = Math.Min(FitFont(first, 15, maxWidth, 9), FitFont(second, 15, maxWidth, 9));
            double y2 = 19 + fs * 1.2;
            sb.Append("<text class=\"title\" text-anchor=\"middle\" font-size=\"").Append(SvgText.N(fs)).Append("\" font-weight=\"bold\" fill=\"#000000\">")
              .Append("<tspan x=\"").Append(SvgText.N(Width / 2.0)).Append("\" y=\"19\">").Append(SvgText.Escape(first)).Append(" </tspan>")
              .Append("<tspan x=\"").Append(SvgText.N(Width / 2.0)).Append("\" y=\"").Append(SvgText.N(y2)).Append("\">").Append(SvgText.Escape(second)).Append("</tspan></text>\n");
            subtitleY = y2 + 15;
        }
        else
        {
            sb.Append("<text class=\"title\" x=\"").Append(SvgText.N(Width / 2.0)).Append("\" y=\"27\" text-anchor=\"middle\" font-size=\"").Append(SvgText.N(fs))
              .Append("\" font-weight=\"bold\" fill=\"#000000\">").Append(SvgText.Escape(Title)).Append("</text>\n");
        }
        if (Subtitle is not null)
        {
            double sfs = FitFont(Subtitle, 12, maxWidth, 8);
            sb.Append("<text class=\"subtitle\" x=\"").Append(SvgText.N(Width / 2.0)).Append("\" y=\"").Append(SvgText.N(subtitleY)).Append("\" text-anchor=\"middle\" font-size=\"").Append(SvgText.N(sfs))
              .Append("\" fill=\"#4d4d4d\">").Append(SvgText.Escape(Subtitle)).Append("</text>\n");
        }
    }

    private static double FitFont(string text, double size, double maxWidth, double minSize)
    {
        double w = SvgText.Width(text, size);
        return w <= maxWidth ? size : Math.Max(minSize, Math.Floor(size * maxWidth / w * 10) / 10);
    }

    private sealed record LegendLayout(IReadOnlyList<string> Labels, double FontSize, double X, double Y, double W, double H);

    private const double LegendPad = 6, LegendSample = 30, LegendGap = 6;

    /// <summary>
    /// Sizes the legend and places it: inside the axes in the first corner (preferred order) that no curve passes
    /// through; when every corner is crossed, outside to the right of the axes, which become narrower. Sets
    /// the axes' right edge, so it runs before anything is drawn.
    /// </summary>
    private LegendLayout LayoutLegend(IReadOnlyList<PlotSeries> ranked)
    {
        _right = FullRight;
        int n = ranked.Count;
        double fs = 12;
        double available = Bottom - Top - 2 * LegendInset - 2 * LegendPad;
        if (n * fs * 1.45 > available) fs = Math.Max(6, Math.Floor(available / n / 1.45 * 10) / 10);
        double row = fs * 1.45;
        double h = 2 * LegendPad + n * row;

        var labels = ranked.Select(s => Truncate(LegendText(s), fs, MaxLabelWidth)).ToList();
        double w = Size(labels, fs);
        var (x, y, hits) = ChooseLegendCorner(ranked, w, h);
        if (hits == 0) return new LegendLayout(labels, fs, x, y, w, h);

        var outside = ranked.Select(s => Truncate(LegendText(s), fs, MaxOutsideLabelWidth)).ToList();
        double wo = Size(outside, fs);
        _right = Width - 12 - wo - OutsideGap;
        return new LegendLayout(outside, fs, _right + OutsideGap, Top, wo, h);
    }

    private static double Size(IReadOnlyList<string> labels, double fs) =>
        LegendPad + LegendSample + LegendGap + labels.Max(l => SvgText.Width(l, fs)) + LegendPad;

    private static void WriteLegend(StringBuilder sb, LegendLayout l)
    {
        double fs = l.FontSize, row = fs * 1.45;
        sb.Append("<g class=\"legend\">\n");
        sb.Append("<rect x=\"").Append(SvgText.N(l.X)).Append("\" y=\"").Append(SvgText.N(l.Y)).Append("\" width=\"").Append(SvgText.N(l.W)).Append("\" height=\"").Append(SvgText.N(l.H))
          .Append("\" fill=\"#ffffff\" fill-opacity=\"0.92\" stroke=\"#262626\" stroke-width=\"0.8\"/>\n");
        for (int r = 0; r < l.Labels.Count; r++)
        {
            var style = SeriesPalette.At(r);
            double cy = l.Y + LegendPad + r * row + row / 2;
            sb.Append("<line x1=\"").Append(SvgText.N(l.X + LegendPad)).Append("\" y1=\"").Append(SvgText.N(cy)).Append("\" x2=\"").Append(SvgText.N(l.X + LegendPad + LegendSample))
              .Append("\" y2=\"").Append(SvgText.N(cy)).Append("\" stroke=\"").Append(style.Colour).Append("\" stroke-width=\"2\"");
            if (style.DashArray is { } dash) sb.Append(" stroke-dasharray=\"").Append(dash).Append('"');
            sb.Append("/>\n");
            sb.Append("<text class=\"legend-entry\" x=\"").Append(SvgText.N(l.X + LegendPad + LegendSample + LegendGap)).Append("\" y=\"").Append(SvgText.N(cy + fs * 0.35))
              .Append("\" font-size=\"").Append(SvgText.N(fs)).Append("\" fill=\"#000000\">").Append(SvgText.Escape(l.Labels[r])).Append("</text>\n");
        }
        sb.Append("</g>\n");
    }

    private static string Truncate(string label, double fs, double maxWidth)
    {
        if (SvgText.Width(label, fs) <= maxWidth) return label;
        var runes = label.EnumerateRunes().ToList();
        for (int keep = runes.Count - 1; keep > 1; keep--)
        {
            string t = string.Concat(runes.Take(keep).Select(r => r.ToString())) + "\u2026";
            if (SvgText.Width(t, fs) <= maxWidth) return t;
        }
        return label;
    }

    private (double X, double Y, int Hits) ChooseLegendCorner(IReadOnlyList<PlotSeries> ranked, double w, double h)
    {
        var order = Legend switch
        {
            LegendPlacement.LowerLeft => new[] { LegendPlacement.LowerLeft, LegendPlacement.UpperRight, LegendPlacement.LowerRight, LegendPlacement.UpperLeft },
            LegendPlacement.LowerRight => [LegendPlacement.LowerRight, LegendPlacement.UpperLeft, LegendPlacement.LowerLeft, LegendPlacement.UpperRight],
            LegendPlacement.UpperLeft => [LegendPlacement.UpperLeft, LegendPlacement.LowerRight, LegendPlacement.UpperRight, LegendPlacement.LowerLeft],
            _ => [LegendPlacement.UpperRight, LegendPlacement.LowerLeft, LegendPlacement.UpperLeft, LegendPlacement.LowerRight],
        };
        (double X, double Y) best = default;
        int bestHits = int.MaxValue;
        foreach (var p in order)
        {
            var corner = Corner(p, w, h);
            int hits = CurvePointsInside(ranked, corner.X - 3, corner.Y - 3, w + 6, h + 6);
            if (hits < bestHits) { best = corner; bestHits = hits; }
            if (hits == 0) break;
        }
        return (best.X, best.Y, bestHits);
    }

    private (double X, double Y) Corner(LegendPlacement p, double w, double h) => p switch
    {
        LegendPlacement.LowerLeft => (Left + LegendInset, Bottom - LegendInset - h),
        LegendPlacement.LowerRight => (_right - LegendInset - w, Bottom - LegendInset - h),
        LegendPlacement.UpperLeft => (Left + LegendInset, Top + LegendInset),
        _ => (_right - LegendInset - w, Top + LegendInset),
    };

    /// <summary>Points sampled every ~1.5 px along the drawn curves that fall inside the rectangle.</summary>
    private int CurvePointsInside(IReadOnlyList<PlotSeries> series, double x, double y, double w, double h)
    {
        int hits = 0;
        foreach (var s in series)
        {
            double? px0 = null, py0 = null;
            for (int i = 0; i < s.X.Count; i++)
            {
                if (!double.IsFinite(s.X[i]) || !double.IsFinite(s.Y[i])) { px0 = null; continue; }
                double px = Px(s.X[i]), py = Py(s.Y[i]);
                if (px0 is double ax && py0 is double ay)
                {
                    double len = Math.Sqrt((px - ax) * (px - ax) + (py - ay) * (py - ay));
                    int steps = Math.Max(1, (int)Math.Ceiling(len / 1.5));
                    for (int k = 1; k <= steps; k++)
                    {
                        double qx = ax + (px - ax) * k / steps, qy = ay + (py - ay) * k / steps;
                        if (qx >= x && qx <= x + w && qy >= y && qy <= y + h) hits++;
                    }
                }
                else if (px >= x && px <= x + w && py >= y && py <= y + h)
                {
                    hits++;
                }
                px0 = px;
                py0 = py;
            }
        }
        return hits;
    }

    private static void Text(StringBuilder sb, double x, double y, string text, string anchor) =>
        sb.Append("<text x=\"").Append(SvgText.N(x)).Append("\" y=\"").Append(SvgText.N(y)).Append("\" text-anchor=\"").Append(anchor).Append("\">")
          .Append(SvgText.Escape(text)).Append("</text>\n");
}
