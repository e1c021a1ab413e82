using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ReasonTrack.Datasets;
using ReasonTrack.Naming;
using ReasonTrack.Training.Data;
using ReasonTrack.Training.Data.Formats;
using Spectre.Console;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// <c>reasontrack make-data</c>: training sets for the released trainers (EasyR1, LLaMA-Factory, ms-swift) built from
/// any dataset ReasonTrack loads, one subcommand per recipe, plus <c>merge</c> for shards. Commands only parse
/// options and print; the library (ReasonTrack.Training.Data) does the work.
/// </summary>
internal static class MakeDataCommand
{
    public static Command Create()
    {
        var cmd = new Command("make-data",
            "Build training data (R1-Track, VPTracker, ReasoningTrack recipes) from a dataset: deterministic for a seed, resumable, shardable.\n" +
            "Output folder: make-data.json (settings), shard.json (the selection and whether it finished), parts/ (one file per finished video), images/, train.parquet (easyr1, images embedded), train.jsonl or train.json, dataset_info.json (LLaMA-Factory), summary.json.");
        cmd.Subcommands.Add(Recipe(TrainingRecipe.R1Track,
            "R1-Track GRPO pairs (released recipe: generation_data/sampling_data.py): two frames, each cropped with factor ~ U(2,8) and centre shift ~ U(-0.2,0.2) x crop, zero padded, resized; answer [x1,y1,x2,y2] in the search crop, corners cast with int(). " +
            "Default --sampling usable (ours): two frames with a visible target and a valid box, any --size/-n; --sampling released: the script's draw (see --sampling)."));
        cmd.Subcommands.Add(Recipe(TrainingRecipe.VpTracker,
            "VPTracker rows as released (dataset/sampling_dataset.py, data_preparation.sh): a template frame with a visible box (w > 0, h > 0) and any later frame; " +
            "default --format swift-vptracker = its ms-swift fork's rows: messages (the training prompt, not the inference one), images = the original frame paths, " +
            "visual_prompt {phase, enable, scale = randint(2,8), color red, width 3, inbbox_ratio 0.9, template_bbox, template_scale 2.0, search_bbox}; the fork crops the template and draws the outline at load time (ms-swift/swift/llm/template/base.py _draw_bbox). " +
            "Answer ```json {\"visible\", \"bbox\": [x1, y1, x2, y2]}``` with x, y, w, h truncated to int, x1, y1 >= 0, x2 = x + w unclamped. " +
            "--format swift (stock ms-swift) and the others get pre-made images: the fork's template crop and outline drawn by us. " +
            "Released draw count: 1M draws, TNL2K:TNLLT = 7:3 (data_preparation.sh); ours draws --pairs-per-video per video (e.g. about 540 per TNL2K train video and 2000 per TNLLT train video for that mix)."));
        cmd.Subcommands.Add(Recipe(TrainingRecipe.ReasoningTrack,
            "ReasoningTrack GRPO rows: two whole frames --interval apart with the description; columns problem (the 88-character prefix + description only, as released: the reward reads problem[88:]), bbox1, pic1, pic2, answer (frame-2 box x,y,w,h); LTracking_format.jinja is written beside them (renders as the released Reinforcement Learning/examples/format_prompt/LTracking_format.jinja: problem + ' ' + system prompt; select it with EasyR1's data.format_prompt, as examples/config.yaml does). --rows sft: alpaca rows as the released Supervise fine-tuning/sft_dataset_*.json."));
        cmd.Subcommands.Add(Merge());
        cmd.WithExamples(
            "reasontrack make-data r1track -d got10k -a /data/GOT-10k -o data/r1track",
            "reasontrack make-data reasoningtrack -d tnl2k -a /data/TNL2K -o data/rt-grpo",
            "reasontrack help make-data r1track");
        return cmd;
    }

