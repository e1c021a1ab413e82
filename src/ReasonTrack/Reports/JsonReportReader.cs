using System.Text.Json;
using ReasonTrack.Evaluation;
using ReasonTrack.IO;

namespace ReasonTrack.Reports;

/// <summary>
/// Reads a <c>results.json</c> written by <see cref="JsonReportWriter"/> (schema 1) back into an
/// <see cref="EvaluationReport"/>, so reports can be made from an evaluation without its inputs. What the file does not
/// hold stays empty: per-attribute mean curves (only their scores are stored) and per-frame data.
/// </summary>
public static class JsonReportReader
{
    public static EvaluationReport Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new DataFormatException(path, "evaluation JSON not found");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return FromJson(doc.RootElement);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new DataFormatException(path, $"not an evaluation JSON written by 'reasontrack eval' (schema {JsonReportWriter.SchemaVersion}): {e.Message}");
        }
    }

    private static EvaluationReport FromJson(JsonElement r)
    {
        int schema = r.GetProperty("schema_version").GetInt32();
        if (schema != JsonReportWriter.SchemaVersion) throw new FormatException($"schema_version {schema}, expected {JsonReportWriter.SchemaVersion}");
        var th = r.GetProperty("thresholds");
        var head = r.GetProperty("headline_thresholds");
        ThresholdGrid Grid(CurveKind kind, string name)
        {
            var values = Numbers(th.GetProperty(name));
            double h = head.GetProperty(name).GetDouble();
            int idx = Array.FindIndex(values, v => v == h);
            return new ThresholdGrid(kind, values, Math.Max(0, idx), "read from results.json");
        }
        var trackers = new List<TrackerEvaluation>();
        foreach (var t in r.GetProperty("trackers").EnumerateArray())
        {
            var mean = t.GetProperty("mean_curves");
            var used = t.GetProperty("sequences_used");
            var dropped = t.GetProperty("dropped");
            MetricSummary M(CurveKind kind, string curve, string auc, string at, string score) => new()
            {
                Kind = kind,
                MeanCurve = Numbers(mean.GetProperty(curve)),
                Auc = Number(t.GetProperty(auc)),
                AtHeadline = Number(t.GetProperty(at)),
                Score = Number(t.GetProperty(score)),
                SequencesUsed = used.GetProperty(curve).GetInt32(),
                Dropped = Strings(dropped.GetProperty(curve)),
            };
            var overall = new TrackerSummary
            {
                Success = M(CurveKind.Success, "success", "auc", "success_at_050", "auc"),
                Precision = M(CurveKind.Precision, "precision", "precision_auc", "precision_at_20", "precision"),
                NormalizedPrecision = M(CurveKind.NormalizedPrecision, "norm_precision", "norm_precision_auc", "norm_precision_at_020", "norm_precision"),
                AverageOverlap = Optional(t, "ao"),
                SuccessRate50 = Optional(t, "sr50"),
                SuccessRate75 = Optional(t, "sr75"),
                FramesPerSecond = Optional(t, "fps"),
            };
            var attrs = new List<AttributeSummary>();
            foreach (var a in t.GetProperty("per_attribute").EnumerateObject())
            {
                var v = a.Value;
                int n = v.GetProperty("sequences").GetInt32();
                MetricSummary S(CurveKind kind, string name) => new() { Kind = kind, MeanCurve = [], Auc = Number(v.GetProperty(name)), AtHeadline = double.NaN, Score = Number(v.GetProperty(name)), SequencesUsed = n };
                attrs.Add(new AttributeSummary
                {
                    Attribute = v.GetProperty("name").GetString() ?? a.Name,
                    ShortName = a.Name,
                    SequenceCount = n,
                    Summary = new TrackerSummary { Success = S(CurveKind.Success, "auc"), Precision = S(CurveKind.Precision, "precision"), NormalizedPrecision = S(CurveKind.NormalizedPrecision, "norm_precision") },
                });
            }
            var seqs = new List<SequenceCurves>();
            foreach (var s in t.GetProperty("per_sequence").EnumerateObject())
            {
                var v = s.Value;
                seqs.Add(new SequenceCurves
                {
                    Sequence = s.Name,
                    Success = Numbers(v.GetProperty("success")),
                    Precision = Numbers(v.GetProperty("precision")),
                    NormalizedPrecision = Numbers(v.GetProperty("norm_precision")),
                    Frames = v.GetProperty("frames").GetInt32(),
                    FramesEvaluated = v.GetProperty("frames_evaluated").GetInt32(),
                    Denominator = Number(v.GetProperty("denominator")),
                    RepairedRows = v.GetProperty("repaired_rows").GetInt32(),
                    Skipped = v.GetProperty("skipped").GetBoolean(),
                    Notes = Strings(v.GetProperty("notes")),
                });
            }
            trackers.Add(new TrackerEvaluation
            {
                Tracker = t.GetProperty("name").GetString() ?? "?",
                Sequences = seqs,
                Overall = overall,
                PerAttribute = attrs,
                Runs = t.GetProperty("runs").GetInt32(),
                SkippedSequences = Strings(t.GetProperty("skipped")),
                Notes = Strings(t.GetProperty("notes")),
            });
        }
        return new EvaluationReport
        {
            Protocol = r.GetProperty("protocol").GetString() ?? "?",
            ProtocolDescription = r.GetProperty("protocol_description").GetString() ?? "",
            Dataset = r.GetProperty("dataset").GetString() ?? "?",
            Subset = r.TryGetProperty("subset", out var sub) ? sub.GetString() : null,
            SuccessGrid = Grid(CurveKind.Success, "success"),
            PrecisionGrid = Grid(CurveKind.Precision, "precision"),
            NormalizedPrecisionGrid = Grid(CurveKind.NormalizedPrecision, "norm_precision"),
            Sequences = Strings(r.GetProperty("sequences")),
            Trackers = trackers,
            Warnings = Strings(r.GetProperty("warnings")),
            PrecisionIsArea = r.GetProperty("precision_is_area").GetBoolean(),
            NormalizedPrecisionIsArea = r.GetProperty("norm_precision_is_area").GetBoolean(),
        };
    }

    private static double Number(JsonElement e) => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble();

    private static double? Optional(JsonElement o, string name) => o.TryGetProperty(name, out var v) ? Number(v) : null;

    private static double[] Numbers(JsonElement a) => a.EnumerateArray().Select(Number).ToArray();

    private static List<string> Strings(JsonElement a) => a.EnumerateArray().Select(e => e.GetString() ?? "").ToList();
}
