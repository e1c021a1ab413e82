using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ReasonTrack.Evaluation;

namespace ReasonTrack.Reports;

/// <summary>
/// <c>results.json</c>: the machine-readable report other tools read. Snake_case names; every double written with
/// the shortest text that parses back to the same bits; NaN and infinities written as <c>null</c>; optional GOT-10k
/// numbers omitted when absent. Output is deterministic: the same report gives the same bytes. Trackers are listed in
/// the report's input order, each with its <c>rank</c> (success AUC descending, ties in input order).
/// </summary>
public static class JsonReportWriter
{
    /// <summary>Version of the layout below; raised when a field changes meaning or disappears.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Tracker and sequence names stay readable (the file is not embedded in HTML).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static string Write(EvaluationReport report) => Encoding.UTF8.GetString(WriteUtf8(report));

    public static byte[] WriteUtf8(EvaluationReport report)
    {
        // Into one buffer sized for the report (about 4.4 kB per tracker and sequence, mostly the per-sequence curves):
        // a growing buffer would copy a LaSOT x 8 report (9.6 MB) over and over, in fresh large-object arrays.
        long estimate = 16_384 + 4_608L * Math.Max(1, report.Sequences.Count) * Math.Max(1, report.Trackers.Count);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>((int)Math.Min(estimate, 1 << 30));
        using (var w = new Utf8JsonWriter(buffer, Options)) Write(report, w);
        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(EvaluationReport report, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, Options);
        Write(report, w);
    }

