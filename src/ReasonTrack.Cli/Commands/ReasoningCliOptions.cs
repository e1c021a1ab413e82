using System.CommandLine;
using System.Globalization;
using ReasonTrack.Media;
using ReasonTrack.Naming;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Parsing;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Reasoning.Vlm.Fleet;
using ReasonTrack.Trackers;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// The reasoning options shared by <c>track</c> and <c>run</c>: which system, which server and model, how calls are
/// scheduled, and the refiner's triggers. Turns them into the library's <see cref="ReasoningSetupOptions"/> and one
/// HTTP client for the whole command.
/// </summary>
internal sealed class ReasoningCliOptions
{
    public ReasoningCliOptions(bool hasInit)
    {
        // Only a command with --init may mention it (run takes the first box from the ground truth).
        string firstBox = (hasInit ? " Without --init the first box is grounded from it" : " With --ground-init the first box is grounded from it") +
            " (text initialization, OURS: R1-Track's grounding prompt from infer_script/r1track.py, sent and read as corners correctly; the released one does not work; logged as text-init-ours).";
        // A tracker that reads text (ITextTracker) is given the description in force; plain track passes --text, plain run the language file.
        string toTracker = hasInit ? " A tracker that reads text (see 'reasontrack trackers') is given it, also without --reasoner."
            : " A tracker that reads text (see 'reasontrack trackers') is given it; without --reasoner it gets the language file's first line.";
        Text = new("--text") { Description = "The target's description (default: the dataset's language file)." + firstBox + toTracker };
        Interval = new("--interval") { Description = "The refiner's fixed interval u in frames (with --trigger interval).", DefaultValueFactory = _ => 100 };
        CliOptions.AtLeast(Interval, 1, " frame");
        VlmTimeout = new("--vlm-timeout") { Description = "Seconds one HTTP attempt may take before it is abandoned (and retried).", DefaultValueFactory = _ => 120 };
        CliOptions.Positive(VlmTimeout, "seconds");
        VlmRetries = new("--vlm-retries") { Description = "Retries after a 429, 5xx, timeout or dropped connection (with backoff).", DefaultValueFactory = _ => 3 };
        CliOptions.AtLeast(VlmRetries, 0, "");
        CliOptions.Positive(VlmCoolDown, "seconds");
        JpegQuality = new("--jpeg-quality") { Description = "JPEG quality 1..100 with --image-encoding jpeg (default 95, OpenCV's; 90 with 4:2:0 is what every mode sent before issue 11).", DefaultValueFactory = _ => ImageEncoding.OpenCvDefaultQuality };
        CliOptions.AtLeast(JpegQuality, 1, "");
    }