    private static Command Recipe(TrainingRecipe recipe, string description)
    {
        var dataset = new Option<string>("--dataset", "-d") { Description = "Dataset key (see 'reasontrack datasets'); the layout with frames is needed.", Required = true };
        var root = new Option<string>("--root", "-a") { Description = "The dataset's folder.", Required = true };
        var outDir = new Option<string>("--out", "-o") { Description = "The data set folder (created; a rerun with the same settings resumes).", Required = true };
        var format = CliOptions.Choice("--format", TrainingSetWriters.All.Select(w => w.Key).ToArray(),
            "Output layout: " + string.Join("; ", TrainingSetWriters.All.Select(w => $"{w.Key} = {w.Description}")) + ".", TrainingRecipes.DefaultFormat(recipe));
        var pairs = new Option<int>("--pairs-per-video", "-n") { Description = "Pairs drawn per video (fewer when a video has too few usable frames).", DefaultValueFactory = _ => 1 };
        var seed = new Option<long>("--seed") { Description = "Seed of every draw; the same seed gives the same bytes (each video has its own stream from the seed and its name).", DefaultValueFactory = _ => 0 };
        var shard = new Option<string?>("--shard") { Description = "i/N: process only videos at listing positions p with p mod N == i (0-based); merge the N folders with 'make-data merge'." };
        var limit = new Option<int?>("--limit") { Description = "Only the first N videos of the dataset listing (applied before --shard)." };
        var jobs = CliOptions.Jobs("Videos processed", "does not change the output");
        var sequences = new Option<string?>("--sequences", "-s") { Description = "A text file listing the videos to use, one per line (default: the dataset's own list)." };
        var split = new Option<string?>("--split") { Description = "The dataset's split list to use where it ships several (e.g. train, test)." };
        var imageFormat = CliOptions.Enum("--image-format", Names.ImageFormats, "Image files: jpg (quality 95) or png (lossless).", ImageFileFormat.Jpeg);
        var fallback = new Option<string?>("--fallback-description") { Description = "Description for videos the dataset gives none (vptracker, reasoningtrack); without it such videos are skipped." };
        var cmd = new Command(TrainingRecipes.Key(recipe), description) { dataset, root, outDir, format, pairs, seed, shard, limit, jobs, sequences, split, imageFormat };

        Option<string>? size = null;
        Option<R1TrackPromptVariant>? prompt = null;
        Option<R1TrackSampling>? sampling = null;
        Option<int>? interval = null;
        if (recipe == TrainingRecipe.R1Track)
        {
            size = new Option<string>("--size") { Description = "Crop side in pixels, or a comma list drawn per pair (the 100k set: 112,224,336,448).", DefaultValueFactory = _ => "336" };
            prompt = CliOptions.Enum("--prompt", Names.Prompts, "Prompt variant: current (inference prompt), 5k (older 5k-sample models), think (think prefix + current prompt).", R1TrackPromptVariant.Current);
            sampling = CliOptions.Enum("--sampling", Names.R1TrackSamplings,
                "usable (ours, default): two distinct frames with a visible target and a valid box, any --size and --pairs-per-video. " +
                "released: generation_data/sampling_data.py exactly: random.sample of two frames over all frames (absent targets included), one pair per video, 336 px only; " +
                "a video whose drawn box has no area is dropped as the script drops it, but listed among the skipped videos (the script is silent). " +
                "usable is the default because the released script cannot make the published sets (one 336 px pair per video, ~9.3k from GOT-10k, while the 100k set mixes 112/224/336/448 px) " +
                "and it writes answer boxes for targets marked absent.", R1TrackSampling.UsableFrames);
            cmd.Options.Add(size);
            cmd.Options.Add(prompt);
            cmd.Options.Add(sampling);
        }
        else cmd.Options.Add(fallback);
        Option<bool>? visualPrompt = null;
        Option<double>? inbbox = null;
        if (recipe == TrainingRecipe.VpTracker)
        {
            visualPrompt = new Option<bool>("--visual-prompt") { Description = "Rows with the red outline (default true, as visual_prompt True in data_preparation.sh); --visual-prompt false writes the released rows without it (enable false, no outline sentence in the prompt, two spaces before \"bbox\").", DefaultValueFactory = _ => true };
            inbbox = new Option<double>("--inbbox-ratio") { Description = "Probability that the outline contains the target, the rows' inbbox_ratio (released: 0.9 in data_preparation.sh).", DefaultValueFactory = _ => 0.9 };
            cmd.Options.Add(visualPrompt);
            cmd.Options.Add(inbbox);
        }
        Option<ReasoningTrackRows>? rows = null;
        Option<ReasoningTrackSftInstruction>? sftInstruction = null;
        Option<string?>? teacherUrl = null, teacherModel = null;
        Option<string>? teacherKey = null;
        if (recipe == TrainingRecipe.ReasoningTrack)
        {
            interval = new Option<int>("--interval", "-u") { Description = "Frames between the two frames of a pair (u).", DefaultValueFactory = _ => 50 };
            rows = CliOptions.Enum("--rows", Names.Rows, "grpo (EasyR1 rows) or sft (alpaca rows answered by the teacher model --model at --vlm-url; only teacher replies that pass the strict format reward enter the set).", ReasoningTrackRows.Grpo);
            teacherUrl = VlmOptions.OptionalUrl("--rows sft: the teacher's server");
            teacherModel = VlmOptions.Model("--rows sft: the teacher's model name, as the server serves it.");
            teacherKey = VlmOptions.ApiKeyEnv();
            sftInstruction = CliOptions.Enum("--sft-instruction", Names.SftInstructions,
                "--rows sft: the instruction of the rows (and of the teacher's request). multi-line (default): the released one with <d> of 797 of the 997 released rows (Supervise fine-tuning/sft_dataset_GOT-10k.json, _OTB, _TNL2K, _lasot); one-line: the released one without <d> of sft_dataset_TNLLT.json (200 rows; what make-data wrote before).",
                ReasoningTrackSftInstruction.MultiLine);
            cmd.Options.Add(interval);
            cmd.Options.Add(rows);
            cmd.Options.Add(sftInstruction);
            cmd.Options.Add(teacherUrl);
            cmd.Options.Add(teacherModel);
            cmd.Options.Add(teacherKey);
        }
        string key = TrainingRecipes.Key(recipe);
        cmd.WithExamples(recipe switch
        {
            TrainingRecipe.R1Track => [
                $"reasontrack make-data {key} -d got10k -a /data/GOT-10k -o data/r1track --size 112,224,336,448 -n 4",
                $"reasontrack make-data {key} -d got10k -a /data/GOT-10k -o data/r1track-released --sampling released",
                $"reasontrack make-data {key} -d lasot -a /data/LaSOT -o data/r1-part0 --shard 0/2 --format llamafactory-sharegpt"],
            TrainingRecipe.VpTracker => [
                $"reasontrack make-data {key} -d tnl2k -a /data/TNL2K -o data/vptracker-tnl2k --split train -n 540",
                $"reasontrack make-data {key} -d lasot -a /data/LaSOT -o data/vptracker-stock --split train --format swift --image-format png"],
            _ => [
                $"reasontrack make-data {key} -d tnl2k -a /data/TNL2K -o data/rt-grpo -u 50",
                $"reasontrack make-data {key} -d tnl2k -a /data/TNL2K -o data/rt-sft --rows sft --vlm-url http://127.0.0.1:8000/v1 --model Qwen2.5-VL-72B-Instruct"],
        });

        cmd.SetAction(parse => CliErrors.Run(() =>
        {
            var options = new MakeDataOptions
            {
                Recipe = recipe,
                Seed = parse.GetValue(seed),
                PairsPerVideo = parse.GetValue(pairs),
                Sizes = size is null ? [336] : ParseSizes(parse.GetValue(size)!),
                Prompt = prompt is null ? R1TrackPromptVariant.Current : parse.GetValue(prompt),
                Sampling = sampling is null ? R1TrackSampling.UsableFrames : parse.GetValue(sampling),
                Interval = interval is null ? 50 : parse.GetValue(interval),
                Rows = rows is null ? ReasoningTrackRows.Grpo : parse.GetValue(rows),
                Teacher = teacherModel is null || rows is null || parse.GetValue(rows) != ReasoningTrackRows.Sft ? null : parse.GetValue(teacherModel),
                SftInstruction = sftInstruction is null || rows is null || parse.GetValue(rows) != ReasoningTrackRows.Sft ? null : parse.GetValue(sftInstruction),
                FallbackDescription = recipe == TrainingRecipe.R1Track ? null : parse.GetValue(fallback),
                ImageFormat = parse.GetValue(imageFormat),
                VisualPrompt = visualPrompt is null || parse.GetValue(visualPrompt),
                InsideProbability = inbbox is null ? 0.9 : parse.GetValue(inbbox),
                Format = TrainingSetWriters.Get(parse.GetValue(format)!).Key,
            };
            var teacher = options.Rows == ReasoningTrackRows.Sft ? Teacher(teacherUrl is null ? null : parse.GetValue(teacherUrl), options.Teacher, parse.GetValue(teacherKey!)!) : null;
            using var teacherClient = teacher?.Client;
            return Run(options, parse.GetValue(dataset)!, parse.GetValue(root)!, parse.GetValue(outDir)!, parse.GetValue(shard), parse.GetValue(limit),
                parse.GetValue(jobs), parse.GetValue(sequences), parse.GetValue(split), teacher);
        }));
        return cmd;
    }

