namespace ReasonTrack.Training.Data.Formats;

/// <summary>
/// <c>easyr1-jsonl</c>: EasyR1 rows as JSON lines with image <b>paths</b>, for upstream hiyouga/EasyR1 only (the
/// pre-issue-11 <c>easyr1</c> layout). Upstream's <c>verl/utils/dataset.py</c> (HEAD b44b311, lines 134-140) picks the
/// loader from the file extension (<c>jsonl</c> read as <c>json</c>), and lines 192-193 join <c>data.image_dir</c> to
/// string images, which its <c>process_image</c> (lines 53-61) opens as paths: give
/// <c>data.train_files=&lt;folder&gt;/train.jsonl data.image_dir=&lt;folder&gt;</c>. The released forks
/// (ReasoningTrack's and R1-Track's EasyR1) cannot read it: they load Parquet only and take no paths; use
/// <c>easyr1</c> for them. <c>train.jsonl</c>, one object per line: <c>images</c> (relative paths), <c>problem</c>,
/// <c>answer</c>, then the extra columns.
/// </summary>
public sealed class EasyR1JsonlWriter : TrainingSetWriter
{
    public const string FileName = "train.jsonl";

    public override string Key => "easyr1-jsonl";

    public override string Description =>
        "EasyR1 JSONL with image paths (train.jsonl: images, problem, answer, extra columns; what easyr1 wrote before issue 11), for upstream hiyouga/EasyR1 (its verl/utils/dataset.py reads json and data.image_dir) with data.image_dir = the folder; the released forks cannot read it";

    public override bool RewardRows => true;

    protected override IReadOnlyList<string> WriteRows(string folder, IReadOnlyList<TrainingSample> rows, string datasetName)
    {
        TrainingJson.WriteLines(Path.Combine(folder, FileName), rows, (w, r) =>
        {
            w.WriteStartObject();
            TrainingJson.WriteStrings(w, EasyR1Columns.Images, r.Images);
            w.WriteString(EasyR1Columns.Problem, EasyR1Columns.ProblemText(r));
            w.WriteString(EasyR1Columns.Answer, r.Answer);
            foreach (var e in r.Extra) w.WriteString(e.Name, e.Value);
            w.WriteEndObject();
        });
        return [FileName];
    }
}
