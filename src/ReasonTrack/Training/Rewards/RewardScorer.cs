using System.Globalization;
using System.Text.Json;
using ReasonTrack.Geometry;
using ReasonTrack.IO;
using ReasonTrack.Reasoning.Prompts;

namespace ReasonTrack.Training.Rewards;

/// <summary>
/// Scores input rows with one reward: reads the reply and, where the reward needs them, the ground truth
/// (<c>answer</c> as in EasyR1 rows, or <c>ground_truth</c>), the token count (<c>response_length</c>) and the judge's
/// columns (<c>pic1</c>, <c>pic2</c>, <c>bbox1</c>, <c>problem</c>). A row missing what its reward needs is a
/// <see cref="DataFormatException"/> naming the file, line and row; a reply the model got wrong is a low reward,
/// never an error.
/// </summary>
public sealed class RewardScorer
{
    private readonly RewardScorerOptions _options;

    public RewardScorer(RewardKind kind, RewardScorerOptions? options = null)
    {
        Kind = kind;
        _options = options ?? new RewardScorerOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(_options.ReplyField, nameof(options));
        if (kind == RewardKind.ReasoningTrackJudge && _options.Localizer is null)
            throw new ReasonTrackException("the reasoningtrack-judge reward needs a localizer (RewardScorerOptions.Localizer)");
    }

    public RewardKind Kind { get; }

    public string Name => RewardKindNames.Name(Kind);

    /// <summary>
    /// Checks every row for what this reward needs (the reply field, the ground truth, the judge's columns) without
    /// scoring any, so that a bad row is found before the first paid VLM request. Throws one
    /// <see cref="DataFormatException"/> naming <c>file:line</c> of each bad row (the first 20 spelled out).
    /// </summary>
    public void Validate(IReadOnlyList<RewardRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var bad = new List<DataFormatException>();
        foreach (var row in rows)
        {
            try
            {
                CheckRow(row);
            }
            catch (DataFormatException e)
            {
                bad.Add(e);
            }
        }
        if (bad.Count == 0) return;
        if (bad.Count == 1) throw bad[0];
        const int shown = 20;
        string list = string.Join("\n", bad.Take(shown).Select(e => "  " + e.Message)) + (bad.Count > shown ? $"\n  ... and {bad.Count - shown} more" : "");
        throw new DataFormatException(_options.SourcePath, bad[0].Line, $"{bad.Count} of {rows.Count} rows cannot be scored by {Name} (nothing was scored):\n{list}");
    }

    /// <summary>Everything <see cref="ScoreAsync"/> reads from a row, read the same way, without scoring.</summary>
    private void CheckRow(RewardRow row)
    {
        Reply(row);
        switch (Kind)
        {
            case RewardKind.R1Track:
                XyxyGroundTruth(row);
                break;
            case RewardKind.R1TrackThink:
                XyxyGroundTruth(row);
                if (row.Data.TryGetProperty("response_length", out var rl) && rl.ValueKind != JsonValueKind.Null) TokenCount(row, rl);
                break;
            case RewardKind.ReasoningTrackJudge:
                OriginalDescription(row);
                ImagePath(row, "pic2", required: true);
                ImagePath(row, "pic1", required: false);
                if (row.Data.TryGetProperty("bbox1", out var b1) && b1.ValueKind != JsonValueKind.Null) XywhBox(row, b1, "bbox1");
                XywhBox(row, GroundTruth(row), AnswerFieldName(row));
                break;
        }
    }