    public Option<ReasonerKind?> Reasoner { get; } = CliOptions.OptionalEnum("--reasoner", Names.Reasoners, "Reason with a vision-language model: reasoningtrack (tracker + description refiner; released ReasoningTrack Evaluation/dutrack.py: motion trigger and check-frame timing, Evaluation/i2d.py: system prompt, images, reply tags and the initial-text rule), r1track (the VLM tracks from template/search crops; released infer_script/r1track.py: prompt, 336 px factor-4 crop loop, reply regex/JSON, clamp and map-back), vptracker (the VLM searches the whole frame every frame, as VPTracker's release: prompt, sampling and reply rules (first ```json block, 'visible' and 'bbox' keys required, a string bbox parsed, only \"no\" means not visible, boxes checked against the frame) from evaluation/infer_tracking_qwen_vlt_crop_absent.py; the factor-2 template crop (clipped, last column/row dropped by the +1 far pad) and the red 3 px outline (int() corners clamped to the image, drawn as PIL's rectangle) from ms-swift/swift/llm/template/base.py sample_target and _draw_bbox; scale 4 from infer.sh; the TNLLT description is the whole language.txt, from evaluation/tnllt_dataset.py), instruction (OURS, TrackGPT-like: TrackGPT released no code; our prompt grounds an implicit instruction, rethinks when the score < 0.5 x its first score as the paper describes; logged as instruction-ours), hybrid (OURS: no release combines them; tracker + vptracker re-localization when lost + refiner, each part with its released rules).");
    public Option<string[]> VlmUrl { get; } = VlmOptions.Urls("http://127.0.0.1:8000/v1");
    public Option<string?> VlmEndpoints { get; } = new("--vlm-endpoints") { Description = "A file of servers for a fleet (ours), instead of --vlm-url: one base URL per line, optionally followed by max=N (the most requests in flight there; default 4), e.g. 'http://gpu1:8000/v1 max=4'; # starts a comment." };
    public Option<double> VlmCoolDown { get; } = new("--vlm-cooldown") { Description = "With several servers: seconds a server whose request failed (unreachable, 5xx, timeout after its retries) is left out before it is tried again.", DefaultValueFactory = _ => 30 };
    public Option<string?> Model { get; } = VlmOptions.Model("The served model name (also picks the coordinate convention: qwen2.5 -> absolute pixels of the resized image, qwen2-vl/qwen3 -> 0..1000).");
    public Option<string> ApiKeyEnv { get; } = VlmOptions.ApiKeyEnv();
    public Option<ScheduleMode> Schedule { get; } = CliOptions.Enum("--schedule", Names.Schedules, "sync: each call completes before the next frame (reproducible, what the papers measured); realtime: the frame loop never waits, calls run in the background and answers are applied when they arrive.", ScheduleMode.Sync);
    public Option<string?> Text { get; }
    public Option<string?> Instruction { get; } = new("--instruction") { Description = "An implicit instruction naming the target, e.g. \"the player who will win the race\" (instruction mode; the first box is grounded from it)." };
    public Option<CoordinateConvention?> Coords { get; } = VlmOptions.Coords("Default: from the model name for grounding; r1track qwen2.5, vptracker as-sent.");
    public Option<bool> Think { get; } = new("--think") { Description = "R1-Track think mode (think prefix in the prompt, <think>/<answer> reply)." };
    public Option<bool> RejectBorderBoxes { get; } = new("--reject-border-boxes") { Description = "R1-Track: keep the previous box when the answer touches the image border: the pre-0.680 behaviour (infer_script/r1track.py before commit 969f246, README AO 0.677). Off by default: the released script applies such boxes." };
    public Option<IReadOnlyList<RefinerTrigger>> Trigger { get; } = CliOptions.EnumList("--trigger", Names.Triggers, "When the reasoningtrack refiner asks (comma list): motion (released, ReasoningTrack Evaluation/dutrack.py ~107-123, 310-313: after tracking every 10th frame k, area ratio < 0.95 or top-left moved > W/32 or H/32 against the box at the last update), interval (ours: every --interval frames), confidence (ours: tracker score < 0.5 x its first score). The request (Evaluation/i2d.py: system prompt, [frame of the last update, frame k, text]) is answered before frame k+1 is tracked and frame k's box becomes the new reference (dutrack.py ~185-294): with --schedule sync frame k+1 already uses the new text.", RefinerTrigger.Motion);
    public Option<int> Interval { get; }
    public Option<DescriptionStrategy> Strategy { get; } = CliOptions.Enum("--strategy", Names.Strategies, "Description strategy: initial (released, Evaluation/dutrack.py ~259 and i2d.py ~125-131: refine the initial text; its answer is used only when d is exactly 'yes' and it is not 'tracking the object'), cascaded, dynamic-static, static-dynamic (ours: the paper's ablations, no released code).", DescriptionStrategy.Initial);
    public Option<ReplyParsing> Parsing { get; } = CliOptions.Enum("--parsing", Names.Parsing, "Reply parsing: released (exactly the released systems' rules: what a fine-tuned model expects) or tolerant (also reads code fences, stray text, tag case and spacing variants, 'Yes', swapped corners, boxes partly outside the frame, cut-off JSON; every repair is noted in the log).", ReplyParsing.Released);
    public Option<ImageEncodingKind?> ImageEncodingOption { get; } = CliOptions.OptionalEnum("--image-encoding", Names.ImageEncodings, "How images are sent, for every mode of the run. Default: each mode's released encoding: reasoningtrack the frame file's own bytes labelled image/jpeg (Evaluation/i2d.py; PNG when a frame has no file, e.g. video input), r1track JPEG quality 95 4:2:0 (OpenCV's cv.imencode defaults, infer_script/r1track.py), vptracker lossless PNG (its ms-swift engine takes PIL images); text grounding JPEG q95 and instruction JPEG q90 (ours). file: the file's bytes labelled image/jpeg; jpeg: ours at --jpeg-quality, 4:2:0; png: lossless. The reasoning log's image_encodings names what each image was.");
    public Option<int> JpegQuality { get; }

