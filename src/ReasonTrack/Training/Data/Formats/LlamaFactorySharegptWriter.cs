namespace ReasonTrack.Training.Data.Formats;

/// <summary>
/// LLaMA-Factory ShareGPT: <c>train.json</c>, an array of <c>{conversations: [{from: human, value}, {from: gpt,
/// value}][, system], images}</c> (LLaMA-Factory's default tags), plus its <c>dataset_info.json</c> entry. A separate
/// instruction is put before the prompt in the human turn, as LLaMA-Factory does for alpaca rows.
/// </summary>
public sealed class LlamaFactorySharegptWriter : TrainingSetWriter
{
    public const string FileName = "train.json";

    public override string Key => "llamafactory-sharegpt";

    public override string Description => "LLaMA-Factory ShareGPT JSON (conversations, images) + dataset_info.json";

    protected override IReadOnlyList<string> WriteRows(string folder, IReadOnlyList<TrainingSample> rows, string datasetName)
    {
        bool system = rows.Any(r => r.System is not null);
        TrainingJson.WriteArray(Path.Combine(folder, FileName), rows, (w, r) =>
        {
            w.WriteStartObject();
            w.WriteStartArray("conversations");
            Turn("human", r.Instruction is null ? r.Prompt : r.Instruction + "\n" + r.Prompt);
            Turn("gpt", r.Answer);
            w.WriteEndArray();
            if (system) w.WriteString("system", r.System ?? "");
            TrainingJson.WriteStrings(w, "images", r.Images);
            w.WriteEndObject();

            void Turn(string from, string value)
            {
                w.WriteStartObject();
                w.WriteString("from", from);
                w.WriteString("value", value);
                w.WriteEndObject();
            }
        });
        var columns = new List<(string, string)> { ("messages", "conversations"), ("images", "images") };
        if (system) columns.Add(("system", "system"));
        LlamaFactoryDatasetInfo.Write(folder, datasetName, FileName, "sharegpt", columns);
        return [FileName, LlamaFactoryDatasetInfo.FileName];
    }
}