    /// <summary>Scores one row.</summary>
    public async Task<RewardRecord> ScoreAsync(RewardRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        string reply = Reply(row);
        var record = new RewardRecord { Row = row.Number, Line = row.Line, Reward = Name, Value = 0 };
        switch (Kind)
        {
            case RewardKind.R1Track:
                return WithR1Track(record, R1TrackReward.NoThink(reply, XyxyGroundTruth(row)));
            case RewardKind.R1TrackThink:
                var length = row.Data.TryGetProperty("response_length", out var rl) && rl.ValueKind != JsonValueKind.Null
                    ? ResponseLength.FromInput(TokenCount(row, rl))
                    : ResponseLength.Estimate(reply);
                return WithR1Track(record, R1TrackReward.Think(reply, XyxyGroundTruth(row), length));
            case RewardKind.ReasoningTrackFormat:
            case RewardKind.ReasoningTrackStrict:
                var text = ReasoningTrackReward.ScoreText(reply);
                return WithText(record, text) with { Value = Kind == RewardKind.ReasoningTrackFormat ? text.Format : text.Strict };
            default:
                return await JudgeAsync(row, reply, record, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<RewardRecord> JudgeAsync(RewardRow row, string reply, RewardRecord record, CancellationToken cancellationToken)
    {
        var text = ReasoningTrackReward.ScoreText(reply);
        string original = OriginalDescription(row);
        string frame2 = ImagePath(row, "pic2", required: true)!;
        string? frame1 = ImagePath(row, "pic1", required: false);
        Box? box1 = row.Data.TryGetProperty("bbox1", out var b1) && b1.ValueKind != JsonValueKind.Null ? XywhBox(row, b1, "bbox1") : null;
        Box gt = XywhBox(row, GroundTruth(row), AnswerFieldName(row));

        // The judge reads the raw reply; only format and strict see the normalised one (released track.py ~299-304).
        var judgement = await ReasoningTrackJudge.JudgeAsync(_options.Localizer!, reply, original, frame1, box1, frame2, gt, cancellationToken).ConfigureAwait(false);
        string? note = string.Join("; ", new[] { Note("new", judgement.New), Note("original", judgement.Original) }.Where(n => n is not null));
        return WithText(record, text) with
        {
            Value = ReasoningTrackReward.Overall(text.Format, text.Strict, judgement.ShapedIou, judgement.Judge),
            JudgeD = judgement.Decision,
            JudgeAnswer = judgement.Answer,
            Judge = judgement.Judge,
            Iou = judgement.Iou,
            Iou2 = judgement.IouOriginal,
            IouShaped = judgement.Iou is null ? null : judgement.ShapedIou,
            BoxNew = ToArray(judgement.New?.Box),
            BoxOriginal = ToArray(judgement.Original?.Box),
            Note = note.Length == 0 ? null : note,
        };

        static string? Note(string which, TargetLocation? l) => l?.Note is { } n ? $"{which} description: {n}" : null;
        static double[]? ToArray(Box? b) => b is { } x ? [x.X, x.Y, x.W, x.H] : null;
    }

    private static RewardRecord WithR1Track(RewardRecord record, R1TrackScore s) => record with
    {
        Value = s.Overall,
        Gate = s.Gate switch
        {
            R1TrackGate.None => null,
            R1TrackGate.TooShort => "too_short",
            R1TrackGate.AnswerNotJson => "answer_not_json",
            var g => g.ToString().ToLowerInvariant(),
        },
        Giou = s.Giou,
        Shaped = s.Shaped,
        Format = s.Format,
        Length = s.Length,
        Tokens = s.Tokens?.Tokens,
        TokensSource = s.Tokens is { } t ? t.Estimated ? "estimate" : "input" : null,
        Box = s.Box is { } b ? [b.X1, b.Y1, b.X2, b.Y2] : null,
    };

    private static RewardRecord WithText(RewardRecord record, ReasoningTrackTextScore text) => record with
    {
        Format = text.Format,
        Strict = text.Strict,
        D = text.Decision,
        Answer = text.Answer,
    };

    private string Reply(RewardRow row)
    {
        string field = _options.ReplyField;
        if (!row.Data.TryGetProperty(field, out var v))
            throw Bad(row, $"no '{field}' field" + (field == "response" ? " (name the reply's field with RewardScorerOptions.ReplyField, e.g. output for alpaca files)" : ""));
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString()!,
            JsonValueKind.Null => "", // a missing generation scores as an empty reply
            _ => throw Bad(row, $"'{field}' is a JSON {v.ValueKind}, not a string"),
        };
    }

    private static string AnswerFieldName(RewardRow row) => row.Data.TryGetProperty("answer", out _) ? "answer" : "ground_truth";

    private JsonElement GroundTruth(RewardRow row)
    {
        if (row.Data.TryGetProperty("answer", out var a) && a.ValueKind != JsonValueKind.Null) return a;
        if (row.Data.TryGetProperty("ground_truth", out var g) && g.ValueKind != JsonValueKind.Null) return g;
        throw Bad(row, $"no ground truth: the {Name} reward needs 'answer' (as in EasyR1 rows) or 'ground_truth'");
    }

    /// <summary>R1-Track's ground truth <c>[x1, y1, x2, y2]</c>: a JSON list, or a string holding one (EasyR1's answer column).</summary>
    private BoxXyxy XyxyGroundTruth(RewardRow row)
    {
        var gt = GroundTruth(row);
        double[]? v = gt.ValueKind == JsonValueKind.String ? ParseJsonList(gt.GetString()!) : Numbers(gt);
        if (v is not { Length: 4 }) throw Bad(row, $"ground truth {Excerpt(gt)} is not [x1, y1, x2, y2] (4 numbers)");
        return new BoxXyxy(v[0], v[1], v[2], v[3]);
    }

    /// <summary>A ReasoningTrack box <c>x,y,w,h</c>: a string of 4 comma-separated numbers (EasyR1 columns) or a JSON list.</summary>
    private Box XywhBox(RewardRow row, JsonElement e, string field)
    {
        double[]? v = e.ValueKind == JsonValueKind.String ? SplitNumbers(e.GetString()!) : Numbers(e);
        if (v is not { Length: 4 }) throw Bad(row, $"'{field}' {Excerpt(e)} is not x,y,w,h (4 numbers)");
        return new Box(v[0], v[1], v[2], v[3]);
    }

    private string? ImagePath(RewardRow row, string field, bool required)
    {
        if (!row.Data.TryGetProperty(field, out var p) || p.ValueKind == JsonValueKind.Null)
            return required ? throw Bad(row, $"no '{field}' field: the judge needs the frame-2 image (EasyR1 columns pic1, pic2, bbox1, answer)") : null;
        if (p.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(p.GetString())) throw Bad(row, $"'{field}' is not a path");
        string root = _options.ImageRoot ?? Path.GetDirectoryName(Path.GetFullPath(_options.SourcePath)) ?? ".";
        return Path.GetFullPath(Path.Combine(root, p.GetString()!));
    }

    /// <summary>
    /// The description the model was asked to refine: as released, <c>problem[88:]</c> (track.py ~162: everything
    /// after the 88-character prefix, whatever follows it, so a pre-issue-11 row with the system prompt in its
    /// problem is judged with that text appended, as the released reward would). Ours: a problem that does not start
    /// with the prefix is refused (the released code would slice it anyway), and a row without <c>problem</c> may give
    /// a <c>description</c> field instead.
    /// </summary>
    private string OriginalDescription(RewardRow row)
    {
        if (!row.Data.TryGetProperty("problem", out var p) || p.ValueKind != JsonValueKind.String)
        {
            if (row.Data.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String) return d.GetString()!;
            throw Bad(row, "no original description: the judge needs 'problem' (the GRPO user turn) or 'description'");
        }
        string problem = p.GetString()!;
        if (!problem.StartsWith(ReasoningTrackPrompts.GrpoProblemPrefix, StringComparison.Ordinal))
            throw Bad(row, $"'problem' does not start with the GRPO prefix \"{ReasoningTrackPrompts.GrpoProblemPrefix}\"");
        return problem[ReasoningTrackPrompts.GrpoProblemPrefix.Length..];
    }

    private int TokenCount(RewardRow row, JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out double v) && v >= 0 && v == Math.Floor(v) && v <= int.MaxValue) return (int)v;
        throw Bad(row, $"'response_length' {Excerpt(e)} is not a non-negative whole number of tokens");
    }

    private static double[]? Numbers(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Array) return null;
        var list = new List<double>();
        foreach (var x in e.EnumerateArray())
        {
            if (x.ValueKind != JsonValueKind.Number || !x.TryGetDouble(out double v) || !double.IsFinite(v)) return null;
            list.Add(v);
        }
        return list.ToArray();
    }

    private static double[]? ParseJsonList(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return Numbers(doc.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Numbers separated by commas, spaces or tabs (released: <c>re.split(r'[, \t]+', ...)</c>, track.py ~192), optionally in brackets (ours).</summary>
    private static double[]? SplitNumbers(string text)
    {
        var parts = text.Trim().TrimStart('[').TrimEnd(']').Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var v = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out v[i]) || !double.IsFinite(v[i])) return null;
        return v;
    }

    private static string Excerpt(JsonElement e)
    {
        string raw = e.GetRawText();
        return raw.Length <= 60 ? raw : raw[..60] + "...";
    }

    private DataFormatException Bad(RewardRow row, string message) => new(_options.SourcePath, row.Line, $"row {row.Number}: {message}");
}
