using System.Xml.Linq;
using ReasonTrack.Evaluation;
using ReasonTrack.Reports;
using ReasonTrack.Reports.Svg;

namespace ReasonTrack.Tests.Reports;

public class SvgPlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument Parse(string svg) => XDocument.Parse(svg);

    private static List<string> Texts(XDocument doc, string cssClass) =>
        doc.Descendants(Svg + "text").Where(e => (string?)e.Attribute("class") == cssClass).Select(e => e.Value).ToList();

    private static List<string> AllTexts(XDocument doc) => doc.Descendants(Svg + "text").Select(e => e.Value).ToList();

    [Fact]
    public void Success_plot_parses_and_carries_title_protocol_axes_and_one_path_per_tracker()
    {
        string svg = PlotWriter.Build(ReportFixture.Sample(), CurveKind.Success).Render();
        var doc = Parse(svg);

        doc.Root!.Name.ShouldBe(Svg + "svg");
        doc.Root.Attribute("viewBox")!.Value.ShouldBe("0 0 640 480");
        doc.Root.Attribute("font-family")!.Value.ShouldContain("sans-serif");
        Texts(doc, "title").ShouldBe(["Success plots of OPE on LaSOT Testing Set"]);
        Texts(doc, "subtitle").Single().ShouldContain("protocol: lasot-matlab");
        Texts(doc, "x-title").ShouldBe(["Overlap threshold"]);
        Texts(doc, "y-title").ShouldBe(["Success rate"]);
        doc.Descendants(Svg + "path").Count(p => (string?)p.Attribute("class") == "series").ShouldBe(3);
    }

    [Fact]
    public void Success_legend_lists_auc_with_three_decimals_best_first()
    {
        var doc = Parse(PlotWriter.Build(ReportFixture.Sample(), CurveKind.Success).Render());
        Texts(doc, "legend-entry").ShouldBe(["[0.612] Beta", "[0.584] Alpha", "[0.500] a<b&\"c\""]);
    }

    [Fact]
    public void Precision_legend_is_ordered_by_precision_score_not_by_auc()
    {
        var doc = Parse(PlotWriter.Build(ReportFixture.Sample(), CurveKind.Precision).Render());
        Texts(doc, "legend-entry").ShouldBe(["[0.700] Alpha", "[0.660] a<b&\"c\"", "[0.650] Beta"]);
        Texts(doc, "title").ShouldBe(["Precision plots of OPE on LaSOT Testing Set"]);
        Texts(doc, "x-title").ShouldBe(["Location error threshold"]);
        Texts(doc, "y-title").ShouldBe(["Precision"]);
    }

    [Fact]
    public void Normalized_precision_legend_shows_the_score_and_names_area_when_the_protocol_ranks_by_area()
    {
        // The fixture's Score is the NP@0.20 value; with NormalizedPrecisionIsArea the legend must say "area".
        var doc = Parse(PlotWriter.Build(ReportFixture.Sample(npIsArea: true, protocol: "tnl2k-matlab"), CurveKind.NormalizedPrecision).Render());
        Texts(doc, "legend-entry").ShouldBe(["[0.660] Beta", "[0.610] Alpha", "[0.580] a<b&\"c\""]);
        Texts(doc, "subtitle").Single().ShouldContain("protocol: tnl2k-matlab");
        Texts(doc, "subtitle").Single().ShouldContain("area");
        Texts(doc, "x-title").ShouldBe(["Normalized location error threshold"]);
    }

    [Fact]
    public void Tracker_names_are_escaped()
    {
        string svg = PlotWriter.Build(ReportFixture.Sample(), CurveKind.Success).Render();
        svg.ShouldContain("a&lt;b&amp;&quot;c&quot;");
        svg.ShouldNotContain("a<b&\"c\"");
        // Round trip through the XML parser gives the name back unchanged.
        Parse(svg).Descendants(Svg + "path").Select(p => (string?)p.Attribute("data-label")).ShouldContain(ReportFixture.Weird);
    }

    [Fact]
    public void Control_characters_in_names_do_not_break_the_xml()
    {
        var plot = new SvgPlot("t", new PlotAxis("x", 0, 1, 0.5), new PlotAxis("y", 0, 1, 0.5));
        plot.Add("bad\u0001name\uD800", [0, 1], [1, 0], 0.5);
        Should.NotThrow(() => Parse(plot.Render()));
    }

    [Fact]
    public void Axis_ticks_are_labelled_from_min_to_max()
    {
        var doc = Parse(PlotWriter.Build(ReportFixture.Sample(), CurveKind.Precision).Render());
        var labels = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "tick-labels").Elements(Svg + "text").Select(t => t.Value).ToList();
        foreach (var x in new[] { "0", "5", "10", "25", "45", "50" }) labels.ShouldContain(x);
        foreach (var y in new[] { "0.1", "0.5", "0.9", "1" }) labels.ShouldContain(y);
        labels.ShouldNotContain("0.30000000000000004");
    }

    [Fact]
    public void Grid_lines_are_dotted()
    {
        var doc = Parse(PlotWriter.Build(ReportFixture.Sample(), CurveKind.Success).Render());
        var grid = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "grid");
        grid.Attribute("stroke-dasharray")!.Value.ShouldBe("1 3");
        grid.Elements(Svg + "line").Count().ShouldBe(9 + 9); // interior ticks 0.1..0.9 on both axes
    }

    [Fact]
    public void Series_get_distinct_styles_by_rank()
    {
        var doc = Parse(PlotWriter.Build(ReportFixture.Sample(), CurveKind.Success).Render());
        var paths = doc.Descendants(Svg + "path").Where(p => (string?)p.Attribute("class") == "series").ToList();
        var styles = paths.Select(p => ((string?)p.Attribute("stroke"), (string?)p.Attribute("stroke-dasharray"))).ToList();
        styles.Distinct().Count().ShouldBe(3);
        paths.Single(p => (string?)p.Attribute("data-label") == "Beta").Attribute("data-rank")!.Value.ShouldBe("1");
        paths.Single(p => (string?)p.Attribute("data-label") == "Beta").Attribute("stroke-dasharray").ShouldBeNull(); // best is solid
    }

    [Fact]
    public void Palette_has_at_least_twelve_distinct_combinations_and_neighbours_differ_in_colour_and_style()
    {
        var styles = Enumerable.Range(0, SeriesPalette.Size).Select(SeriesPalette.At).ToList();
        styles.Distinct().Count().ShouldBe(SeriesPalette.Size);
        SeriesPalette.Size.ShouldBeGreaterThanOrEqualTo(12);
        for (int i = 1; i < styles.Count; i++)
        {
            styles[i].Colour.ShouldNotBe(styles[i - 1].Colour);
            styles[i].Line.ShouldNotBe(styles[i - 1].Line);
        }
        styles.Select(s => s.Line).Distinct().Count().ShouldBe(4);
    }

    private static (double X, double Y, double W, double H) LegendBox(XDocument doc)
    {
        var r = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend").Element(Svg + "rect")!;
        double A(string n) => double.Parse(r.Attribute(n)!.Value, System.Globalization.CultureInfo.InvariantCulture);
        return (A("x"), A("y"), A("width"), A("height"));
    }

    [Fact]
    public void Success_legend_sits_lower_left_and_precision_legend_lower_right()
    {
        var s = LegendBox(Parse(PlotWriter.Build(ReportFixture.Sample(), CurveKind.Success).Render()));
        s.X.ShouldBeLessThan(160);                 // left part of a 640-wide figure
        (s.Y + s.H).ShouldBeGreaterThan(380);      // bottom part of a 480-high figure
        var p = LegendBox(Parse(PlotWriter.Build(ReportFixture.Sample(), CurveKind.Precision).Render()));
        (p.X + p.W).ShouldBeGreaterThan(560);
        (p.Y + p.H).ShouldBeGreaterThan(380);
    }

    [Fact]
    public void Legend_moves_to_a_free_corner_when_a_curve_runs_through_the_preferred_one()
    {
        // A flat line at y = 0.05 crosses both lower corners; the upper half is free.
        var plot = new SvgPlot("t", new PlotAxis("x", 0, 1, 0.1), new PlotAxis("y", 0, 1, 0.1)) { Legend = LegendPlacement.LowerLeft };
        plot.Add("flat", [0, 0.5, 1], [0.05, 0.05, 0.05], 0.05);
        var box = LegendBox(Parse(plot.Render()));
        (box.Y + box.H).ShouldBeLessThan(240);
    }

    [Fact]
    public void Nan_points_break_the_line_instead_of_drawing_to_zero()
    {
        var plot = new SvgPlot("t", new PlotAxis("x", 0, 1, 0.5), new PlotAxis("y", 0, 1, 0.5));
        plot.Add("gap", [0, 0.25, 0.5, 0.75, 1], [1, 0.9, double.NaN, 0.5, 0.4], double.NaN);
        var doc = Parse(plot.Render());
        string d = doc.Descendants(Svg + "path").Single().Attribute("d")!.Value;
        d.Count(c => c == 'M').ShouldBe(2);
        d.ShouldNotContain("NaN");
        Texts(doc, "legend-entry").ShouldBe(["[n/a] gap"]);
    }

    [Fact]
    public void Legend_ties_keep_input_order()
    {
        var plot = new SvgPlot("t", new PlotAxis("x", 0, 1, 0.5), new PlotAxis("y", 0, 1, 0.5));
        plot.Add("first", [0, 1], [1, 0], 0.5).Add("second", [0, 1], [1, 0.1], 0.5).Add("top", [0, 1], [1, 0.2], 0.7);
        Texts(Parse(plot.Render()), "legend-entry").ShouldBe(["[0.700] top", "[0.500] first", "[0.500] second"]);
    }

    [Fact]
    public void Rendering_is_deterministic()
    {
        var a = PlotWriter.Build(ReportFixture.Sample(), CurveKind.Success).Render();
        var b = PlotWriter.Build(ReportFixture.Sample(), CurveKind.Success).Render();
        a.ShouldBe(b);
    }

    [Fact]
    public void Many_trackers_put_the_legend_outside_the_axes_without_covering_curves()
    {
        var trackers = Enumerable.Range(0, 20)
            .Select(i => ReportFixture.Tracker($"T{i}", auc: 0.2 + 0.025 * i, prec: 0.3 + 0.02 * i, np: 0.3 + 0.02 * i, npArea: 0.3, fps: null, aucFoc: 0.3))
            .ToList();
        var doc = Parse(PlotWriter.Build(ReportFixture.Build("lasot-matlab", false, trackers), CurveKind.Success).Render());
        var box = LegendBox(doc);
        var axes = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "axes").Element(Svg + "rect")!;
        double axesRight = double.Parse(axes.Attribute("x")!.Value, System.Globalization.CultureInfo.InvariantCulture)
                           + double.Parse(axes.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        box.X.ShouldBeGreaterThan(axesRight);
        (box.X + box.W).ShouldBeLessThanOrEqualTo(640);
        (box.Y + box.H).ShouldBeLessThanOrEqualTo(480);
        Texts(doc, "legend-entry").Count.ShouldBe(20);
        Texts(doc, "legend-entry")[0].ShouldBe("[0.675] T19");
    }

    [Fact]
    public void Plot_writer_writes_overall_and_attribute_figures_each_naming_the_protocol()
    {
        var files = PlotWriter.Render(ReportFixture.Sample());
        files.Select(f => f.RelativePath).ShouldBe(
        [
            "success.svg", "precision.svg", "norm_precision.svg",
            "success_FOC.svg", "precision_FOC.svg", "norm_precision_FOC.svg",
        ]);
        foreach (var f in files)
        {
            var doc = Parse(f.Content);
            Texts(doc, "subtitle").Single().ShouldContain("protocol: lasot-matlab", customMessage: f.RelativePath);
        }
        var foc = Parse(files.Single(f => f.RelativePath == "success_FOC.svg").Content);
        Texts(foc, "title").Single().ShouldBe("Success plots of OPE on LaSOT Testing Set - Full Occlusion (2)");
        Texts(foc, "legend-entry").ShouldBe(["[0.520] Beta", "[0.450] Alpha", "[0.380] a<b&\"c\""]);
    }

    [Fact]
    public void A_long_attribute_title_wraps_onto_two_lines_above_the_axes()
    {
        const string title = "Success plots of OPE on LaSOT Testing Set - Fast Camera Motion and Partial Occlusion with Background Clutter (53)";
        var plot = new SvgPlot(title, new PlotAxis("x", 0, 1, 0.1), new PlotAxis("y", 0, 1, 0.1)) { Subtitle = "protocol: otb" };
        plot.Add("A", [0, 1], [1, 0], 0.5);
        var doc = Parse(plot.Render());
        var t = doc.Descendants(Svg + "text").Single(e => (string?)e.Attribute("class") == "title");
        var lines = t.Elements(Svg + "tspan").Select(e => e.Value.Trim()).ToList();
        lines.ShouldBe(["Success plots of OPE on LaSOT Testing Set", "Fast Camera Motion and Partial Occlusion with Background Clutter (53)"]);
        double.Parse(t.Attribute("font-size")!.Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(12);
        doc.Root!.Element(Svg + "title")!.Value.ShouldBe(title);
        var sub = doc.Descendants(Svg + "text").Single(e => (string?)e.Attribute("class") == "subtitle");
        double subY = double.Parse(sub.Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        double line2Y = double.Parse(t.Elements(Svg + "tspan").Last().Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        subY.ShouldBeGreaterThan(line2Y + 10);
        subY.ShouldBeLessThan(60); // above the axes
    }
}
