using System.Text;
using ReasonTrack.IO;

namespace ReasonTrack.Training.Data.Formats;

/// <summary>
/// VPTracker's ms-swift fork (<c>swift-vptracker</c>, the default of the vptracker recipe): <c>train.jsonl</c>, one
/// row per line exactly as the released builder writes it (<c>dataset/sampling_dataset.py</c> ~41-74 and ~76-103,
/// written by <c>jsonlines</c>, i.e. <c>json.dumps(ensure_ascii=False)</c>):
/// <c>{"messages": [{"role": "user", "content": ...}, {"role": "assistant", "content": ...}], "images": [template
/// frame, search frame], "visual_prompt": {...}}</c>. The images are the <b>original frame files</b>; the fork crops
/// the template and draws the outline when it loads the row (<c>ms-swift/swift/llm/template/base.py</c> ~316-410).
/// Stock ms-swift ignores <c>visual_prompt</c>: use <see cref="SwiftWriter"/> (pre-made images) for it.
/// </summary>
public sealed class SwiftVpTrackerWriter : TrainingSetWriter
{
    public const string FormatKey = "swift-vptracker";

    public override string Key => FormatKey;

    public override string Description => "VPTracker's ms-swift fork JSONL (messages, original frame paths, visual_prompt; dataset/sampling_dataset.py)";

    protected override IReadOnlyList<string> WriteRows(string folder, IReadOnlyList<TrainingSample> rows, string datasetName)
    {
        var text = new StringBuilder();
        foreach (var r in rows) text.Append(Line(r)).Append('\n');
        AtomicFile.WriteAllBytes(Path.Combine(folder, SwiftWriter.FileName), new UTF8Encoding(false).GetBytes(text.ToString()));
        return [SwiftWriter.FileName];
    }

    /// <summary>One row's line (without the newline).</summary>
    /// <exception cref="ReasonTrackException">The row has no visual prompt (not a VPTracker row).</exception>
    public static string Line(TrainingSample row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var vp = row.VisualPrompt ?? throw new ReasonTrackException($"row {row.Id}: format '{FormatKey}' needs VPTracker rows (with a visual_prompt)");
        var j = new PythonJson().StartObject();
        j.Key("messages").StartArray();
        if (row.System is not null) Message(j, "system", row.System);
        Message(j, "user", row.Instruction is null ? row.Prompt : row.Instruction + "\n" + row.Prompt);
        Message(j, "assistant", row.Answer);
        j.EndArray();
        j.Key("images").Values(row.Images);
        j.Key("visual_prompt").StartObject();
        j.Key("phase").Value(vp.Phase);
        j.Key("enable").Value(vp.Enable);
        if (vp.Enable)
        {
            j.Key("scale").Value(vp.Scale ?? throw new ReasonTrackException($"row {row.Id}: visual_prompt.enable needs a scale"));
            j.Key("color").Value(vp.Color ?? VpTrackerVisualPrompt.ReleasedColor);
            j.Key("width").Value(vp.Width ?? VpTrackerVisualPrompt.ReleasedWidth);
            j.Key("inbbox_ratio").Value(vp.InbboxRatio ?? 0.9);
            j.Key("template_bbox").Values(vp.TemplateBbox);
            j.Key("template_scale").Value(vp.TemplateScale);
            j.Key("search_bbox").Values(vp.SearchBbox);
        }
        else
        {
            // The released row without the outline has its own key order (sampling_dataset.py ~96-102).
            j.Key("template_bbox").Values(vp.TemplateBbox);
            j.Key("search_bbox").Values(vp.SearchBbox);
            j.Key("template_scale").Value(vp.TemplateScale);
        }
        j.EndObject();
        return j.EndObject().ToString();
    }

    private static void Message(PythonJson j, string role, string content) =>
        j.StartObject().Key("role").Value(role).Key("content").Value(content).EndObject();
}