    private static Command Merge()
    {
        var outDir = new Option<string>("--out", "-o") { Description = "The merged data set folder.", Required = true };
        var shards = new Argument<string[]>("shards") { Description = "The shard folders: every one of 0/N..N-1/N, each finished (its shard.json says complete), written by make-data --shard i/N with otherwise identical settings.", Arity = ArgumentArity.OneOrMore };
        var cmd = new Command("merge", "Merge shard folders into one data set: byte-identical to the set one unsharded run would write.") { outDir, shards };
        cmd.WithExamples(
            "reasontrack make-data merge -o data/r1track data/r1-part0 data/r1-part1",
            "reasontrack make-data merge -o data/rt data/rt-0 data/rt-1 data/rt-2");
        cmd.SetAction(parse => CliErrors.Run(() =>
        {
            var (summary, files) = TrainingSetMerger.Merge(parse.GetValue(outDir)!, parse.GetValue(shards)!);
            PrintSummary(summary);
            Console.WriteLine($"files: {string.Join(", ", files)} in {Path.GetFullPath(parse.GetValue(outDir)!)}");
            return 0;
        }));
        return cmd;
    }

    /// <summary>The SFT teacher: replies must pass ReasoningTrack's strict format reward (<see cref="StrictFormatReplyCheck"/>).</summary>
    private static TeacherModel Teacher(string? url, string? model, string apiKeyEnv)
    {
        if (url is null || model is null) throw new ReasonTrackException("--rows sft needs --vlm-url and --model (the teacher)");
        var baseUrl = VlmOptions.ParseUrl(url);
        var check = new StrictFormatReplyCheck();
        return new TeacherModel(new ReasonTrack.Reasoning.Vlm.OpenAiCompatibleChatClient(new ReasonTrack.Reasoning.Vlm.VlmClientOptions { BaseUrl = baseUrl, Model = model, ApiKeyEnvironmentVariable = apiKeyEnv }), check);
    }

