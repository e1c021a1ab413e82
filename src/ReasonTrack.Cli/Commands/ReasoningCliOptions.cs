using System.CommandLine;
using System.Globalization;
using ReasonTrack.Reasoning.Logging;
using ReasonTrack.Reasoning.Modes;
using ReasonTrack.Reasoning.Parsing;
using ReasonTrack.Reasoning.Prompts;
using ReasonTrack.Reasoning.Scheduling;
using ReasonTrack.Reasoning.Vlm;
using ReasonTrack.Trackers;

namespace ReasonTrack.Cli.Commands;

/// <summary>
/// The reasoning options shared by <c>track</c> and <c>run</c>: which system, which server and model, how calls are
/// scheduled, and the refiner's triggers. Turns them into the library's <see cref="ReasoningSetupOptions"/> and one
/// HTTP client for the whole command.
/// </summary>
internal sealed class ReasoningCliOptions
{
    public Option<string?> Reasoner { get; } = new("--reasoner") { Description = "Reason with a vision-language model: reasoningtrack (tracker + description refiner), r1track (the VLM tracks from template/search crops), vptracker (the VLM searches the whole frame every frame), instruction (TrackGPT-style: ground an implicit instruction, rethink when the score drops), hybrid (tracker + vptracker re-localization when lost + refiner)." };
    public Option<string> VlmUrl { get; } = new("--vlm-url") { Description = "Base URL of an OpenAI-compatible server, ending in /v1 (vLLM, SGLang, llama.cpp server, Ollama, LM Studio).", DefaultValueFactory = _ => "http://127.0.0.1:8000/v1" };
    public Option<string?> Model { get; } = new("--model") { Description = "The served model name (also picks the coordinate convention: qwen2.5 -> absolute pixels of the resized image, qwen2-vl/qwen3 -> 0..1000)." };
    public Option<string> ApiKeyEnv { get; } = new("--api-key-env") { Description = "Environment variable holding the API key (never logged); 'EMPTY' is sent when it is unset.", DefaultValueFactory = _ => "OPENAI_API_KEY" };
    public Option<string> Schedule { get; } = new("--schedule") { Description = "sync: each call completes before the next frame (reproducible, what the papers measured); realtime: the frame loop never waits, calls run in the background and answers are applied when they arrive.", DefaultValueFactory = _ => "sync" };
    public Option<string?> Text { get; } = new("--text") { Description = "The target's description (default: the dataset's language file). Without --init the first box is grounded from it." };
    public Option<string?> Instruction { get; } = new("--instruction") { Description = "An implicit instruction naming the target, e.g. \"the player who will win the race\" (instruction mode; the first box is grounded from it)." };
    public Option<string?> Coords { get; } = new("--coords") { Description = "Coordinate convention of the model: qwen2.5 (absolute pixels of the image after Qwen2.5-VL's resize, done client-side), normalized1000 (Qwen2-VL, Qwen3-VL), absolute (pixels of the image as sent). Default: from the model name for grounding; r1track qwen2.5, vptracker absolute." };
    public Option<bool> Think { get; } = new("--think") { Description = "R1-Track think mode (think prefix in the prompt, <think>/<answer> reply)." };
    public Option<string> Trigger { get; } = new("--trigger") { Description = "When the refiner asks (comma list): motion (released: every 10 frames, area ratio < 0.95 or top-left moved > W/32 or H/32), interval (every --interval frames), confidence (tracker score < 0.5 x its first score).", DefaultValueFactory = _ => "motion" };
    public Option<int> Interval { get; } = new("--interval") { Description = "The refiner's fixed interval u in frames (with --trigger interval).", DefaultValueFactory = _ => 100 };
    public Option<string> Strategy { get; } = new("--strategy") { Description = "Description strategy: initial (released: refine the initial text), cascaded, dynamic-static, static-dynamic.", DefaultValueFactory = _ => "initial" };
    public Option<string> Parsing { get; } = new("--parsing") { Description = "Reply parsing: released (exactly the released systems' rules: what a fine-tuned model expects) or tolerant (also reads code fences, stray text, tag case and spacing variants, 'Yes', swapped corners, boxes partly outside the frame, cut-off JSON; every repair is noted in the log).", DefaultValueFactory = _ => "released" };
    public Option<double> VlmTimeout { get; } = new("--vlm-timeout") { Description = "Seconds one HTTP attempt may take before it is abandoned (and retried).", DefaultValueFactory = _ => 120 };
    public Option<int> VlmRetries { get; } = new("--vlm-retries") { Description = "Retries after a 429, 5xx, timeout or dropped connection (with backoff).", DefaultValueFactory = _ => 3 };
    public Option<string?> Record { get; } = new("--vlm-record") { Description = "Record every request and reply to this JSONL file (replayable)." };
    public Option<bool> GroundInit { get; } = new("--ground-init") { Description = "Take the first box from grounding the --text/--instruction even when a ground-truth box is available." };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Reasoner, VlmUrl, Model, ApiKeyEnv, Schedule, Text, Instruction, Coords, Think, Trigger, Interval, Strategy, Parsing, VlmTimeout, VlmRetries, Record, GroundInit })
            command.Options.Add(o);
    }

    /// <summary>The parsed reasoning setup, or null when no --reasoner was given (then reasoning options are refused).</summary>
    public ReasoningCliSelection? Read(ParseResult parse)
    {
        string? kindText = parse.GetValue(Reasoner);
        if (kindText is null)
        {
            foreach (var o in new Option[] { Instruction, Think, GroundInit })
                if (parse.GetResult(o) is { Implicit: false }) throw new ArgumentException($"{o.Name} only makes sense with --reasoner");
            return null;
        }
        var kind = kindText.ToLowerInvariant() switch
        {
            "reasoningtrack" => ReasonerKind.ReasoningTrack,
            "r1track" => ReasonerKind.R1Track,
            "vptracker" => ReasonerKind.VpTracker,
            "instruction" => ReasonerKind.Instruction,
            "hybrid" => ReasonerKind.Hybrid,
            _ => throw new ArgumentException($"--reasoner must be reasoningtrack, r1track, vptracker, instruction or hybrid, not '{kindText}'"),
        };
        string model = parse.GetValue(Model) ?? throw new ArgumentException("--reasoner needs --model (the name the server serves the model under)");
        string url = parse.GetValue(VlmUrl)!;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"--vlm-url must be an http(s) URL ending in /v1, not '{ReasonTrack.IO.UrlRedaction.Redact(url)}'");
        double timeout = parse.GetValue(VlmTimeout);
        if (!(timeout > 0)) throw new ArgumentException("--vlm-timeout must be a positive number of seconds");
        int retries = parse.GetValue(VlmRetries);
        if (retries < 0) throw new ArgumentException("--vlm-retries must be 0 or more");
        int interval = parse.GetValue(Interval);
        if (interval < 1) throw new ArgumentException("--interval must be at least 1 frame");

        var setup = new ReasoningSetupOptions
        {
            Kind = kind,
            Model = model,
            Schedule = parse.GetValue(Schedule)!.ToLowerInvariant() switch
            {
                "sync" => ScheduleMode.Sync,
                "realtime" => ScheduleMode.Realtime,
                var s => throw new ArgumentException($"--schedule must be sync or realtime, not '{s}'"),
            },
            Convention = parse.GetValue(Coords) is { } c ? c.ToLowerInvariant() switch
            {
                "qwen2.5" or "qwen25" => CoordinateConvention.Qwen25Absolute,
                "normalized1000" or "qwen3" or "qwen2" => CoordinateConvention.Normalized1000,
                "absolute" => CoordinateConvention.AbsoluteAsSent,
                _ => throw new ArgumentException($"--coords must be qwen2.5, normalized1000 or absolute, not '{c}'"),
            } : null,
            Think = parse.GetValue(Think),
            Parsing = parse.GetValue(Parsing)!.ToLowerInvariant() switch
            {
                "tolerant" => ReplyParsing.Tolerant,
                "released" => ReplyParsing.Released,
                var p => throw new ArgumentException($"--parsing must be tolerant or released, not '{p}'"),
            },
            Triggers = ParseTriggers(parse.GetValue(Trigger)!, interval),
            Strategy = parse.GetValue(Strategy)!.ToLowerInvariant() switch
            {
                "initial" => DescriptionStrategy.Initial,
                "cascaded" => DescriptionStrategy.Cascaded,
                "dynamic-static" => DescriptionStrategy.DynamicStatic,
                "static-dynamic" => DescriptionStrategy.StaticDynamic,
                var s => throw new ArgumentException($"--strategy must be initial, cascaded, dynamic-static or static-dynamic, not '{s}'"),
            },
            Instruction = parse.GetValue(Instruction),
        };
        var client = new VlmClientOptions
        {
            BaseUrl = baseUrl,
            Model = model,
            ApiKeyEnvironmentVariable = parse.GetValue(ApiKeyEnv)!,
            RequestTimeout = TimeSpan.FromSeconds(timeout),
            MaxRetries = retries,
        };
        return new ReasoningCliSelection(setup, client, parse.GetValue(Text), parse.GetValue(Record), parse.GetValue(GroundInit));
    }

    internal static UpdateTriggerOptions ParseTriggers(string text, int interval)
    {
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => n.ToLowerInvariant()).ToList();
        if (names.Count == 0) throw new ArgumentException("--trigger needs at least one of motion, interval, confidence");
        foreach (var n in names)
            if (n is not ("motion" or "interval" or "confidence")) throw new ArgumentException($"--trigger takes motion, interval and/or confidence (comma-separated), not '{n}'");
        return new UpdateTriggerOptions
        {
            Motion = names.Contains("motion"),
            Interval = names.Contains("interval") ? interval : null,
            ConfidenceDropFactor = names.Contains("confidence") ? RethinkRule.DefaultFactor : null,
        };
    }
}

