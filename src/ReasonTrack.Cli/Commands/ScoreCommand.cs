using System.CommandLine;
using ReasonTrack.IO;
using ReasonTrack.Naming;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Training.Rewards;

namespace ReasonTrack.Cli.Commands;

/// <summary><c>reasontrack score</c>: the GRPO rewards of R1-Track and ReasoningTrack over a file of replies.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var reward = CliOptions.OptionalEnum("--reward", Names.Rewards,
            "The reward: r1track (released EasyR1/verl/utils/reward_score/track_not_think.py: shaped GIoU of the reply read as JSON, a longer list scored on its first 4; -1 if it is not JSON or not 4 numbers), " +
                          "r1track-think (released reward_score/track.py: -1 if empty, not a fullmatch of the think/answer format, under 128 tokens, or the answer is not JSON; else r + 0.05*format + 0.1*(448 - L)/64 beyond 448 tokens, r = -1 when the JSON is not a box); " +
                          "both use the released GIoU with signed areas (swapped corners are not reordered), " +
                          "reasoningtrack-format (think, d and answer tags all present), reasoningtrack-strict (ordered tags, d yes/no), " +
                          "reasoningtrack-judge (0.1*format + 0.1*strict + 0*iou + 0.15*judge; needs --vlm-url and --model). " +
                          "ReasoningTrack rules: Reinforcement Learning/examples/reward_function/track.py compute_score_batch / iou_reward_batch (the function examples/config.yaml selects): " +
                          "format and strict on the normalised reply; the judge on the raw reply (first <d> anywhere, stripped, case-sensitive, else no; no <answer> -> 'tracking the object'), every reply judged, a failed localization -> iou = iou2 = 0, original description = problem[88:].");
        var input = new Option<string?>("--input", "-i")
        {
            Description = "The rows: a JSON array (LLaMA-Factory alpaca/ShareGPT) or JSON lines (EasyR1 rows, rollout dumps), detected. Each row holds the reply " +
                          "and, where the reward needs it, the ground truth in 'answer' or 'ground_truth' (r1track: [x1,y1,x2,y2]; judge: x,y,w,h in frame 2). " +
                          "r1track-think reads the token count from 'response_length' when present and otherwise estimates it (said in the output). " +
                          "The judge also needs 'pic2' (and reads 'pic1', 'bbox1') and the original description: problem[88:] as released, or 'description' when a row has no 'problem' (ours).",
        };
        var field = new Option<string>("--field", "-f")
        {
            Description = "The field holding the model's reply (default: response; e.g. output for alpaca files).",
            DefaultValueFactory = _ => "response",
        };
        var output = new Option<string?>("--out", "-o") { Description = "Write one JSON line per row with its reward and components (gate, giou, format, strict, d, judge, ious, boxes)." };
        var vlmUrl = VlmOptions.OptionalUrl("reasoningtrack-judge");
        var model = VlmOptions.Model("reasoningtrack-judge: the model name the server serves; it also chooses the box coordinate convention unless --coords is given.");
        var apiKeyEnv = VlmOptions.ApiKeyEnv();
        var coords = VlmOptions.Coords("reasoningtrack-judge only. Default: from the model name.");
        var imageRoot = new Option<string?>("--image-root") { Description = "reasoningtrack-judge: folder that relative pic1/pic2 paths are resolved against (default: the input file's folder)." };

        var cmd = new Command("score",
            "Score model replies with R1-Track's or ReasoningTrack's GRPO reward: print the mean and the counts per component; the last line is 'mean <value> n <count>'. " +
            "The judge localizes the frame-2 target by VLM grounding (once with the new description, once with the original) instead of the released text-conditioned tracker.")
        {
            reward, input, field, output, vlmUrl, model, apiKeyEnv, coords, imageRoot,
        };
        cmd.WithExamples(
            "reasontrack score --reward r1track -i rollouts.jsonl",
            "reasontrack score --reward r1track-think -i train.json -f output -o scored.jsonl",
            "reasontrack score --reward reasoningtrack-judge -i rows.jsonl --vlm-url http://127.0.0.1:8000/v1 --model Qwen2.5-VL-7B-Instruct");
        cmd.SetAction((parse, token) => Task.FromResult(CliErrors.Run(() => Run(
            parse.GetValue(reward), parse.GetValue(input), parse.GetValue(field)!, parse.GetValue(output), parse.GetValue(vlmUrl),
            parse.GetValue(model), parse.GetResult(apiKeyEnv) is { Implicit: false } ? parse.GetValue(apiKeyEnv) : null, parse.GetValue(coords), parse.GetValue(imageRoot), token))));
        return cmd;
    }

    private static int Run(RewardKind? rewardKind, string? input, string field, string? output, string? vlmUrl, string? model, string? apiKeyEnv,
        CoordinateConvention? coords, string? imageRoot, CancellationToken cancellationToken)
    {
        if (rewardKind is not { } kind) throw new ReasonTrackException($"--reward is required: one of {string.Join(", ", RewardKindNames.All)}");
        if (string.IsNullOrWhiteSpace(input)) throw new ReasonTrackException("--input is required: a JSON or JSON-lines file of rows");
        bool judge = kind == RewardKind.ReasoningTrackJudge;
        if (!judge && (vlmUrl ?? model ?? apiKeyEnv ?? coords?.ToString() ?? imageRoot) is not null)
            throw new ReasonTrackException("--vlm-url, --model, --api-key-env, --coords and --image-root apply to --reward reasoningtrack-judge only");

        OpenAiCompatibleChatClient? client = null;
        ITargetLocalizer? localizer = null;
        if (judge)
        {
            if (string.IsNullOrWhiteSpace(vlmUrl) || string.IsNullOrWhiteSpace(model))
                throw new ReasonTrackException("--reward reasoningtrack-judge needs --vlm-url (e.g. http://127.0.0.1:8000/v1) and --model: the judge localizes the target by VLM grounding");
            var baseUrl = VlmOptions.ParseUrl(vlmUrl);
            client = new OpenAiCompatibleChatClient(new VlmClientOptions { BaseUrl = baseUrl, Model = model, ApiKeyEnvironmentVariable = apiKeyEnv ?? VlmOptions.DefaultApiKeyEnv });
            localizer = new VlmGroundingLocalizer(client, CoordinateConventions.ForModel(model, coords));
        }

        using (client)
        {
            var rows = RewardRows.Read(input);
            var scorer = new RewardScorer(kind, new RewardScorerOptions { ReplyField = field, SourcePath = input, ImageRoot = imageRoot, Localizer = localizer });
            var summary = new RewardSummary(kind);
            Console.WriteLine($"reward {scorer.Name}: {rows.Count} rows from {input} (reply field '{field}')");
            if (localizer is VlmGroundingLocalizer v) Console.WriteLine($"judge: VLM grounding with {model} at {ReasonTrack.IO.UrlRedaction.Redact(vlmUrl)}, coordinates {v.Convention}");
            scorer.Validate(rows);
            var records = new List<RewardRecord>(rows.Count);
            {
                foreach (var row in rows)
                {
                    RewardRecord record;
                    try
                    {
                        record = scorer.ScoreAsync(row, cancellationToken).GetAwaiter().GetResult();
                    }
                    catch (VlmRequestException e)
                    {
                        throw new ReasonTrackException($"{input}:{row.Line}: row {row.Number}: the VLM request failed: {e.Message}", e);
                    }
                    summary.Add(record);
                    records.Add(record);
                }
                if (output is not null) Console.WriteLine($"records: {JsonLinesWriter.WriteAllAtomic(output, records)}");
            }
            foreach (string line in summary.Describe()) Console.WriteLine(line);
            Console.WriteLine(summary.FinalLine);
        }
        return 0;
    }
}
