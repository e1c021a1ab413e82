namespace ReasonTrack.Training.Data.Formats;

/// <summary>
/// EasyR1 (verl) GRPO rows: <c>train.jsonl</c>, one object per line with <c>images</c> (relative paths; give EasyR1
/// <c>data.image_dir</c> = the data set folder), <c>problem</c> (the user turn with its <c>&lt;image&gt;</c> tags),
/// <c>answer</c> (the ground truth the reward reads), then the extra columns (ReasoningTrack's reward reads
/// <c>bbox1</c>, <c>pic1</c>, <c>pic2</c>). The default EasyR1 keys (<c>prompt_key=problem</c>,
/// <c>answer_key=answer</c>, <c>image_key=images</c>) read it unchanged.
/// </summary>
public sealed class EasyR1Writer : TrainingSetWriter
{
    public const string FileName = "train.jsonl";

    public override string Key => "easyr1";

    public override string Description => "EasyR1 JSONL (images, problem, answer, extra columns)";

    protected override IReadOnlyList<string> WriteRows(string folder, IReadOnlyList<TrainingSample> rows, string datasetName)
    {
        TrainingJson.WriteLines(Path.Combine(folder, FileName), rows, (w, r) =>
        {
            w.WriteStartObject();
            TrainingJson.WriteStrings(w, "images", r.Images);
            w.WriteString("problem", r.Instruction is null ? r.Prompt : r.Instruction + "\n" + r.Prompt);
            w.WriteString("answer", r.Answer);
            foreach (var e in r.Extra) w.WriteString(e.Name, e.Value);
            w.WriteEndObject();
        });
        return [FileName];
    }
}