    public Option<Datasets.LanguageReading?> LanguageReading { get; } = CliOptions.OptionalEnum("--language-reading", Names.LanguageReadings, "How a dataset's language file becomes the description (without --text). Default per mode, as released: vptracker whole-file (the whole language.txt, unstripped: VPTracker evaluation/tnllt_dataset.py ~59, f.read()); every other mode first-line (trimmed; ReasoningTrack's DUTrack base reads one line, lib/test/utils/load_text.py load_str).");
    public Option<double> VlmTimeout { get; }
    public Option<int> VlmRetries { get; }
    public Option<string?> Record { get; } = new("--vlm-record") { Description = "Record every request and reply to this JSONL file (replayable)." };
    public Option<bool> AllowVlmFailures { get; } = new("--allow-vlm-failures") { Description = "Count a sequence as done even when the model never answered or more than half of its calls failed (by default such a sequence fails: non-zero exit, not resumed)." };
    public Option<bool> KeepThumbnails { get; } = new("--vlm-thumbnails") { Description = "Keep a small JPEG (320 px) of every image sent to the model, as the mode built it (VPTracker's red outline included), in <out>/vlm-thumbnails/, named in the reasoning log (image_thumbnails); the HTML report (--report, 'reasontrack report') shows them on the timeline. Ours; off by default." };
    public Option<bool> GroundInit { get; } = new("--ground-init") { Description = "Take the first box from grounding the --text/--instruction even when a ground-truth box is available." };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Reasoner, VlmUrl, VlmEndpoints, VlmCoolDown, Model, ApiKeyEnv, Schedule, Text, Instruction, Coords, Think, RejectBorderBoxes, Trigger, Interval, Strategy, Parsing, LanguageReading, ImageEncodingOption, JpegQuality, VlmTimeout, VlmRetries, Record, KeepThumbnails, GroundInit, AllowVlmFailures })
            command.Options.Add(o);
    }

    /// <summary>The parsed reasoning setup, or null when no --reasoner was given (then reasoning options are refused).</summary>
    public ReasoningCliSelection? Read(ParseResult parse)
    {
        if (parse.GetValue(Reasoner) is not { } kind)
        {
            foreach (var o in new Option[] { Instruction, Think, RejectBorderBoxes, GroundInit, AllowVlmFailures, ImageEncodingOption, JpegQuality, KeepThumbnails })
                if (parse.GetResult(o) is { Implicit: false }) throw new ReasonTrackException($"{o.Name} only makes sense with --reasoner");
            return null;
        }
        string model = parse.GetValue(Model) ?? throw new ReasonTrackException("--reasoner needs --model (the name the server serves the model under)");
        var endpoints = Endpoints(parse);
        double timeout = parse.GetValue(VlmTimeout);
        int retries = parse.GetValue(VlmRetries);
        int interval = parse.GetValue(Interval);

        var setup = new ReasoningSetupOptions
        {
            Kind = kind,
            Model = model,
            Schedule = parse.GetValue(Schedule),
            Convention = parse.GetValue(Coords),
            Think = parse.GetValue(Think),
            RejectBorderBoxes = parse.GetValue(RejectBorderBoxes),
            Parsing = parse.GetValue(Parsing),
            Triggers = Triggers(parse.GetValue(Trigger)!, interval),
            Strategy = parse.GetValue(Strategy),
            Instruction = parse.GetValue(Instruction),
            ImageEncoding = Encoding(parse),
            LanguageReading = parse.GetValue(LanguageReading),
        };
        var client = new VlmClientOptions
        {
            BaseUrl = endpoints[0].BaseUrl,
            Model = model,
            ApiKeyEnvironmentVariable = parse.GetValue(ApiKeyEnv)!,
            RequestTimeout = TimeSpan.FromSeconds(timeout),
            MaxRetries = retries,
        };
        return new ReasoningCliSelection(setup, client, parse.GetValue(Text), parse.GetValue(Record), parse.GetValue(GroundInit),
            new VlmFailurePolicy { Allow = parse.GetValue(AllowVlmFailures) })
        {
            Endpoints = endpoints,
            CoolDown = TimeSpan.FromSeconds(parse.GetValue(VlmCoolDown)),
            KeepThumbnails = parse.GetValue(KeepThumbnails),
        };
    }

    /// <summary>The servers: the --vlm-endpoints file, else every --vlm-url (one server unless repeated).</summary>
    private IReadOnlyList<VlmEndpoint> Endpoints(ParseResult parse)
    {
        string? file = parse.GetValue(VlmEndpoints);
        if (file is not null)
        {
            if (parse.GetResult(VlmUrl) is { Implicit: false }) throw new ReasonTrackException("give the servers with --vlm-url or --vlm-endpoints, not both");
            return VlmEndpointsFile.Read(file);
        }
        var urls = parse.GetValue(VlmUrl) ?? [];
        if (urls.Length == 0) throw new ReasonTrackException("--vlm-url needs a base URL ending in /v1");
        var endpoints = urls.Select(u => new VlmEndpoint(VlmOptions.ParseUrl(u))).ToList();
        var dup = endpoints.GroupBy(e => e.BaseUrl.AbsoluteUri.TrimEnd('/')).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ReasonTrackException($"--vlm-url {ReasonTrack.IO.UrlRedaction.Redact(dup.First().BaseUrl)} is given {dup.Count()} times");
        if (parse.GetResult(VlmCoolDown) is { Implicit: false } && endpoints.Count < 2) throw new ReasonTrackException("--vlm-cooldown only makes sense with several servers (--vlm-url repeated or --vlm-endpoints)");
        return endpoints;
    }

    /// <summary>The --image-encoding choice (null: each mode's released one); --jpeg-quality only goes with jpeg.</summary>
    private ImageEncoding? Encoding(ParseResult parse)
    {
        var kind = parse.GetValue(ImageEncodingOption);
        int quality = parse.GetValue(JpegQuality);
        if (parse.GetResult(JpegQuality) is { Implicit: false } && kind != ImageEncodingKind.Jpeg)
            throw new ReasonTrackException("--jpeg-quality only makes sense with --image-encoding jpeg");
        if (quality > 100) throw new ReasonTrackException($"--jpeg-quality must be 1..100, got {quality}");
        return kind switch
        {
            null => null,
            ImageEncodingKind.FileBytes => ImageEncoding.FileBytes(),
            ImageEncodingKind.Jpeg => ImageEncoding.Jpeg(quality),
            _ => ImageEncoding.Png,
        };
    }

    internal static UpdateTriggerOptions Triggers(IReadOnlyList<RefinerTrigger> triggers, int interval) => new()
    {
        Motion = triggers.Contains(RefinerTrigger.Motion),
        Interval = triggers.Contains(RefinerTrigger.Interval) ? interval : null,
        ConfidenceDropFactor = triggers.Contains(RefinerTrigger.Confidence) ? RethinkRule.DefaultFactor : null,
    };
}

