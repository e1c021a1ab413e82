namespace ReasonTrack.Training.Data.Formats;

/// <summary>
/// Stock ms-swift (<c>swift</c>): <c>train.jsonl</c>, one <c>{messages: [{role: system}?, {role: user, content},
/// {role: assistant, content}], images}</c> per line; the <c>&lt;image&gt;</c> tags in the user turn take the images in
/// order. Relative image paths are resolved from the working directory by ms-swift: run it from the data set folder.
/// For VPTracker these are pre-made images (template crop, search frame with the outline drawn), since stock ms-swift
/// has no <c>visual_prompt</c> loader; VPTracker's own fork reads <see cref="SwiftVpTrackerWriter"/> rows instead.
/// </summary>
public sealed class SwiftWriter : TrainingSetWriter
{
    public const string FileName = "train.jsonl";

    public override string Key => "swift";

    public override string Description => "stock ms-swift JSONL (messages, images; VPTracker images pre-cropped and pre-drawn)";

    protected override IReadOnlyList<string> WriteRows(string folder, IReadOnlyList<TrainingSample> rows, string datasetName)
    {
        TrainingJson.WriteLines(Path.Combine(folder, FileName), rows, (w, r) =>
        {
            w.WriteStartObject();
            w.WriteStartArray("messages");
            if (r.System is not null) Message("system", r.System);
            Message("user", r.Instruction is null ? r.Prompt : r.Instruction + "\n" + r.Prompt);
            Message("assistant", r.Answer);
            w.WriteEndArray();
            TrainingJson.WriteStrings(w, "images", r.Images);
            w.WriteEndObject();

            void Message(string role, string content)
            {
                w.WriteStartObject();
                w.WriteString("role", role);
                w.WriteString("content", content);
                w.WriteEndObject();
            }
        });
        return [FileName];
    }
}