/// <summary>The reasoning choices of one command: the setup, the client settings, the text given, an optional recording.</summary>
internal sealed record ReasoningCliSelection(ReasoningSetupOptions Setup, VlmClientOptions Client, string? Text, string? RecordPath, bool GroundInit)
{
    /// <summary>Results are filed under this name: the VLM modes by their own name, the others as tracker-mode.</summary>
    public string ResultName(string tracker) => Setup.Kind switch
    {
        ReasonerKind.R1Track => "r1track",
        ReasonerKind.VpTracker => "vptracker",
        _ => $"{tracker}-{Setup.Kind.ToString().ToLowerInvariant()}",
    };

    /// <summary>Runs one sequence with reasoning and writes the reasoning log and the descriptions beside the boxes.</summary>
    public TrackingOutcome Track(Microsoft.Extensions.AI.IChatClient client, ITracker tracker, Media.IFrameSource source, Geometry.Box? init, string? description,
        string boxesPath, Action<Media.ImageFrame, TrackResult>? observe = null, IProgress<int>? progress = null)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(boxesPath))!;
        Directory.CreateDirectory(dir);
        string stem = Path.Combine(dir, source.Name);
        using var log = new ReasoningLog(stem + "_reasoning.jsonl");
        var session = ReasoningSetup.CreateSession(Setup, client, tracker, log, description);
        // The annotated video shows the description in force under each frame (the session records it before the
        // frame is observed), cut to what fits the frame's width in the 6 px built-in font.
        Action<Media.ImageFrame, TrackResult>? annotate = observe is null ? null : (frame, result) =>
        {
            if (session.Descriptions.Count > 0 && session.Descriptions[^1] is { Length: > 0 } text)
            {
                int fit = Math.Max(4, (frame.Width - 8) / 6);
                Media.Drawing.DrawText(frame, 4, frame.Height - 12, text.Length <= fit ? text : text[..(fit - 3)] + "...", Media.Rgb.White);
            }
            observe(frame, result);
        };
        var outcome = session.Run(source, init, description, annotate, progress);
        ReasoningSession.WriteDescriptions(stem + "_descriptions.txt", session.Descriptions);
        return outcome;
    }

    /// <summary>The HTTP client for the whole command and its recorder when asked (dispose both).</summary>
    public (OpenAiCompatibleChatClient Client, VlmRecorder? Recorder) CreateClient()
    {
        var recorder = RecordPath is null ? null : new VlmRecorder(RecordPath);
        return (new OpenAiCompatibleChatClient(Client, recorder), recorder);
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