/// <summary>The reasoning choices of one command: the setup, the client settings, the text given, an optional recording.</summary>
internal sealed record ReasoningCliSelection(ReasoningSetupOptions Setup, VlmClientOptions Client, string? Text, string? RecordPath, bool GroundInit, VlmFailurePolicy FailurePolicy)
{
    /// <summary>Results are filed under this name: the VLM modes by their own name, the others as tracker-mode.</summary>
    public string ResultName(string tracker) => Runs.BenchmarkRun.DefaultResultName(tracker, Setup.Kind);

    /// <summary>Runs one sequence with reasoning and writes the reasoning log and the descriptions beside the boxes.</summary>
    public ReasoningTrackingOutcome Track(Microsoft.Extensions.AI.IChatClient client, ITracker tracker, Media.IFrameSource source, Geometry.Box? init, string? description,
        string boxesPath, Action<Media.ImageFrame, TrackResult>? observe = null, IProgress<int>? progress = null, Media.FrameAnnotator? annotator = null,
        Segmentation.MaskRecorder? masks = null) =>
        ReasoningTracking.Track(Setup, client, tracker, source, init, description, boxesPath, observe, progress, annotator, masks);

    /// <summary>The servers (one unless a fleet was given).</summary>
    public IReadOnlyList<VlmEndpoint> Endpoints { get; init; } = [];

