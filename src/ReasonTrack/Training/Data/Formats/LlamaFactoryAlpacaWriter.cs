namespace ReasonTrack.Training.Data.Formats;

/// <summary>
/// LLaMA-Factory alpaca (the layout of ReasoningTrack's released SFT set): <c>train.json</c>, an array of
/// <c>{instruction, input, output, images[, system]}</c>, plus its <c>dataset_info.json</c> entry. A row with a
/// separate instruction keeps it (and its prompt goes to <c>input</c>); otherwise the prompt is the instruction and
/// <c>input</c> is empty. LLaMA-Factory joins instruction and input into one user turn either way.
/// </summary>
public sealed class LlamaFactoryAlpacaWriter : TrainingSetWriter
{
    public const string FileName = "train.json";

    public override string Key => "llamafactory-alpaca";

    public override string Description => "LLaMA-Factory alpaca JSON (instruction, input, output, images) + dataset_info.json";

    protected override IReadOnlyList<string> WriteRows(string folder, IReadOnlyList<TrainingSample> rows, string datasetName)
    {
        bool system = rows.Any(r => r.System is not null);
        TrainingJson.WriteArray(Path.Combine(folder, FileName), rows, (w, r) =>
        {
            w.WriteStartObject();
            w.WriteString("instruction", r.Instruction ?? r.Prompt);
            w.WriteString("input", r.Instruction is null ? "" : r.Prompt);
            w.WriteString("output", r.Answer);
            TrainingJson.WriteStrings(w, "images", r.Images);
            if (system) w.WriteString("system", r.System ?? "");
            w.WriteEndObject();
        });
        var columns = new List<(string, string)> { ("prompt", "instruction"), ("query", "input"), ("response", "output"), ("images", "images") };
        if (system) columns.Add(("system", "system"));
        LlamaFactoryDatasetInfo.Write(folder, datasetName, FileName, "alpaca", columns);
        return [FileName, LlamaFactoryDatasetInfo.FileName];
    }
}
