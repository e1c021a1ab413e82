using System.Text;
using System.Text.Json;
using ReasonTrack.Evaluation.Masks;

namespace ReasonTrack.Reports.Masks;

/// <summary>
/// The DAVIS 2017 evaluation of one or more trackers as JSON at full precision (shortest round-trip doubles; NaN as
/// null): protocol, options that differ from the toolkit's, per tracker the global row and per object the per-frame
/// J and F, the counts behind them and the statistics.
/// </summary>
public static class DavisJsonReport
{
    public static string Write(IReadOnlyList<DavisEvaluationReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("protocol", DavisEvaluator.ProtocolKey);
            w.WriteStartArray("trackers");
            foreach (var r in reports) WriteReport(w, r);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static void WriteReport(Utf8JsonWriter w, DavisEvaluationReport r)
    {
        w.WriteStartObject();
        w.WriteString("tracker", r.Tracker);
        w.WriteString("results", r.ResultsFolder);
        w.WriteString("set", r.Set);
        w.WriteString("protocol", r.Protocol);
        w.WriteStartArray("options_differing_from_toolkit");
        foreach (var d in r.Options.Deviations()) w.WriteStringValue(d);
        w.WriteEndArray();
        w.WriteStartObject("global");
        var values = r.Global.Values;
        for (int i = 0; i < values.Count; i++) Number(w, DavisGlobalResult.Columns[i], values[i]);
        w.WriteEndObject();
        w.WriteStartArray("objects");
        foreach (var o in r.Objects)
        {
            w.WriteStartObject();
            w.WriteString("key", o.Key);
            w.WriteString("sequence", o.Sequence);
            w.WriteNumber("object_id", o.ObjectId);
            if (r.BoundPix.TryGetValue(o.Sequence, out int bp)) w.WriteNumber("bound_pix", bp);
            Number(w, "J-Mean", o.J.Mean);
            Number(w, "J-Recall", o.J.Recall);
            Number(w, "J-Decay", o.J.Decay);
            Number(w, "F-Mean", o.F.Mean);
            Number(w, "F-Recall", o.F.Recall);
            Number(w, "F-Decay", o.F.Decay);
            w.WriteStartArray("frames");
            foreach (var id in o.FrameIds) w.WriteStringValue(id);
            w.WriteEndArray();
            Array(w, "J", o.JPerFrame);
            Array(w, "F", o.FPerFrame);
            if (o.Counts is { } c)
            {
                w.WriteStartObject("counts");
                Longs(w, "J_intersection", c.Select(x => x.Intersection));
                Longs(w, "J_union", c.Select(x => x.Union));
                Longs(w, "F_n_fg", c.Select(x => x.FgBoundary));
                Longs(w, "F_n_gt", c.Select(x => x.GtBoundary));
                Longs(w, "F_fg_match", c.Select(x => x.FgMatch));
                Longs(w, "F_gt_match", c.Select(x => x.GtMatch));
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("warnings");
        foreach (var s in r.Warnings) w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, v); else w.WriteNull(name);
    }

    private static void Array(Utf8JsonWriter w, string name, double[] values)
    {
        w.WriteStartArray(name);
        foreach (double v in values) if (double.IsFinite(v)) w.WriteNumberValue(v); else w.WriteNullValue();
        w.WriteEndArray();
    }

    private static void Longs(Utf8JsonWriter w, string name, IEnumerable<long> values)
    {
        w.WriteStartArray(name);
        foreach (long v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }
}