    /// <summary>Keep thumbnails of the images sent (<see cref="Reasoning.Logging.SentImageThumbnails"/>) under the command's output folder.</summary>
    public bool KeepThumbnails { get; init; }

    /// <summary>A fleet's cool-down after a failure.</summary>
    public TimeSpan CoolDown { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The servers as the console shows them (redacted).</summary>
    public string ShownServers => Endpoints.Count <= 1 ? ReasonTrack.IO.UrlRedaction.Redact(Client.BaseUrl)
        : $"a fleet of {Endpoints.Count} servers ({string.Join(", ", Endpoints.Select(e => ReasonTrack.IO.UrlRedaction.Redact(e.BaseUrl)))})";

    /// <summary>
    /// The client for the whole command (shared by every sequence and job) and its recorder when asked (dispose both):
    /// one server's client as before, or a <see cref="VlmFleet"/> when several servers (or an endpoints file) are
    /// given. Fleet health events go to <paramref name="log"/>.
    /// </summary>
    public (Microsoft.Extensions.AI.IChatClient Client, VlmFleet? Fleet, VlmRecorder? Recorder) CreateClient(Action<string>? log = null, string? outputDirectory = null)
    {
        var recorder = RecordPath is null ? null : new VlmRecorder(RecordPath);
        Microsoft.Extensions.AI.IChatClient Keep(Microsoft.Extensions.AI.IChatClient c) => KeepThumbnails && outputDirectory is not null
            ? new Reasoning.Logging.SentImageThumbnails(c, new Reasoning.Logging.SentImageThumbnailOptions { Directory = outputDirectory })
            : c;
        if (Endpoints.Count <= 1)
        {
            var one = Endpoints.Count == 1 ? Client with { BaseUrl = Endpoints[0].BaseUrl, MaxConcurrentRequests = Endpoints[0].MaxConcurrentRequests ?? Client.MaxConcurrentRequests } : Client;
            return (Keep(new OpenAiCompatibleChatClient(one, recorder)), null, recorder);
        }
        var fleet = VlmFleet.Create(Client, Endpoints, new VlmFleetOptions { CoolDown = CoolDown, Log = log }, recorder);
        return (Keep(fleet), fleet, recorder);
    }

    /// <summary>
    /// Disposing the result prints a fleet's per-endpoint figures and writes them as vlm-fleet.json into
    /// <paramref name="directory"/> (nothing without a fleet), so a command reports them however it ends.
    /// </summary>
    public static IDisposable? ReportFleetAtEnd(VlmFleet? fleet, string directory, string fileName = VlmFleetStats.FileName) =>
        fleet is null ? null : new FleetReport(fleet, directory, fileName);

    private sealed class FleetReport(VlmFleet fleet, string directory, string fileName) : IDisposable
    {
        public void Dispose()
        {
            var stats = fleet.Stats();
            PrintFleet(stats, stats.WriteTo(directory, fileName));
        }
    }

    /// <summary>Prints a fleet's per-endpoint figures and where they were written.</summary>
    public static void PrintFleet(VlmFleetStats stats, string path)
    {
        Console.WriteLine($"VLM fleet (figures in {path}):");
        foreach (string line in stats.Describe()) Console.WriteLine("  " + line);
    }

    /// <summary>One line for the console: how many calls and how they ended.</summary>
    public static string Summary(string reasoningLogPath)
    {
        if (!File.Exists(reasoningLogPath)) return "";
        var counts = File.ReadLines(reasoningLogPath)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.TryGetProperty("status", out var s) ? s.GetString() ?? "?" : "?")
            .GroupBy(s => s).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}"));
        return string.Join(", ", counts);
    }
}