    private static int Run(MakeDataOptions options, string datasetKey, string root, string outDir, string? shardText, int? limit, int jobs, string? listFile, string? split,
        TeacherModel? teacher)
    {
        options.Validate();
        var (shardIndex, shardCount) = RunCommand.ParseShard(shardText);
        if (limit is < 0) throw new ReasonTrackException($"--limit must be at least 0, not {limit}");
        if (jobs < 1) throw new ReasonTrackException("--jobs must be at least 1");
        IReadOnlyList<string>? list = listFile is null ? null
            : File.ReadAllLines(listFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var ds = DatasetRegistry.Get(datasetKey).Load(root, new DatasetLoadOptions { Sequences = list, Split = split, ListFrames = true });
        string recipe = TrainingRecipes.Key(options.Recipe);

        var clock = Stopwatch.StartNew();
        MakeDataResult result;
        var run = new MakeDataRun { Dataset = ds, OutputFolder = outDir, ShardIndex = shardIndex, ShardCount = shardCount, Limit = limit, Jobs = jobs, Teacher = teacher };
        int mine = TrainingSetBuilder.Select(ds, shardIndex, shardCount, limit).Count;
        void Started(int todo) => Console.WriteLine($"{recipe} from {ds.DisplayName}: {mine} video(s) in shard {shardIndex}/{shardCount}; {mine - todo} already done, {todo} to process ({jobs} in parallel)");
        if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            result = null!;
            int toProcess = 0;
            AnsiConsole.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    ProgressTask? task = null;
                    int pairs = 0;
                    var gate = new object();
                    result = TrainingSetBuilder.Build(options, run with
                    {
                        Started = todo =>
                        {
                            toProcess = todo;
                            task = ctx.AddTask($"{recipe} from {ds.DisplayName}", maxValue: Math.Max(1, todo));
                        },
                        VideoDone = part =>
                        {
                            lock (gate)
                            {
                                pairs += part.Samples.Count;
                                task!.Increment(1);
                                task.Description = $"{recipe} from {ds.DisplayName}: {pairs} pairs, {pairs / Math.Max(1e-3, clock.Elapsed.TotalSeconds):0.0} pairs/s";
                            }
                        },
                    });
                });
            // Printed after the live display: Spectre redraws over lines written while it runs.
            Started(toProcess);
        }
        else
        {
            result = TrainingSetBuilder.Build(options, run with
            {
                Started = Started,
                VideoDone = part => Console.WriteLine($"done: {part.Video} ({part.Samples.Count} pair(s))"),
            });
        }
        double seconds = clock.Elapsed.TotalSeconds;
        PrintSummary(result.Summary);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"this run: {result.PairsThisRun} pair(s) from {result.Processed} video(s) in {seconds:0.0} s ({result.PairsThisRun / Math.Max(1e-9, seconds):0.00} pairs/s); {result.Resumed} video(s) were already done"));
        Console.WriteLine($"files: {string.Join(", ", result.Files)} in {Path.GetFullPath(outDir)}");
        if (result.Failures.Count > 0)
        {
            foreach (var f in result.Failures) Console.Error.WriteLine($"failed: {f}");
            throw new ReasonTrackException($"{result.Failures.Count} video(s) failed; the others are saved and a rerun resumes");
        }
        return 0;
    }

    /// <summary>The whole set's summary (every part in the folder), one fact per line.</summary>
    internal static void PrintSummary(TrainingSetSummary s)
    {
        Console.WriteLine($"set: {s.Pairs} pair(s) from {s.VideosWithRows} of {s.Videos} video(s)");
        foreach (var r in s.Skipped) Console.WriteLine($"skipped {r.Count} x {r.Reason}");
        if (s.Scale is { } scale) Console.WriteLine($"scale factor: {scale}");
        if (s.Shift is { } shift) Console.WriteLine($"centre shift (fraction of the crop side): {shift}");
        if (s.BoxSize is { } box) Console.WriteLine($"target size sqrt(w*h) in the model's image (px): {box}");
        if (s.OutputSizes.Count > 0) Console.WriteLine($"output sizes: {string.Join(", ", s.OutputSizes.Select(o => $"{o.Reason} px x {o.Count}"))}");
        if (s.AnswersOutsideImage is { } outside) Console.WriteLine($"answers reaching outside the crop: {outside}");
        if (s.VisibleYes is { } yes) Console.WriteLine($"visible yes/no: {yes}/{s.VisibleNo}");
        if (s.DecisionYes is { } dy) Console.WriteLine($"teacher decisions d = yes/no: {dy}/{s.DecisionNo}");
        if (s.InsideOutline is { } inside) Console.WriteLine($"visible targets inside/outside the outline: {inside}/{s.OutsideOutline}");
    }

    internal static List<int> ParseSizes(string text)
    {
        var sizes = new List<int>();
        foreach (var p in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out int v) || v < 28 || v > 4096)
                throw new ReasonTrackException($"--size must be a pixel size from 28 to 4096 or a comma list of them (e.g. 112,224,336,448), not '{text}'");
            sizes.Add(v);
        }
        if (sizes.Count == 0) throw new ReasonTrackException($"--size must name at least one size, not '{text}'");
        return sizes;
    }
}