    private static void Write(EvaluationReport report, Utf8JsonWriter w)
    {
        var ranked = ReportRanking.BySuccessAuc(report.Trackers);

        w.WriteStartObject();
        w.WriteNumber("schema_version", SchemaVersion);
        w.WriteString("protocol", report.Protocol);
        w.WriteString("protocol_description", report.ProtocolDescription);
        w.WriteString("dataset", report.Dataset);
        if (report.Subset is not null) w.WriteString("subset", report.Subset);
        w.WriteBoolean("precision_is_area", report.PrecisionIsArea);
        w.WriteBoolean("norm_precision_is_area", report.NormalizedPrecisionIsArea);

        w.WriteStartObject("thresholds");
        Numbers(w, "success", report.SuccessGrid.Values);
        Numbers(w, "precision", report.PrecisionGrid.Values);
        Numbers(w, "norm_precision", report.NormalizedPrecisionGrid.Values);
        w.WriteEndObject();

        w.WriteStartObject("headline_thresholds");
        Number(w, "success", report.SuccessGrid.Values[report.SuccessGrid.HeadlineIndex]);
        Number(w, "precision", report.PrecisionGrid.Values[report.PrecisionGrid.HeadlineIndex]);
        Number(w, "norm_precision", report.NormalizedPrecisionGrid.Values[report.NormalizedPrecisionGrid.HeadlineIndex]);
        w.WriteEndObject();

        Strings(w, "sequences", report.Sequences);
        Strings(w, "warnings", report.Warnings);

        w.WriteStartArray("trackers");
        foreach (var t in report.Trackers)
            Tracker(w, report, t, IndexOf(ranked, t) + 1);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static int IndexOf(IReadOnlyList<TrackerEvaluation> list, TrackerEvaluation t)
    {
        for (int i = 0; i < list.Count; i++) if (ReferenceEquals(list[i], t)) return i;
        return -1;
    }

    private static void Tracker(Utf8JsonWriter w, EvaluationReport report, TrackerEvaluation t, int rank)
    {
        var o = t.Overall;
        w.WriteStartObject();
        w.WriteString("name", t.Tracker);
        w.WriteString("protocol", report.Protocol);
        w.WriteNumber("rank", rank);
        w.WriteNumber("runs", t.Runs);
        w.WriteNumber("sequences_evaluated", ReportMetrics.Evaluated(t));
        w.WriteNumber("sequences_dropped", ReportMetrics.DroppedCount(o));
        w.WriteStartObject("dropped");
        Strings(w, "success", o.Success.Dropped);
        Strings(w, "precision", o.Precision.Dropped);
        Strings(w, "norm_precision", o.NormalizedPrecision.Dropped);
        w.WriteEndObject();
        w.WriteStartObject("sequences_used");
        w.WriteNumber("success", o.Success.SequencesUsed);
        w.WriteNumber("precision", o.Precision.SequencesUsed);
        w.WriteNumber("norm_precision", o.NormalizedPrecision.SequencesUsed);
        w.WriteEndObject();
        Strings(w, "skipped", t.SkippedSequences);

        Number(w, "auc", o.Success.Auc);
        Number(w, "precision", o.Precision.Score);
        Number(w, "norm_precision", o.NormalizedPrecision.Score);
        Number(w, "success_at_050", o.Success.AtHeadline);
        Number(w, "precision_at_20", o.Precision.AtHeadline);
        Number(w, "precision_auc", o.Precision.Auc);
        Number(w, "norm_precision_at_020", o.NormalizedPrecision.AtHeadline);
        Number(w, "norm_precision_auc", o.NormalizedPrecision.Auc);
        Optional(w, "ao", o.AverageOverlap);
        Optional(w, "sr50", o.SuccessRate50);
        Optional(w, "sr75", o.SuccessRate75);
        Optional(w, "fps", o.FramesPerSecond);

        w.WriteStartObject("mean_curves");
        Numbers(w, "success", o.Success.MeanCurve);
        Numbers(w, "precision", o.Precision.MeanCurve);
        Numbers(w, "norm_precision", o.NormalizedPrecision.MeanCurve);
        w.WriteEndObject();

        w.WriteStartObject("per_attribute");
        var attrKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in t.PerAttribute)
        {
            w.WriteStartObject(Unique(attrKeys, ReportMetrics.Key(a)));
            w.WriteString("name", a.Attribute);
            Number(w, "auc", a.Summary.Success.Auc);
            Number(w, "precision", a.Summary.Precision.Score);
            Number(w, "norm_precision", a.Summary.NormalizedPrecision.Score);
            w.WriteNumber("sequences", a.SequenceCount);
            w.WriteNumber("sequences_dropped", ReportMetrics.DroppedCount(a.Summary));
            w.WriteEndObject();
        }
        w.WriteEndObject();

        w.WriteStartObject("per_sequence");
        var seqKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in t.Sequences)
        {
            w.WriteStartObject(Unique(seqKeys, s.Sequence));
            Numbers(w, "success", s.Success);
            Numbers(w, "precision", s.Precision);
            Numbers(w, "norm_precision", s.NormalizedPrecision);
            w.WriteNumber("frames", s.Frames);
            w.WriteNumber("frames_evaluated", s.FramesEvaluated);
            Number(w, "denominator", s.Denominator);
            w.WriteNumber("repaired_rows", s.RepairedRows);
            w.WriteBoolean("skipped", s.Skipped);
            Strings(w, "notes", s.Notes);
            w.WriteEndObject();
        }
        w.WriteEndObject();

        Strings(w, "notes", t.Notes);
        w.WriteEndObject();
    }

    /// <summary>A key not used yet in this object: duplicates get <c>#2</c>, <c>#3</c>, ... so the JSON stays valid.</summary>
    private static string Unique(HashSet<string> used, string key)
    {
        string k = key;
        for (int i = 2; !used.Add(k); i++) k = $"{key}#{i}";
        return k;
    }

    private static void Number(Utf8JsonWriter w, string name, double v)
    {
        w.WritePropertyName(name);
        Value(w, v);
    }

    private static void Optional(Utf8JsonWriter w, string name, double? v)
    {
        if (v is double d) Number(w, name, d);
    }

    private static void Value(Utf8JsonWriter w, double v)
    {
        if (double.IsFinite(v)) w.WriteNumberValue(v);
        else w.WriteNullValue();
    }

    private static void Numbers(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) Value(w, v);
        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
